import { afterAll, describe, expect, it } from 'vitest';
import { LeasedRateLimiter, RateLimited } from '../../apps/api/src/payments-http/leased-rate-limiter';
import { testRedis } from './helpers';

// The per-credential limit with leases (decision 0041), against real Redis, two replicas sharing it.
describe('leased rate limiter (real Redis, two replicas)', () => {
  const redisA = testRedis();
  const redisB = testRedis();
  afterAll(async () => {
    await redisA.quit();
    await redisB.quit();
  });

  /** Waits until Redis's clock has just started a second, so a short burst stays in one window. */
  async function startOfSecond() {
    for (;;) {
      const [, micros] = await redisA.time();
      if (Number(micros) < 50_000) return;
      await new Promise((r) => setTimeout(r, Math.max(1, (1_000_000 - Number(micros)) / 1000)));
    }
  }

  async function burst(limiters: LeasedRateLimiter[], id: string, n: number) {
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        limiters[i % limiters.length].take(id).then(
          () => 'ok' as const,
          (e: unknown) => (e instanceof RateLimited ? e : Promise.reject(e)),
        ),
      ),
    );
    return {
      admitted: results.filter((r) => r === 'ok').length,
      refused: results.filter((r): r is RateLimited => r instanceof RateLimited),
    };
  }

  it('never admits more than the limit in one window across replicas, then says when to retry', async () => {
    const id = `cred-${Date.now()}-a`;
    const prefix = `conduit:test:rate:${Date.now()}`;
    const limiters = [new LeasedRateLimiter(redisA, 320, prefix), new LeasedRateLimiter(redisB, 320, prefix)];
    await startOfSecond();
    const { admitted, refused } = await burst(limiters, id, 1000);
    expect(admitted).toBeLessThanOrEqual(320);
    // Unspent leases lapse, so a replica may under-admit by at most a lease (320/32) each.
    expect(admitted).toBeGreaterThanOrEqual(320 - 2 * 10);
    expect(refused.length).toBe(1000 - admitted);
    for (const r of refused) expect(r.retryAfterSeconds).toBe(1);
  });

  it('admits again in the next window', async () => {
    const id = `cred-${Date.now()}-b`;
    const prefix = `conduit:test:rate:${Date.now()}`;
    const limiter = new LeasedRateLimiter(redisA, 5, prefix);
    await startOfSecond();
    const first = await burst([limiter], id, 8);
    expect(first.admitted).toBe(5);
    await new Promise((r) => setTimeout(r, 1100));
    const second = await burst([limiter], id, 8);
    expect(second.admitted).toBe(5);
  });
});
