import { allForYear } from '@18f/us-federal-holidays';
import { DateTime, IANAZone } from 'luxon';
import { DomainError } from '../errors/domain-error';
import { CUTOFF } from '../tenancy/identifiers';

/** A merchant's settlement cut-off: a local wall-clock time, every day. */
export interface Cutoff {
  hour: number;
  minute: number;
}

/** How a batch's money reaches the bank, for its deposit date. */
export type DepositTender = 'card' | 'echeck';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** `HH:MM`, 00:00 to 23:59, as the admin setting `settlementCutoff` holds it. */
export function parseCutoff(text: unknown): Cutoff {
  if (typeof text !== 'string' || !CUTOFF.test(text))
    throw DomainError.validation([
      {
        field: 'settlementCutoff',
        message: 'settlementCutoff must be a local time HH:MM from 00:00 to 23:59',
      },
    ]);
  return { hour: Number(text.slice(0, 2)), minute: Number(text.slice(3, 5)) };
}

/**
 * An IANA zone name the runtime knows (`America/New_York`, `UTC`; matched case-insensitively, as
 * Intl does). Fixed offsets like `+05:00` are refused: a merchant's cut-off must follow the
 * daylight-saving rules of a place. The one check of a merchant's `timeZone`.
 */
export function isValidTimeZone(zone: unknown): boolean {
  return typeof zone === 'string' && IANAZone.isValidZone(zone);
}

function zoneOf(name: string): IANAZone {
  const zone = IANAZone.create(name);
  if (!zone.isValid) throw new RangeError(`Unknown time zone ${name}`);
  return zone;
}

/**
 * A plain date `YYYY-MM-DD` as the UTC midnight starting it (ms). Plain dates need no time zone,
 * so Date's UTC arithmetic does, and costs far less than building Luxon objects.
 */
function dayOf(date: string): number {
  const ms = LOCAL_DATE.test(date) ? Date.parse(`${date}T00:00:00Z`) : NaN;
  if (Number.isNaN(ms) || dateOf(ms) !== date)
    throw new RangeError(`Expected a date YYYY-MM-DD, got ${date}`);
  return ms;
}

function dateOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function plusDays(date: string, days: number): string {
  return dateOf(dayOf(date) + days * DAY_MS);
}

/** The zone's local wall-clock time at `t`, written as if it were UTC (milliseconds). */
function wallAt(zone: IANAZone, t: number): number {
  return t + zone.offset(t) * 60_000;
}

/**
 * The instant at which the wall-clock time `wall` happens in `zone`. We resolve DST ourselves
 * rather than take Luxon's `fromObject`, because Luxon (3.7, verified) moves a time in the
 * spring-forward gap by the gap's length (02:30 → 03:30 in New York), and resolves an ambiguous
 * fall-back time from the zone's offset *today*, so its answer changes with the season the code
 * runs in. For a cut-off:
 * - in a gap (the local time never happens) we take the instant the gap ends (03:00), so every
 *   local reading at or after the cut-off's wall time falls after it and none before;
 * - in an overlap (it happens twice) we take the first occurrence, so the batch closes as soon as
 *   the clock first shows the cut-off and never runs an hour long.
 */
function instantOfWall(zone: IANAZone, wall: number): number {
  // Offsets stay within ±14 h, so whatever instant shows `wall` lies within a day of it, and the
  // offsets a day before and after are those either side of any transition in between.
  const offsets = [zone.offset(wall - DAY_MS), zone.offset(wall + DAY_MS)].map((o) => o * 60_000);
  const exact = offsets
    .map((o) => wall - o)
    .filter((t) => wallAt(zone, t) === wall)
    .sort((a, b) => a - b);
  if (exact.length > 0) return exact[0];
  // A gap: the first instant whose wall-clock time reaches `wall` is the one the clock jumps at.
  let before = wall - Math.max(...offsets);
  let after = wall - Math.min(...offsets);
  while (after - before > 1) {
    const mid = Math.floor((before + after) / 2);
    if (wallAt(zone, mid) >= wall) after = mid;
    else before = mid;
  }
  return after;
}

