import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelayMs, retryAfterMs, sleep } from './retry';

const options = fc.record({
  baseDelayMs: fc.integer({ min: 1, max: 5_000 }),
  maxDelayMs: fc.integer({ min: 1, max: 60_000 }),
});
const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

describe('backoffDelayMs', () => {
  it('waits between half and all of the capped exponential delay', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), options, unit, (attempt, o, r) => {
        const cap = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** attempt);
        const d = backoffDelayMs(attempt, o, () => r);
        expect(d).toBeGreaterThanOrEqual(Math.floor(cap / 2));
        expect(d).toBeLessThanOrEqual(Math.ceil(cap));
      }),
    );
  });

  it('never shrinks from one attempt to the next, for the same draw', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), options, unit, (attempt, o, r) => {
        expect(backoffDelayMs(attempt + 1, o, () => r)).toBeGreaterThanOrEqual(
          backoffDelayMs(attempt, o, () => r),
        );
      }),
    );
  });

  it('spreads clients that failed together (jitter)', () => {
    const o = { baseDelayMs: 1_000, maxDelayMs: 8_000 };
    expect(backoffDelayMs(2, o, () => 0)).toBe(2_000);
    expect(backoffDelayMs(2, o, () => 0.999)).toBe(3_998);
    expect(backoffDelayMs(10, o, () => 0)).toBe(4_000);
  });
});

describe('retryAfterMs', () => {
  it('reads delta-seconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 86_400 }), (s) => {
        expect(retryAfterMs(String(s))).toBe(s * 1000);
      }),
    );
  });

  it('reads an HTTP date relative to now, never negative', () => {
    const now = Date.parse('2026-11-23T18:00:00Z');
    expect(retryAfterMs('Mon, 23 Nov 2026 18:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Mon, 23 Nov 2026 17:59:00 GMT', now)).toBe(0);
  });

  it('ignores what is absent or unreadable', () => {
    expect(retryAfterMs(null)).toBeUndefined();
    expect(retryAfterMs(undefined)).toBeUndefined();
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});

describe('sleep', () => {
  it('rejects with the reason as soon as the signal aborts', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const waiting = sleep(10_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
