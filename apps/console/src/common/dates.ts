const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_PREFIX = /^(\d{4})-(\d{2})-(\d{2})/;

/** DateInput gives a local calendar day; the API wants an instant. "From" = start of day, "To" = end of day. */
export const startOfDay = (value: string | null): string | null =>
  value && DAY.test(value) ? new Date(`${value}T00:00:00`).toISOString() : value || null;

export const endOfDay = (value: string | null): string | null =>
  value && DAY.test(value) ? new Date(`${value}T23:59:59.999`).toISOString() : value || null;

/** YYYY-MM-DD of the browser's calendar day. */
export const localDay = (date = new Date()): string =>
  [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((n) => String(n).padStart(2, '0')).join('-');

/** The calendar day `days` after (or before) a YYYY-MM-DD day. */
export const addDays = (day: string, days: number): string => {
  const match = DAY_PREFIX.exec(day);
  if (!match) return day;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days));
  return date.toISOString().slice(0, 10);
};

/**
 * A plain calendar date (a business date, a deposit date) as a UTC midnight, so that formatting
 * it never moves it to the day before in a browser west of Greenwich. Accepts "2026-11-03" and
 * the "2026-11-03T00:00:00.000Z" a date column may serialize to.
 */
const plainDate = (value: string | null | undefined): Date | null => {
  const match = value ? DAY_PREFIX.exec(value) : null;
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
};

const BUSINESS_DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const SHORT_DATE = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const WEEKDAY_DATE = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

/** "Nov 3, 2026"; an em dash when empty. */
export const formatBusinessDate = (value: string | null | undefined): string => {
  const date = plainDate(value);
  return date ? BUSINESS_DATE.format(date) : (value ?? '') || '—';
};

/** "Nov 3", for chart axes. */
export const formatShortDate = (value: string): string => {
  const date = plainDate(value);
  return date ? SHORT_DATE.format(date) : value;
};

/** "Tue, Nov 3". */
export const formatWeekdayDate = (value: string | null | undefined): string => {
  const date = plainDate(value);
  return date ? WEEKDAY_DATE.format(date) : '—';
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole calendar days from the browser's today to the day of `instant`, in the browser's zone. */
const calendarDaysUntil = (instant: Date, now: Date): number => {
  const start = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  const end = Date.UTC(instant.getFullYear(), instant.getMonth(), instant.getDate());
  return Math.round((end - start) / DAY_MS);
};

/** "Overdue", "Due today", "Due tomorrow", "Due in 5 days"; null without a valid date. */
export const dueCountdown = (dueAt: string | null | undefined, now = new Date()): string | null => {
  const due = dueAt ? new Date(dueAt) : null;
  if (!due || Number.isNaN(due.getTime())) return null;
  if (due.getTime() <= now.getTime()) return 'Overdue';
  const days = calendarDaysUntil(due, now);
  if (days <= 0) return 'Due today';
  if (days === 1) return 'Due tomorrow';
  return `Due in ${days} days`;
};

/** The zone if this browser knows it (Intl throws on an unknown one), else undefined: the browser's. */
export const knownTimeZone = (zone: string | null | undefined): string | undefined => {
  if (!zone) return undefined;
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
};
