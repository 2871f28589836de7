import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError, ErrorCode } from '../errors/domain-error';
import {
  addBankBusinessDays,
  businessDateOf,
  cutoffAt,
  depositDate,
  isBankBusinessDay,
  isValidTimeZone,
  latestCutoffAtOrBefore,
  nextCutoffAfter,
  parseCutoff,
} from './calendar';

const NY = 'America/New_York';
const EIGHT_PM = { hour: 20, minute: 0 };
const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();

describe('parseCutoff', () => {
  it.each([
    ['00:00', 0, 0],
    ['20:00', 20, 0],
    ['09:05', 9, 5],
    ['23:59', 23, 59],
  ])('reads %s', (text, hour, minute) => {
    expect(parseCutoff(text)).toEqual({ hour, minute });
  });

  it.each([
    '24:00',
    '23:60',
    '8:00',
    '20:0',
    '20:00:00',
    ' 20:00',
    '20:00 ',
    '2000',
    '',
    '２０:００',
    null,
    2000,
  ])('refuses %j naming settlementCutoff', (text) => {
    try {
      parseCutoff(text);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe(ErrorCode.VALIDATION_FAILED);
      expect((e as DomainError).details.fieldErrors?.[0].field).toBe('settlementCutoff');
    }
  });
});

describe('isValidTimeZone', () => {
  it('knows IANA zones and refuses anything else', () => {
    for (const zone of [NY, 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC'])
      expect(isValidTimeZone(zone)).toBe(true);
    for (const zone of ['Mars/Olympus_Mons', '+05:00', '', 'local', undefined, 5])
      expect(isValidTimeZone(zone)).toBe(false);
  });
});

describe('cutoffAt', () => {
  it('follows New York across both DST changes: 20:00 is 01:00Z in winter, 00:00Z in summer', () => {
    expect(iso(cutoffAt(NY, EIGHT_PM, '2026-03-07'))).toBe('2026-03-08T01:00:00.000Z');
    expect(iso(cutoffAt(NY, EIGHT_PM, '2026-03-08'))).toBe('2026-03-09T00:00:00.000Z');
    expect(iso(cutoffAt(NY, EIGHT_PM, '2026-10-31'))).toBe('2026-11-01T00:00:00.000Z');
    expect(iso(cutoffAt(NY, EIGHT_PM, '2026-11-01'))).toBe('2026-11-02T01:00:00.000Z');
  });

  it('puts a cut-off inside the spring-forward gap at the instant the gap ends', () => {
    // 02:00–02:59 never happens on 2026-03-08: the clock goes from 01:59:59 EST to 03:00 EDT.
    for (const minute of [0, 30, 59])
      expect(iso(cutoffAt(NY, { hour: 2, minute }, '2026-03-08'))).toBe('2026-03-08T07:00:00.000Z');
    expect(iso(cutoffAt(NY, { hour: 3, minute: 0 }, '2026-03-08'))).toBe('2026-03-08T07:00:00.000Z');
    expect(iso(cutoffAt(NY, { hour: 1, minute: 59 }, '2026-03-08'))).toBe('2026-03-08T06:59:00.000Z');
  });

  it('puts a cut-off in the fall-back overlap at its first occurrence', () => {
    // 01:00–01:59 happens twice on 2026-11-01: first in EDT (-4), then in EST (-5).
    expect(iso(cutoffAt(NY, { hour: 1, minute: 30 }, '2026-11-01'))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(cutoffAt(NY, { hour: 1, minute: 0 }, '2026-11-01'))).toBe('2026-11-01T05:00:00.000Z');
    expect(iso(cutoffAt(NY, { hour: 2, minute: 0 }, '2026-11-01'))).toBe('2026-11-01T07:00:00.000Z');
  });

  it('handles Pacific/Auckland, the southern hemisphere, on both changes', () => {
    const z = 'Pacific/Auckland';
    expect(iso(cutoffAt(z, EIGHT_PM, '2026-01-15'))).toBe('2026-01-15T07:00:00.000Z'); // NZDT +13
    expect(iso(cutoffAt(z, EIGHT_PM, '2026-07-15'))).toBe('2026-07-15T08:00:00.000Z'); // NZST +12
    expect(iso(cutoffAt(z, { hour: 2, minute: 30 }, '2026-04-05'))).toBe('2026-04-04T13:30:00.000Z'); // overlap
    expect(iso(cutoffAt(z, { hour: 2, minute: 30 }, '2026-09-27'))).toBe('2026-09-26T14:00:00.000Z'); // gap
  });

  it('handles Asia/Kolkata, a half-hour offset without DST', () => {
    expect(iso(cutoffAt('Asia/Kolkata', EIGHT_PM, '2026-03-08'))).toBe('2026-03-08T14:30:00.000Z');
    expect(iso(cutoffAt('Asia/Kolkata', { hour: 0, minute: 15 }, '2026-03-08'))).toBe(
      '2026-03-07T18:45:00.000Z',
    );
  });

  it('handles Australia/Lord_Howe, whose DST moves the clock by 30 minutes', () => {
    const z = 'Australia/Lord_Howe';
    expect(iso(cutoffAt(z, EIGHT_PM, '2026-01-10'))).toBe('2026-01-10T09:00:00.000Z'); // +11
    expect(iso(cutoffAt(z, EIGHT_PM, '2026-07-10'))).toBe('2026-07-10T09:30:00.000Z'); // +10:30
    // 2026-10-04: 02:00 → 02:30; 2026-04-05: 02:00 → 01:30.
    expect(iso(cutoffAt(z, { hour: 2, minute: 15 }, '2026-10-04'))).toBe('2026-10-03T15:30:00.000Z');
    expect(iso(cutoffAt(z, { hour: 1, minute: 45 }, '2026-04-05'))).toBe('2026-04-04T14:45:00.000Z');
  });

  it('refuses an unknown zone or a malformed date', () => {
    expect(() => cutoffAt('Mars/Olympus_Mons', EIGHT_PM, '2026-03-08')).toThrow(RangeError);
    for (const date of ['2026-02-30', '2026-3-8', '20260308', '2026-W10-1', ''])
      expect(() => cutoffAt(NY, EIGHT_PM, date)).toThrow(RangeError);
    for (const bad of [
      { hour: 24, minute: 0 },
      { hour: 20, minute: 60 },
      { hour: 20.5, minute: 0 },
    ])
      expect(() => cutoffAt(NY, bad, '2026-03-08')).toThrow(RangeError);
  });
});

describe('nextCutoffAfter / latestCutoffAtOrBefore', () => {
  it('treats an instant exactly at a cut-off as after it: the next is a day later', () => {
    const boundary = at('2026-03-09T00:00:00.000Z'); // 20:00 EDT on 2026-03-08
    expect(iso(nextCutoffAfter(NY, EIGHT_PM, boundary))).toBe('2026-03-10T00:00:00.000Z');
    expect(iso(latestCutoffAtOrBefore(NY, EIGHT_PM, boundary))).toBe('2026-03-09T00:00:00.000Z');
    const justBefore = new Date(boundary.getTime() - 1);
    expect(iso(nextCutoffAfter(NY, EIGHT_PM, justBefore))).toBe('2026-03-09T00:00:00.000Z');
    expect(iso(latestCutoffAtOrBefore(NY, EIGHT_PM, justBefore))).toBe('2026-03-08T01:00:00.000Z');
  });

  it('spans 25 hours across the fall-back and 23 across the spring-forward', () => {
    const fall = at('2026-11-01T00:00:00.000Z'); // 20:00 EDT on 2026-10-31
    expect(iso(nextCutoffAfter(NY, EIGHT_PM, fall))).toBe('2026-11-02T01:00:00.000Z');
    const spring = at('2026-03-08T01:00:00.000Z'); // 20:00 EST on 2026-03-07
    expect(iso(nextCutoffAfter(NY, EIGHT_PM, spring))).toBe('2026-03-09T00:00:00.000Z');
  });

  it('does not take the second pass through an overlap for another cut-off', () => {
    const cutoff = { hour: 1, minute: 30 };
    const secondPass = at('2026-11-01T06:00:00.000Z'); // 01:00 EST, after 01:30 EDT was the cut-off
    expect(iso(latestCutoffAtOrBefore(NY, cutoff, secondPass))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(nextCutoffAfter(NY, cutoff, secondPass))).toBe('2026-11-02T06:30:00.000Z');
  });

  it('finds the merchant-local date, not the UTC one', () => {
    const morning = { hour: 8, minute: 0 };
    const z = 'Pacific/Auckland';
    const instant = at('2026-07-14T19:00:00.000Z'); // 07:00 NZST on 2026-07-15
    const next = nextCutoffAfter(z, morning, instant);
    expect(iso(next)).toBe('2026-07-14T20:00:00.000Z');
    expect(businessDateOf(z, next)).toBe('2026-07-15');
  });
});

describe('businessDateOf', () => {
  it('is the local date of the cut-off', () => {
    expect(businessDateOf(NY, at('2026-03-09T00:00:00.000Z'))).toBe('2026-03-08');
    expect(businessDateOf(NY, at('2026-11-02T01:00:00.000Z'))).toBe('2026-11-01');
    expect(businessDateOf('Asia/Kolkata', at('2026-03-07T18:45:00.000Z'))).toBe('2026-03-08');
  });
});

describe('cut-off properties', () => {
  const zones = [
    'UTC',
    NY,
    'America/Los_Angeles',
    'America/Sao_Paulo', // changed at midnight until 2019
    'America/Santiago',
    'Europe/London',
    'Europe/Berlin',
    'Asia/Kolkata',
    'Asia/Tokyo',
    'Pacific/Auckland',
    'Pacific/Chatham', // +12:45 / +13:45
    'Australia/Lord_Howe',
  ];
  const HOUR = 3_600_000;
  const zone = fc.constantFrom(...zones);
  const cutoff = fc.record({
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
  });
  const instant = fc.date({
    min: at('2000-01-01T00:00:00Z'),
    max: at('2040-12-31T00:00:00Z'),
    noInvalidDate: true,
  });
  // Random instants seldom fall near a DST change, so half the runs are drawn around known ones.
  const transitions: [string, string][] = [
    [NY, '2026-03-08T07:00:00Z'],
    [NY, '2026-11-01T06:00:00Z'],
    ['Europe/London', '2026-03-29T01:00:00Z'],
    ['Pacific/Auckland', '2026-04-04T14:00:00Z'],
    ['Pacific/Auckland', '2026-09-26T14:00:00Z'],
    ['Pacific/Chatham', '2026-09-26T14:00:00Z'],
    ['Australia/Lord_Howe', '2026-04-04T15:00:00Z'],
    ['Australia/Lord_Howe', '2026-10-03T15:30:00Z'],
    ['America/Sao_Paulo', '2018-11-04T03:00:00Z'], // 00:00 → 01:00
    ['America/Sao_Paulo', '2019-02-17T02:00:00Z'], // 00:00 → 23:00 the day before
  ];
  const nearTransition = fc
    .tuple(fc.constantFrom(...transitions), fc.integer({ min: -36 * HOUR, max: 36 * HOUR }))
    .map(([[z, t], delta]) => [z, new Date(at(t).getTime() + delta)] as const);
  const zoneAndInstant = fc.oneof(fc.tuple(zone, instant), nearTransition);

  it('brackets every instant by consecutive cut-offs 23 to 25 hours apart', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(zoneAndInstant, cutoff, ([z, t], c) => {
        const latest = latestCutoffAtOrBefore(z, c, t);
        const next = nextCutoffAfter(z, c, t);
        expect(latest.getTime()).toBeLessThanOrEqual(t.getTime());
        expect(t.getTime()).toBeLessThan(next.getTime());
        const gap = next.getTime() - latest.getTime();
        expect(gap).toBeGreaterThanOrEqual(23 * HOUR);
        expect(gap).toBeLessThanOrEqual(25 * HOUR);
        // Consecutive: nothing in between, and each cut-off is its own latest.
        expect(nextCutoffAfter(z, c, latest).getTime()).toBe(next.getTime());
        expect(latestCutoffAtOrBefore(z, c, next).getTime()).toBe(next.getTime());
      }),
      { numRuns: 1500 },
    );
  });

  it('gives each local date one cut-off, whose business date is that date', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(zoneAndInstant, cutoff, ([z, t], c) => {
        const date = businessDateOf(z, nextCutoffAfter(z, c, t));
        expect(businessDateOf(z, cutoffAt(z, c, date))).toBe(date);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('isBankBusinessDay', () => {
  it.each([
    ['2026-07-03', true, 'Friday before Independence Day on a Saturday: the Fed is open'],
    ['2026-07-04', false, 'Saturday'],
    ['2026-07-06', true, 'Monday after a Saturday holiday: not moved'],
    ['2027-12-24', true, 'Friday before Christmas on a Saturday'],
    ['2027-12-25', false, 'Christmas on a Saturday'],
    ['2027-12-27', true, 'Monday after'],
    ['2022-12-25', false, 'Christmas on a Sunday'],
    ['2022-12-26', false, 'observed the Monday'],
    ['2022-12-27', true, 'Tuesday'],
    ['2026-06-19', false, 'Juneteenth on a Friday'],
    ['2022-06-20', false, 'Juneteenth on a Sunday, observed the Monday'],
    ['2027-06-18', true, 'Friday before Juneteenth on a Saturday'],
    ['2026-11-26', false, 'Thanksgiving, the fourth Thursday'],
    ['2026-11-27', true, 'the Friday after Thanksgiving'],
    ['2026-11-19', true, 'the third Thursday'],
    ['2027-12-31', true, 'Friday before New Year 2028 on a Saturday: stays open'],
    ['2028-01-01', false, 'New Year on a Saturday'],
    ['2028-01-03', true, 'Monday after'],
    ['2023-01-02', false, 'New Year 2023 on a Sunday, observed the Monday'],
    ['2026-10-12', false, 'Columbus Day'],
    ['2026-11-11', false, 'Veterans Day'],
    ['2026-03-09', true, 'an ordinary Monday'],
    ['2026-03-08', false, 'Sunday'],
  ])('%s is %s (%s)', (date, open) => {
    expect(isBankBusinessDay(date)).toBe(open);
  });

  it('refuses a malformed date', () => {
    expect(() => isBankBusinessDay('2026-13-01')).toThrow(RangeError);
  });
});

describe('addBankBusinessDays / depositDate', () => {
  it('skips the weekend and a Monday holiday (Labor Day 2026-09-07)', () => {
    expect(depositDate('2026-09-04', 'card')).toBe('2026-09-08'); // Friday → Tuesday
    expect(depositDate('2026-09-04', 'echeck')).toBe('2026-09-09');
    expect(depositDate('2026-09-05', 'card')).toBe('2026-09-08'); // a Saturday batch
    expect(depositDate('2026-09-06', 'echeck')).toBe('2026-09-09');
    expect(depositDate('2026-09-03', 'card')).toBe('2026-09-04');
    expect(depositDate('2026-09-03', 'echeck')).toBe('2026-09-08');
  });

  it('skips Christmas and New Year on Fridays (2026)', () => {
    expect(depositDate('2026-12-24', 'card')).toBe('2026-12-28');
    expect(depositDate('2026-12-31', 'echeck')).toBe('2027-01-05');
  });

  it('counts zero and negative days too, and refuses fractions', () => {
    expect(addBankBusinessDays('2026-09-05', 0)).toBe('2026-09-05');
    expect(addBankBusinessDays('2026-09-08', -1)).toBe('2026-09-04');
    expect(addBankBusinessDays('2026-09-01', 5)).toBe('2026-09-09');
    expect(() => addBankBusinessDays('2026-09-01', 1.5)).toThrow(RangeError);
    expect(() => depositDate('2026-09-01', 'wire' as never)).toThrow(RangeError);
  });

  it('always lands on a business day, after the date', () => {
    const day = fc
      .integer({ min: 0, max: 365 * 30 })
      .map((n) => new Date(Date.UTC(2000, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.constantFrom('card' as const, 'echeck' as const), (d, tender) => {
        const deposit = depositDate(d, tender);
        expect(isBankBusinessDay(deposit)).toBe(true);
        expect(deposit > d).toBe(true);
        // Counting back lands on the date itself, or on the business day before it.
        const back = addBankBusinessDays(deposit, tender === 'card' ? -1 : -2);
        if (isBankBusinessDay(d)) expect(back).toBe(d);
        else expect(back < d).toBe(true);
      }),
    );
  });
});
