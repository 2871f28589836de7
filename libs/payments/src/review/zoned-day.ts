import { DomainError } from '@conduit/domain';

/** IANA names only ("America/Chicago", "UTC"): no offsets or abbreviations the database may read differently. */
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/**
 * The zone a caller asked the day in, as its canonical IANA name; UTC when none was given.
 * An unknown name is refused (400) rather than quietly summarizing another day.
 */
export function parseTimeZone(raw: unknown, field = 'timeZone'): string {
  if (raw === undefined || raw === '') return 'UTC';
  const name = typeof raw === 'string' ? raw : '';
  if (ZONE_NAME.test(name) && name.length <= 64) {
    try {
      return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
    } catch {
      // Intl throws RangeError for a zone it does not know: refused below.
    }
  }
  throw DomainError.validation([
    { field, message: `${field} must be an IANA time zone name, e.g. America/New_York` },
  ]);
}

const PARTS = (timeZone: string) =>
  new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });

/** The wall-clock time in `timeZone` at `instant`, read back as if it were UTC (ms). */
function wallClock(instant: number, timeZone: string): number {
  const p = Object.fromEntries(
    PARTS(timeZone)
      .formatToParts(new Date(instant))
      .map((x) => [x.type, x.value]),
  );
  return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
}

/** The instant a wall-clock midnight (given as UTC ms) happens in `timeZone`. */
function midnightIn(dayUtc: number, timeZone: string): Date {
  // Two passes: the offset at the first guess may differ (DST) from the offset at midnight itself.
  let guess = dayUtc - (wallClock(dayUtc, timeZone) - dayUtc);
  guess = dayUtc - (wallClock(guess, timeZone) - guess);
  return new Date(guess);
}

/** The calendar day containing `now` in `timeZone`: its date and its [from, to) instants (23–25 h). */
export function zonedDay(timeZone: string, now = new Date()) {
  const wall = new Date(wallClock(now.getTime(), timeZone));
  const day = Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate());
  return {
    date: new Date(day).toISOString().slice(0, 10),
    from: midnightIn(day, timeZone),
    to: midnightIn(day + 24 * 3600 * 1000, timeZone),
  };
}
