import { describe, expect, it } from 'vitest';
import { addDays, dueCountdown, formatBusinessDate, localDay } from './dates';
import { formatBytes, formatCents } from './money';

describe('formatCents', () => {
  it('formats integer cents as US dollars, negatives with a true minus sign', () => {
    expect(formatCents(2853)).toBe('$28.53');
    expect(formatCents(0)).toBe('$0.00');
    expect(formatCents(-2500)).toBe('\u2212$25.00');
    expect(formatCents(123456789)).toBe('$1,234,567.89');
    expect(formatCents(null)).toBe('—');
    expect(formatCents(Number.NaN)).toBe('—');
  });
});

describe('business dates', () => {
  const expected = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    Date.UTC(2026, 10, 3),
  );

  it('formats a plain date as that calendar day whatever the browser zone', () => {
    expect(formatBusinessDate('2026-11-03')).toBe(expected);
    // A date column serialized as an instant at UTC midnight is the same day, not the day before.
    expect(formatBusinessDate('2026-11-03T00:00:00.000Z')).toBe(expected);
    expect(formatBusinessDate(null)).toBe('—');
  });

  it('adds calendar days across month ends and daylight-saving changes', () => {
    expect(addDays('2026-11-01', -29)).toBe('2026-10-03');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09');
  });

  it("gives the browser's calendar day as YYYY-MM-DD", () => {
    expect(localDay(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});

describe('dueCountdown', () => {
  const now = new Date(2026, 10, 3, 9, 0);

  it('counts calendar days to the due date', () => {
    expect(dueCountdown(new Date(2026, 10, 8, 17, 0).toISOString(), now)).toBe('Due in 5 days');
    expect(dueCountdown(new Date(2026, 10, 4, 8, 0).toISOString(), now)).toBe('Due tomorrow');
    expect(dueCountdown(new Date(2026, 10, 3, 17, 0).toISOString(), now)).toBe('Due today');
  });

  it('says overdue once the due time has passed, and nothing without a date', () => {
    expect(dueCountdown(new Date(2026, 10, 3, 8, 59).toISOString(), now)).toBe('Overdue');
    expect(dueCountdown(null, now)).toBeNull();
    expect(dueCountdown('not a date', now)).toBeNull();
  });
});

describe('formatBytes', () => {
  it('uses binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
  });
});