/** The instant of the cut-off on the merchant-local date `localDate` (`YYYY-MM-DD`). */
export function cutoffAt(zone: string, cutoff: Cutoff, localDate: string): Date {
  const { hour, minute } = cutoff;
  if (
    !Number.isInteger(hour) ||
    !Number.isInteger(minute) ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59
  )
    throw new RangeError('A cut-off is an hour 0–23 and a minute 0–59 (see parseCutoff)');
  const wall = dayOf(localDate) + (hour * 60 + minute) * 60_000;
  return new Date(instantOfWall(zoneOf(zone), wall));
}

function localDateOf(zone: string, instant: Date): string {
  const date = DateTime.fromJSDate(instant, { zone: zoneOf(zone) }).toISODate();
  if (!date) throw new RangeError('Expected a valid instant');
  return date;
}

/**
 * The first cut-off strictly after `instant`: the close of the batch that activity at `instant`
 * belongs to. There is one cut-off per local date, increasing with the date; we start from the
 * instant's own date and walk until two neighbours bracket the instant, rather than assume the
 * answer is today or tomorrow, so a gap that pushes a cut-off past midnight cannot fool it.
 */
export function nextCutoffAfter(zone: string, cutoff: Cutoff, instant: Date): Date {
  const t = instant.getTime();
  let date = localDateOf(zone, instant);
  let c = cutoffAt(zone, cutoff, date);
  if (c.getTime() <= t) {
    while (c.getTime() <= t) c = cutoffAt(zone, cutoff, (date = plusDays(date, 1)));
    return c;
  }
  for (;;) {
    const earlier = cutoffAt(zone, cutoff, (date = plusDays(date, -1)));
    if (earlier.getTime() <= t) return c;
    c = earlier;
  }
}

/** The last cut-off at or before `instant` (an instant exactly at a cut-off is that cut-off). */
export function latestCutoffAtOrBefore(zone: string, cutoff: Cutoff, instant: Date): Date {
  const t = instant.getTime();
  let date = localDateOf(zone, instant);
  let c = cutoffAt(zone, cutoff, date);
  if (c.getTime() > t) {
    while (c.getTime() > t) c = cutoffAt(zone, cutoff, (date = plusDays(date, -1)));
    return c;
  }
  for (;;) {
    const later = cutoffAt(zone, cutoff, (date = plusDays(date, 1)));
    if (later.getTime() > t) return c;
    c = later;
  }
}

/** A batch's business date: the merchant-local date of its cut-off. */
export function businessDateOf(zone: string, cutoffInstant: Date): string {
  return localDateOf(zone, cutoffInstant);
}

const holidaysByYear = new Map<number, ReadonlySet<string>>();

/**
 * US federal holidays as the Federal Reserve observes them: one on a Sunday closes the Monday;
 * one on a Saturday is NOT moved to the Friday (the Reserve Banks open that Friday), unlike the
 * library's OPM default for federal offices. The library answers each holiday's observed
 * `dateString` as YYYY-MM-DD from local date parts, so the process time zone does not matter.
 */
function bankHolidays(year: number): ReadonlySet<string> {
  let days = holidaysByYear.get(year);
  if (!days) {
    const observed = allForYear(year, { shiftSaturdayHolidays: false, shiftSundayHolidays: true });
    days = new Set(observed.map((h) => h.dateString));
    holidaysByYear.set(year, days);
  }
  return days;
}

/** A day banks settle on: Monday to Friday, not a Federal Reserve holiday. */
export function isBankBusinessDay(date: string): boolean {
  const day = new Date(dayOf(date));
  const weekday = day.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !bankHolidays(day.getUTCFullYear()).has(date);
}

/**
 * The `n`-th bank business day after `date` (before it when `n` is negative; `date` itself when
 * 0). `date` need not be a business day: a Saturday batch deposits from the Monday on.
 */
export function addBankBusinessDays(date: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError('addBankBusinessDays expects a whole number of days');
  const step = n < 0 ? -1 : 1;
  let day = dateOf(dayOf(date));
  for (let left = Math.abs(n); left > 0;) {
    day = plusDays(day, step);
    if (isBankBusinessDay(day)) left -= 1;
  }
  return day;
}

/** When a batch's money should reach the bank: cards the next bank business day, eCheck the second. */
export function depositDate(businessDate: string, tender: DepositTender): string {
  if (tender === 'card') return addBankBusinessDays(businessDate, 1);
  if (tender === 'echeck') return addBankBusinessDays(businessDate, 2);
  throw new RangeError(`Unknown deposit tender ${String(tender)}`);
}
