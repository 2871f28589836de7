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
/** Zone offsets change only on quarter hours of UTC (every zone's transitions are there). */
const OFFSET_BUCKET_MS = 15 * 60 * 1000;
const FAST_FORMAT = /^(yyyy|yy|LL|dd|HH|mm|ss)+$/;
const pad = (n: number) => String(n).padStart(2, '0');

export function merchantClock(timeZone: string): MerchantClock {
  const zone = IANAZone.create(timeZone);
  // A posting file formats 100,000 dates: Luxon takes tens of microseconds each, so the zone's
  // offset is looked up once per quarter hour and the digits are written by hand. Any other
  // format goes to Luxon.
  const offsets = new Map<number, number>();
  const offsetAt = (ms: number) => {
    const bucket = Math.floor(ms / OFFSET_BUCKET_MS);
    let offset = offsets.get(bucket);
    if (offset === undefined) {
      offset = zone.offset(ms);
      offsets.set(bucket, offset);
    }
    return offset;
  };
  return (at, format) => {
    if (!FAST_FORMAT.test(format)) return DateTime.fromJSDate(at, { zone }).toFormat(format);
    const local = new Date(at.getTime() + offsetAt(at.getTime()) * 60_000);
    const year = String(local.getUTCFullYear()).padStart(4, '0');
    return format.replace(/yyyy|yy|LL|dd|HH|mm|ss/g, (token) => {
      switch (token) {
        case 'yyyy':
          return year;
        case 'yy':
          return year.slice(-2);
        case 'LL':
          return pad(local.getUTCMonth() + 1);
        case 'dd':
          return pad(local.getUTCDate());
        case 'HH':
          return pad(local.getUTCHours());
        case 'mm':
          return pad(local.getUTCMinutes());
        default:
          return pad(local.getUTCSeconds());
      }
    });
  };
}

/** `YYYY-MM-DD` → `YYYYMMDD` (CCYYMMDD). */
export function compactDate(isoDate: string): string {
  return isoDate.replace(/-/g, '');
}
