import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StatisticsRefresh } from './statistics-refresh';

describe('StatisticsRefresh', () => {
  it('asks for a refresh once a burst into a table counted empty reaches the minimum', () => {
    const r = new StatisticsRefresh(2000, 0.2, 5000);
    expect(r.note(500, 0)).toBe(false);
    expect(r.note(1499, 10)).toBe(false);
    expect(r.note(1, 20)).toBe(true);
  });

  it('waits for a fraction of what the statistics counted, and for the interval', () => {
    const r = new StatisticsRefresh(2000, 0.2, 5000);
    r.refreshed(100_000, 0);
    expect(r.note(19_999, 60_000)).toBe(false); // a steady flow into a large table: no refresh yet
    expect(r.note(1, 60_000)).toBe(true);
    r.refreshed(0, 60_000);
    expect(r.note(5000, 61_000)).toBe(false); // due by rows, but within the interval
    expect(r.note(0, 65_000)).toBe(true);
  });

  it('never asks twice within the interval, whatever is inserted', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(10_000), fc.nat(2_000)), { maxLength: 200 }), (steps) => {
        const r = new StatisticsRefresh(2000, 0.2, 5000);
        let now = 0;
        let last = Number.NEGATIVE_INFINITY;
        for (const [rows, dt] of steps) {
          now += dt;
          if (r.note(rows, now)) {
            expect(now - last).toBeGreaterThanOrEqual(5000);
            last = now;
            r.refreshed(rows, now);
          }
        }
      }),
    );
  });
});
