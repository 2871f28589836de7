/**
 * The grid of a plan's scheduled dates. Dates are merchant-local plain dates (YYYY-MM-DD): a plan
 * is due on a calendar day, whatever the clock or the daylight-saving rules do (the hour it is
 * charged at is settlement/calendar.ts `cutoffAt`'s business). Plain dates need no zone, so the
 * arithmetic is Date's UTC milliseconds, cheap enough for a scheduler scanning many plans.
 *
 * Each grid date is computed from the start date and its index, never from the previous date, so
 * a month-end clamp cannot drift (31 Jan → 28 Feb → 31 Mar, not → 28 Mar), and "the next date
 * after X" is arithmetic rather than a walk from the start of a ten-year plan.
 */
import { PlanFrequency } from './plan-types';

export interface PlanSchedule {
  frequency: PlanFrequency;
  startDate: string;
  dayOfMonth: number | null;
}

const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** A strict YYYY-MM-DD that names a day that exists (no 2025-02-29, no 2025-13-01). */
export function isPlainDate(v: unknown): v is string {
  if (typeof v !== 'string' || !PLAIN_DATE.test(v)) return false;
  const ms = Date.parse(`${v}T00:00:00Z`);
  return !Number.isNaN(ms) && dateOf(ms) === v;
}

function dayOf(date: string): number {
  if (!isPlainDate(date)) throw new RangeError(`Expected a date YYYY-MM-DD, got ${String(date)}`);
  return Date.parse(`${date}T00:00:00Z`);
}

function dateOf(ms: number): string {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  if (!(year >= 0 && year <= 9999)) throw new RangeError('Date outside the years 0000–9999');
  return d.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  if (!Number.isSafeInteger(days)) throw new RangeError('addDays expects a whole number of days');
  return dateOf(dayOf(date) + days * DAY_MS);
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((dayOf(b) - dayOf(a)) / DAY_MS);
}

function lastDayOfMonth(year: number, month0: number): number {
  return new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
}

/** `date` moved by whole months, its day clamped to the target month's last day. */
export function addMonths(date: string, months: number, dayOfMonth?: number | null): string {
  if (!Number.isSafeInteger(months)) throw new RangeError('addMonths expects a whole number of months');
  const start = new Date(dayOf(date));
  const total = start.getUTCFullYear() * 12 + start.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month0 = total - year * 12;
  const day = Math.min(dayOfMonth ?? start.getUTCDate(), lastDayOfMonth(year, month0));
  if (year < 0 || year > 9999) throw new RangeError('Date outside the years 0000–9999');
  return `${String(year).padStart(4, '0')}-${String(month0 + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function stepOf(frequency: PlanFrequency): { days: number } | { months: number } {
  switch (frequency) {
    case PlanFrequency.Weekly:
      return { days: 7 };
    case PlanFrequency.BiWeekly:
      return { days: 14 };
    case PlanFrequency.Monthly:
      return { months: 1 };
    case PlanFrequency.Quarterly:
      return { months: 3 };
    case PlanFrequency.Annually:
      return { months: 12 };
    default:
      throw new RangeError(`Unknown plan frequency ${String(frequency)}`);
  }
}

function checkSchedule(s: PlanSchedule): void {
  dayOf(s.startDate);
  const d = s.dayOfMonth;
  if (d !== null && d !== undefined && !(Number.isInteger(d) && d >= 1 && d <= 31))
    throw new RangeError(`dayOfMonth must be 1–31 or null, got ${String(d)}`);
}

/**
 * Grid date `index` (0 = startDate, always). Weekly: start + 7i days; BiWeekly + 14i.
 * Monthly/Quarterly/Annually: the month of startDate + i×(1|3|12) months, on day
 * min(dayOfMonth ?? day-of-startDate, last day of that month).
 */
export function scheduleDate(s: PlanSchedule, index: number): string {
  checkSchedule(s);
  if (!Number.isSafeInteger(index) || index < 0)
    throw new RangeError(`A schedule index is a whole number ≥ 0, got ${String(index)}`);
  if (index === 0) return s.startDate;
  const step = stepOf(s.frequency);
  if ('days' in step) return addDays(s.startDate, step.days * index);
  return addMonths(s.startDate, step.months * index, s.dayOfMonth);
}

/** Index of the first grid date strictly after `date` (0 when `date` is before the start). */
export function scheduleIndexAfter(s: PlanSchedule, date: string): number {
  checkSchedule(s);
  const elapsed = daysBetween(s.startDate, date);
  if (elapsed < 0) return 0;
  const step = stepOf(s.frequency);
  if ('days' in step) return Math.floor(elapsed / step.days) + 1;
  // Grid date i (i ≥ 1) lies in the month start + i×step, so an estimate from the month count is
  // at most one step short; the loop corrects it in one or two turns.
  const a = new Date(dayOf(s.startDate));
  const b = new Date(dayOf(date));
  const months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
  let index = Math.max(0, Math.floor(months / step.months));
  while (scheduleDate(s, index) <= date) index += 1;
  return index;
}

/** Index of the first grid date on or after `date`. */
export function scheduleIndexOnOrAfter(s: PlanSchedule, date: string): number {
  return scheduleIndexAfter(s, addDays(date, -1));
}

/** First grid date strictly after `date` (dates before startDate → startDate). */
export function nextScheduleDateAfter(s: PlanSchedule, date: string): string {
  return scheduleDate(s, scheduleIndexAfter(s, date));
}

/** First grid date on or after `date` (dates before startDate → startDate). */
export function firstScheduleDateOnOrAfter(s: PlanSchedule, date: string): string {
  return scheduleDate(s, scheduleIndexOnOrAfter(s, date));
}

/** `count` grid dates starting with the first on/after `from`, stopping after `endDate` (inclusive) when given. */
export function upcomingScheduleDates(
  s: PlanSchedule,
  from: string,
  count: number,
  endDate?: string | null,
): string[] {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError('count must be a whole number ≥ 0');
  if (endDate !== null && endDate !== undefined) dayOf(endDate);
  const dates: string[] = [];
  for (let i = scheduleIndexOnOrAfter(s, from); dates.length < count; i += 1) {
    const date = scheduleDate(s, i);
    if (endDate && date > endDate) break;
    dates.push(date);
  }
  return dates;
}
