import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutoffAt } from '../settlement/calendar';
import { PlanFrequency, type PlanFrequency as Frequency } from './plan-types';
import {
  addDays,
  addMonths,
  firstScheduleDateOnOrAfter,
  isPlainDate,
  nextScheduleDateAfter,
  type PlanSchedule,
  scheduleDate,
  upcomingScheduleDates,
} from './schedule';

const F = PlanFrequency;
const grid = (s: PlanSchedule, n: number) => Array.from({ length: n }, (_, i) => scheduleDate(s, i));
const plan = (frequency: Frequency, startDate: string, dayOfMonth: number | null = null): PlanSchedule => ({
  frequency,
  startDate,
  dayOfMonth,
});

describe('isPlainDate and addDays', () => {
  it.each(['2025-01-31', '2024-02-29', '2000-02-29', '9999-12-31'])('accepts %s', (d) => {
    expect(isPlainDate(d)).toBe(true);
  });

  it.each([
    '2025-02-29',
    '1900-02-29',
    '2025-13-01',
    '2025-00-10',
    '2025-04-31',
    '2025-1-01',
    ' 2025-01-01',
    '20250101',
    '2025-01-01T00:00:00Z',
    20250101,
    null,
  ])('refuses %s', (d) => {
    expect(isPlainDate(d)).toBe(false);
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });

  it('refuses a date that does not exist', () => {
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
  });
});

describe('scheduleDate', () => {
  it('Weekly and BiWeekly step 7 and 14 days', () => {
    expect(grid(plan(F.Weekly, '2025-12-24'), 3)).toEqual(['2025-12-24', '2025-12-31', '2026-01-07']);
    expect(grid(plan(F.BiWeekly, '2024-02-15'), 3)).toEqual(['2024-02-15', '2024-02-29', '2024-03-14']);
  });

  it('Monthly, Quarterly and Annually step 1, 3 and 12 months', () => {
    expect(grid(plan(F.Monthly, '2025-11-10'), 3)).toEqual(['2025-11-10', '2025-12-10', '2026-01-10']);
    expect(grid(plan(F.Quarterly, '2025-11-10'), 3)).toEqual(['2025-11-10', '2026-02-10', '2026-05-10']);
    expect(grid(plan(F.Annually, '2025-11-10'), 3)).toEqual(['2025-11-10', '2026-11-10', '2027-11-10']);
  });

  it('day 31 charges on the last day of short months and returns to 31 (no drift)', () => {
    expect(grid(plan(F.Monthly, '2025-01-31'), 6)).toEqual([
      '2025-01-31',
      '2025-02-28',
      '2025-03-31',
      '2025-04-30',
      '2025-05-31',
      '2025-06-30',
    ]);
    expect(grid(plan(F.Monthly, '2024-01-31'), 3)).toEqual(['2024-01-31', '2024-02-29', '2024-03-31']);
  });

  it('an explicit dayOfMonth sets the day from the second date on; the first is the start date', () => {
    expect(grid(plan(F.Monthly, '2025-01-10', 31), 4)).toEqual([
      '2025-01-10',
      '2025-02-28',
      '2025-03-31',
      '2025-04-30',
    ]);
    expect(grid(plan(F.Monthly, '2025-01-20', 5), 3)).toEqual(['2025-01-20', '2025-02-05', '2025-03-05']);
  });

  it('a 29 February start charges on 28 February in common years and 29 in leap years', () => {
    expect(grid(plan(F.Annually, '2024-02-29'), 5)).toEqual([
      '2024-02-29',
      '2025-02-28',
      '2026-02-28',
      '2027-02-28',
      '2028-02-29',
    ]);
    expect(grid(plan(F.Monthly, '2024-02-29'), 3)).toEqual(['2024-02-29', '2024-03-29', '2024-04-29']);
  });

  it('Quarterly on the 31st follows each quarter month’s last day', () => {
    expect(grid(plan(F.Quarterly, '2025-01-31'), 5)).toEqual([
      '2025-01-31',
      '2025-04-30',
      '2025-07-31',
      '2025-10-31',
      '2026-01-31',
    ]);
    expect(grid(plan(F.Quarterly, '2025-08-31'), 3)).toEqual(['2025-08-31', '2025-11-30', '2026-02-28']);
  });

  it('the month-end clamp never drifts over ten years', () => {
    const dates = grid(plan(F.Monthly, '2025-01-31'), 121);
    for (const [i, date] of dates.entries()) {
      const next = addDays(date, 1);
      // Every date is its month's last day: the day after it is the first of a month.
      expect(next.slice(8), `index ${i}: ${date}`).toBe('01');
      expect(date).toBe(addMonths('2025-01-31', i));
    }
    expect(dates[120]).toBe('2035-01-31');
  });

  it('refuses a negative or fractional index and a bad rule', () => {
    expect(() => scheduleDate(plan(F.Monthly, '2025-01-01'), -1)).toThrow(RangeError);
    expect(() => scheduleDate(plan(F.Monthly, '2025-01-01'), 1.5)).toThrow(RangeError);
    expect(() => scheduleDate(plan(F.Monthly, '2025-01-01', 32), 1)).toThrow(RangeError);
    expect(() => scheduleDate(plan(F.Monthly, '2025-02-30'), 1)).toThrow(RangeError);
  });
});

