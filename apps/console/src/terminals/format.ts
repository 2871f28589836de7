/** Pure helpers of the terminals pages (unit-tested in format.spec.ts). */

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/**
 * "now", "3 minutes ago", "2 days ago": how long ago `iso` was, in the largest whole unit;
 * null without a valid date. Under a minute reads "now" (the heartbeat is 15 s).
 */
export const timeAgo = (iso: string | null | undefined, now = new Date(), locale?: string): string | null => {
  const at = iso ? new Date(iso) : null;
  if (!at || Number.isNaN(at.getTime())) return null;
  const seconds = Math.round((now.getTime() - at.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (Math.abs(seconds) < 60) return format.format(0, 'second');
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(-Math.trunc(seconds / size), unit);
  }
  return format.format(-Math.trunc(seconds / 60), 'minute');
};

/** Whole seconds from `now` until `iso` (0 once passed); null without a valid date. */
export const secondsLeft = (iso: string | null | undefined, now = new Date()): number | null => {
  const until = iso ? new Date(iso) : null;
  if (!until || Number.isNaN(until.getTime())) return null;
  return Math.max(0, Math.ceil((until.getTime() - now.getTime()) / 1000));
};

/** 872 → "14:32": a countdown's minutes and seconds. */
export const clock = (seconds: number): string =>
  `${Math.floor(seconds / 60)}:${String(Math.max(0, seconds) % 60).padStart(2, '0')}`;

/**
 * "ABCDEFGH" or "abcd-efgh" → "ABCD-EFGH", the form the device asks for; anything that is not
 * eight code characters is returned as the server sent it.
 */
export const displayPairingCode = (code: string): string => {
  const bare = code.replace(/[\s-]/g, '').toUpperCase();
  return /^[A-Z0-9]{8}$/.test(bare) ? `${bare.slice(0, 4)}-${bare.slice(4)}` : code;
};

/** The code spelt out for a screen reader, a character at a time ("A B C D, E F G H"). */
export const spokenPairingCode = (code: string): string =>
  displayPairingCode(code)
    .split('-')
    .map((part) => part.split('').join(' '))
    .join(', ');
