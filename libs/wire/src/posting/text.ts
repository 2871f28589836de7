import { DateTime, IANAZone } from 'luxon';

// Control characters (C0, DEL, C1), invisible format characters (bidi overrides can make a value
// read differently from what it is), lone surrogates, and the Unicode line and paragraph
// separators that some readers treat as line breaks.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu;

/**
 * A text value that cannot break the record it sits in: the format's own separators and every
 * control character become a space, runs of spaces collapse, the ends are trimmed. So a patient
 * name holding `|` or CRLF cannot end its record early or start a forged one.
 */
export function cleanText(value: string | null | undefined, separators: RegExp, maxLength?: number): string {
  if (value === null || value === undefined) return '';
  const clean = String(value).replace(INVISIBLE, ' ').replace(separators, ' ').replace(/\s+/g, ' ').trim();
  return maxLength === undefined ? clean : clean.slice(0, maxLength).trimEnd();
}

/** Formats instants on the merchant's clock, e.g. `yyyyLLddHHmmss` for CCYYMMDDHHMMSS. */
export type MerchantClock = (at: Date, format: string) => string;

/** One zone object per writer: resolving the zone name again for each of 100,000 items is slower. */
export function merchantClock(timeZone: string): MerchantClock {
  const zone = IANAZone.create(timeZone);
  return (at, format) => DateTime.fromJSDate(at, { zone }).toFormat(format);
}

/** `YYYY-MM-DD` → `YYYYMMDD` (CCYYMMDD). */
export function compactDate(isoDate: string): string {
  return isoDate.replace(/-/g, '');
}