describe('nextScheduleDateAfter and firstScheduleDateOnOrAfter', () => {
  const monthly31 = plan(F.Monthly, '2025-01-31');

  it('answers the start date for any date before it', () => {
    expect(nextScheduleDateAfter(monthly31, '2020-06-01')).toBe('2025-01-31');
    expect(firstScheduleDateOnOrAfter(monthly31, '2025-01-30')).toBe('2025-01-31');
  });

  it('is strictly after, or on or after, a grid date', () => {
    expect(nextScheduleDateAfter(monthly31, '2025-01-31')).toBe('2025-02-28');
    expect(firstScheduleDateOnOrAfter(monthly31, '2025-02-28')).toBe('2025-02-28');
    expect(firstScheduleDateOnOrAfter(monthly31, '2025-03-01')).toBe('2025-03-31');
    expect(nextScheduleDateAfter(plan(F.Weekly, '2025-01-01'), '2025-01-08')).toBe('2025-01-15');
  });

  it('jumps straight to a date decades into a long plan', () => {
    expect(nextScheduleDateAfter(monthly31, '2125-02-10')).toBe('2125-02-28');
    expect(nextScheduleDateAfter(plan(F.Weekly, '2025-01-01'), '2125-01-01')).toBe(
      addDays('2025-01-01', 7 * (Math.floor(36524 / 7) + 1)),
    );
  });

  const dateArb = fc
    .date({
      min: new Date('2020-01-01T00:00:00Z'),
      max: new Date('2032-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
  const ruleArb = fc.record({
    frequency: fc.constantFrom(...Object.values(F)),
    startDate: dateArb,
    dayOfMonth: fc.option(fc.integer({ min: 1, max: 31 }), { nil: null }),
  });

  it('agrees with a naive walk of the grid (property)', () => {
    fc.assert(
      fc.property(ruleArb, dateArb, (rule, date) => {
        let i = 0;
        while (scheduleDate(rule, i) <= date) i += 1;
        expect(nextScheduleDateAfter(rule, date)).toBe(scheduleDate(rule, i));
        let j = 0;
        while (scheduleDate(rule, j) < date) j += 1;
        expect(firstScheduleDateOnOrAfter(rule, date)).toBe(scheduleDate(rule, j));
      }),
      { numRuns: 400 },
    );
  });

  it('the grid strictly increases (property)', () => {
    fc.assert(
      fc.property(ruleArb, fc.integer({ min: 0, max: 200 }), (rule, i) => {
        expect(scheduleDate(rule, i + 1) > scheduleDate(rule, i)).toBe(true);
      }),
    );
  });
});

describe('upcomingScheduleDates', () => {
  const weekly = plan(F.Weekly, '2025-03-03');

  it('gives count dates from the first on or after `from`', () => {
    expect(upcomingScheduleDates(weekly, '2025-03-04', 3)).toEqual([
      '2025-03-10',
      '2025-03-17',
      '2025-03-24',
    ]);
    expect(upcomingScheduleDates(weekly, '2025-03-10', 2)).toEqual(['2025-03-10', '2025-03-17']);
  });

  it('stops after the end date, inclusive', () => {
    expect(upcomingScheduleDates(weekly, '2025-03-01', 10, '2025-03-17')).toEqual([
      '2025-03-03',
      '2025-03-10',
      '2025-03-17',
    ]);
    expect(upcomingScheduleDates(weekly, '2025-03-18', 10, '2025-03-17')).toEqual([]);
    expect(upcomingScheduleDates(weekly, '2025-03-01', 2, null)).toHaveLength(2);
  });
});

describe('charging hour on daylight-saving Sundays', () => {
  // Plan dates are plain dates; the charging hour of a date comes from the settlement calendar's
  // cutoffAt, which keeps 06:00 local on both transition days in New York.
  it('cutoffAt gives 06:00 local on the spring-forward and fall-back Sundays', () => {
    const six = { hour: 6, minute: 0 };
    expect(cutoffAt('America/New_York', six, '2025-03-09').toISOString()).toBe('2025-03-09T10:00:00.000Z');
    expect(cutoffAt('America/New_York', six, '2025-11-02').toISOString()).toBe('2025-11-02T11:00:00.000Z');
    expect(cutoffAt('America/New_York', six, '2025-03-08').toISOString()).toBe('2025-03-08T11:00:00.000Z');
  });
});
