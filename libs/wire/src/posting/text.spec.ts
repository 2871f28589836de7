import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { merchantClock } from './text';

const ZONES = [
  'America/New_York',
  'America/Los_Angeles',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'UTC',
];

describe('merchantClock', () => {
  it('writes the same digits as Luxon for any instant in any zone, DST changes included', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }),
        fc.constantFrom('yyyyLLddHHmmss', 'yyLLdd', 'HHmm', 'yyyyLLdd'),
        (zone, ms, format) => {
          const at = new Date(ms);
          expect(merchantClock(zone)(at, format)).toBe(DateTime.fromJSDate(at, { zone }).toFormat(format));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('is right on both sides of a transition, with the offset cache warm', () => {
    const clock = merchantClock('America/New_York');
    // 2026-11-01 01:59:59 EDT, then 01:00:00 EST one second later.
    expect(clock(new Date('2026-11-01T05:59:59Z'), 'yyyyLLddHHmmss')).toBe('20261101015959');
    expect(clock(new Date('2026-11-01T06:00:00Z'), 'yyyyLLddHHmmss')).toBe('20261101010000');
    expect(clock(new Date('2026-11-01T05:59:59Z'), 'HHmm')).toBe('0159');
  });
});
