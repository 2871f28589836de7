import { DomainError } from '../errors/domain-error';

export interface TrackData {
  pan: string;
  expMonth: number;
  expYear: number;
  holderName?: string;
}

/** What a read of the stripe says besides the card: its service code (ISO/IEC 7813, 3 digits). */
export interface TrackRead extends TrackData {
  serviceCode: string;
}

/** Longest input considered: both tracks (79 + 40 characters with sentinels and LRCs) and line ends. */
const MAX_LENGTH = 160;

/** Track 1, format B: PAN (AMEX track 1 may space it), name, YYMM, service code, discretionary. */
const TRACK1 = /^B([\d ]{13,23})\^([^^]{0,26})\^(\d{2})(\d{2})(\d{3})[^^]*$/;
/** Track 2: PAN, separator, YYMM, service code, numeric discretionary data. */
const TRACK2 = /^(\d{13,19})=(\d{2})(\d{2})(\d{3})\d*$/;

/**
 * The only error this module throws. It never includes any part of the input, which holds the
 * card number.
 */
function malformed(): DomainError {
  return DomainError.validation([
    { field: 'trackData', message: 'trackData is not valid track 1 or track 2 data' },
  ]);
}

/** "DOE/PAT" → "PAT DOE"; padding trimmed; no name → undefined. Chip data (5F20) uses it too. */
export function holderNameOf(raw: string): string | undefined {
  const slash = raw.indexOf('/');
  const parts = slash < 0 ? [raw] : [raw.slice(slash + 1), raw.slice(0, slash)];
  const name = parts
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .join(' ');
  return name === '' ? undefined : name;
}

function expiryOf(yy: string, mm: string): { expMonth: number; expYear: number } {
  const expMonth = Number(mm);
  if (expMonth < 1 || expMonth > 12) throw malformed();
  return { expMonth, expYear: 2000 + Number(yy) };
}

function parseTrack1(body: string): TrackRead {
  const m = TRACK1.exec(body);
  if (!m || body.length > 76) throw malformed();
  const pan = m[1].replace(/ /g, '');
  if (!/^\d{13,19}$/.test(pan)) throw malformed();
  return { pan, ...expiryOf(m[3], m[4]), holderName: holderNameOf(m[2]), serviceCode: m[5] };
}

function parseTrack2(body: string): TrackRead {
  const m = TRACK2.exec(body);
  if (!m || body.length > 37) throw malformed();
  return { pan: m[1], ...expiryOf(m[2], m[3]), serviceCode: m[4] };
}

/**
 * Splits reader output into tracks. Each track runs from its start sentinel (`%` or `;`) to its
 * end sentinel `?`, which may be followed by one LRC character. Whitespace (a reader's CR/LF)
 * may separate or follow the tracks. A track a reader failed to read (`%E?`, `;E?`) yields null.
 */
function splitTracks(input: string): { sentinel: string; track: TrackRead | null }[] {
  const tracks: { sentinel: string; track: TrackRead | null }[] = [];
  let rest = input.trim();
  while (rest !== '') {
    const sentinel = rest[0];
    const end = rest.indexOf('?');
    if ((sentinel !== '%' && sentinel !== ';') || end < 0 || tracks.length >= 2) throw malformed();
    const body = rest.slice(1, end);
    rest = rest.slice(end + 1);
    // One optional LRC character; a `;` here is an LRC only if another `;` follows it.
    if (rest !== '' && !/^\s/.test(rest) && (rest[0] !== ';' || rest[1] === ';')) rest = rest.slice(1);
    rest = rest.trimStart();
    if (body === 'E') tracks.push({ sentinel, track: null });
    else tracks.push({ sentinel, track: sentinel === '%' ? parseTrack1(body) : parseTrack2(body) });
  }
  return tracks;
}

/**
 * Parses ISO/IEC 7813 magnetic-stripe data exactly as a keyboard-emulation reader types it:
 * track 1, track 2, or track 1 then track 2. When both are read they must agree on the card
 * number and expiry. A track the reader reports as unreadable is ignored if the other is good.
 */
export function parseTrackData(raw: unknown): TrackRead {
  if (typeof raw !== 'string' || raw.length > MAX_LENGTH) throw malformed();
  const tracks = splitTracks(raw);
  const order = tracks.map((t) => t.sentinel).join('');
  if (order !== '%' && order !== ';' && order !== '%;') throw malformed();
  const track1 = tracks.find((t) => t.sentinel === '%')?.track ?? undefined;
  const track2 = tracks.find((t) => t.sentinel === ';')?.track ?? undefined;
  const main = track2 ?? track1;
  if (!main) throw malformed();
  if (track1 && track2) {
    const agree =
      track1.pan === track2.pan && track1.expMonth === track2.expMonth && track1.expYear === track2.expYear;
    if (!agree) throw malformed();
  }
  const result: TrackRead = {
    pan: main.pan,
    expMonth: main.expMonth,
    expYear: main.expYear,
    serviceCode: main.serviceCode,
  };
  if (track1?.holderName) result.holderName = track1.holderName;
  return result;
}

/**
 * A service code starting 2 or 6 says the card has a chip (ISO/IEC 7813): a terminal must read
 * the chip, and may fall back to the stripe only after the chip read failed.
 */
export function isChipServiceCode(serviceCode: string): boolean {
  return serviceCode.startsWith('2') || serviceCode.startsWith('6');
}

export const CHIP_CARD_SWIPED =
  'This card has a chip: insert the chip (send fallback=true only after a chip read failure)';
