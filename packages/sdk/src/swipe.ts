import { ConduitError } from './errors.js';

/** What a swipe shows a person before it is sent: never the card number, only its last four. */
export interface Swipe {
  /** The tracks exactly as the reader typed them: send as `Card.TrackData` with `EntryMode: 'swipe'`. */
  trackData: string;
  lastFour: string;
  expirationMonth: number;
  expirationYear: number;
  holderName?: string;
}

const TRACK1 = /^%B(\d[\d ]{11,22}\d)\^([^^]{0,26})\^(\d{2})(\d{2})/;
const TRACK2 = /;(\d{13,19})=(\d{2})(\d{2})/;

// The error never carries the input: it holds the card number.
const unreadable = () =>
  new ConduitError({
    status: 0,
    code: 'invalid_request',
    message: 'The swipe is not valid track 1 or track 2 data; swipe again',
  });

/** "DOE/PAT" → "PAT DOE". */
function holderName(raw: string): string | undefined {
  const [last, first] = raw.split('/').map((p) => p.trim());
  const name = [first, last].filter((p) => p).join(' ');
  return name === '' ? undefined : name;
}

/**
 * Reads what a keyboard-emulation card reader types (ISO 7813 track 1 `%B…?`, track 2 `;…=…?`,
 * or both), to show the payer the card before sending `trackData` on (payments.md "swipe"). The
 * platform parses the tracks again; this is for the screen and to catch a bad swipe at once.
 */
export function parseSwipe(input: string): Swipe {
  const trackData = input.trim();
  const t1 = TRACK1.exec(trackData);
  const t2 = TRACK2.exec(trackData);
  const pan = t2?.[1] ?? t1?.[1].replace(/ /g, '');
  const [yy, mm] = t2 ? [t2[2], t2[3]] : t1 ? [t1[3], t1[4]] : [];
  if (!pan || !/^\d{13,19}$/.test(pan) || yy === undefined || mm === undefined) throw unreadable();
  const month = Number(mm);
  if (month < 1 || month > 12 || !trackData.includes('?')) throw unreadable();
  const name = t1 ? holderName(t1[2]) : undefined;
  return {
    trackData,
    lastFour: pan.slice(-4),
    expirationMonth: month,
    expirationYear: 2000 + Number(yy),
    ...(name ? { holderName: name } : {}),
  };
}

/**
 * Tells a reader's burst of keystrokes from a person typing: a reader types a whole swipe in a
 * few hundred milliseconds, starting with `%` or `;` and ending with Enter. Feed it every key
 * (`KeyboardEvent.key` and `timeStamp`); it answers the swipe's text when one ends, else
 * undefined. Keys typed slower than `maxGapMs` apart are a person's: the burst is dropped.
 */
export class SwipeCollector {
  private buffer = '';
  private last = -Infinity;

  constructor(private readonly maxGapMs = 50) {}

  push(key: string, timeMs: number): string | undefined {
    const gap = timeMs - this.last;
    this.last = timeMs;
    if (this.buffer !== '' && gap > this.maxGapMs) this.buffer = '';
    if (key === 'Enter') {
      const text = this.buffer;
      this.buffer = '';
      return text.endsWith('?') || /\?.$/.test(text) ? text : undefined;
    }
    if (key.length !== 1) return undefined;
    if (this.buffer === '' && key !== '%' && key !== ';') return undefined;
    this.buffer += key;
    return undefined;
  }
}
