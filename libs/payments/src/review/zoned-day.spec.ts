import { describe, expect, it } from 'vitest';
import { DomainError } from '@conduit/domain';
import { parseTimeZone, zonedDay } from './zoned-day';

describe('parseTimeZone', () => {
  it('defaults to UTC and keeps IANA names', () => {
    expect(parseTimeZone(undefined)).toBe('UTC');
    expect(parseTimeZone('America/Chicago')).toBe('America/Chicago');
    expect(parseTimeZone('Europe/Paris')).toBe('Europe/Paris');
  });

  it.each(['Mars/Olympus', 'EST5EDT; DROP', '+05:00', "America/New_York'", 42])('refuses %s', (zone) => {
    expect(() => parseTimeZone(zone)).toThrow(DomainError);
  });
});

describe('zonedDay', () => {
  it("is the zone's calendar day, not UTC's", () => {
    // 03:30 UTC on Nov 4 is still the evening of Nov 3 in Chicago (UTC−6 after DST ends).
    const day = zonedDay('America/Chicago', new Date('2026-11-04T03:30:00Z'));
    expect(day.date).toBe('2026-11-03');
    expect(day.from.toISOString()).toBe('2026-11-03T06:00:00.000Z');
    expect(day.to.toISOString()).toBe('2026-11-04T06:00:00.000Z');
  });

  it('has 25 hours on the day summer time ends and 23 on the day it starts', () => {
    const fall = zonedDay('America/New_York', new Date('2026-11-01T12:00:00Z'));
    expect(fall.from.toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect((fall.to.getTime() - fall.from.getTime()) / 3_600_000).toBe(25);
    const spring = zonedDay('America/New_York', new Date('2026-03-08T12:00:00Z'));
    expect((spring.to.getTime() - spring.from.getTime()) / 3_600_000).toBe(23);
  });

  it('is the UTC day in UTC', () => {
    const day = zonedDay('UTC', new Date('2026-12-02T23:59:00Z'));
    expect(day).toEqual({
      date: '2026-12-02',
      from: new Date('2026-12-02T00:00:00Z'),
      to: new Date('2026-12-03T00:00:00Z'),
    });
  });
});
