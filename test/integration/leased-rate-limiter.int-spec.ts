import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { LeasedRateLimiter, RateLimited } from '../../apps/api/src/payments-http/leased-rate-limiter';
import { testRedis } from './helpers';

// The per-credential limit with leases (decision 0041), against real Redis, two replicas sharing it.

type TakeWindow = (...args: unknown[]) => Promise<unknown>;

/**
 * Real Redis behind a gate: each lease call reaches Redis at once, but while the gate is closed
 * its answer is held until `release()` (or replaced by a failure with `failNext()`), so a test
 * can see which requests wait for Redis.
 */
function gatedRedis(real: Redis) {
  let closed = false;
  let failNext = false;
  const held: Array<() => void> = [];
  const gate = {
    calls: 0,
    answered: 0,
    /** Until no lease call is in flight (one taken ahead may be). */
    async settled() {
      while (gate.answered < gate.calls) await new Promise((r) => setTimeout(r, 1));
    },
    close: () => (closed = true),
    failNext: () => (failNext = true),
    release: () => {
      closed = false;
      for (const answer of held.splice(0)) answer();
    },
    redis: {
      defineCommand: (name: string, def: { numberOfKeys: number; lua: string }) => {
        if (!(name in real)) real.defineCommand(name, def);
        const command = (real as unknown as Record<string, TakeWindow>)[name].bind(real);
        (gate.redis as Record<string, unknown>)[name] = async (...args: unknown[]) => {
          gate.calls++;
          const shouldFail = failNext;
          failNext = false;
          const answer = await command(...args).finally(() => gate.answered++);
          if (closed) await new Promise<void>((r) => held.push(r));
          if (shouldFail) throw new Error('redis went away');
          return answer;
        };
      },
    } as Record<string, unknown>,
  };
  return gate;
}

/** Whether a take settles without waiting for anything outside this process (a Redis answer). */
function settlesAtOnce(take: Promise<void>): Promise<boolean> {
  return Promise.race([take.then(() => true), new Promise<boolean>((r) => setImmediate(() => r(false)))]);
}
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

  /**
   * A credential that has just taken 200 requests at the start of a second, so its leases have
   * grown with its rate, behind a gated Redis with no lease call in flight.
   */
  async function busyCredential(suffix: string) {
    const id = `cred-${Date.now()}-${suffix}`;
    const gate = gatedRedis(redisA);
    const limiter = new LeasedRateLimiter(
      gate.redis as unknown as Redis,
      3200,
      `conduit:test:rate:${Date.now()}`,
    );
    await startOfSecond();
    for (let i = 0; i < 200; i++) await limiter.take(id);
    await gate.settled();
    return { id, gate, limiter };
  }

  it('never admits more than the limit in one window across replicas, then says when to retry', async () => {
    const id = `cred-${Date.now()}-a`;
    const prefix = `conduit:test:rate:${Date.now()}`;
    const limiters = [new LeasedRateLimiter(redisA, 320, prefix), new LeasedRateLimiter(redisB, 320, prefix)];
    await startOfSecond();
    const { admitted, refused } = await burst(limiters, id, 1000);
    expect(admitted).toBeLessThanOrEqual(320);
    // Unspent units lapse, so a replica may under-admit by what it holds: two leases (320/32) each.
    expect(admitted).toBeGreaterThanOrEqual(320 - 2 * 2 * 10);
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

  it("takes a busy credential's next lease ahead, so its requests do not wait for Redis", async () => {
    const { id, gate, limiter } = await busyCredential('c');
    gate.close();
    const callsBefore = gate.calls;
    // Spending half a lease asks Redis for the next one; the request that asked does not wait.
    let spent = 0;
    while (gate.calls === callsBefore) {
      expect(await settlesAtOnce(limiter.take(id))).toBe(true);
      spent++;
    }
    expect(spent).toBeGreaterThan(1);
    gate.release(); // the lease taken ahead lands, even if Redis had not answered yet
    await gate.settled();
    await new Promise((r) => setImmediate(r));
    gate.close();
    // The new lease adds to what was left, so the old lease's end passes without a wait.
    for (let i = 0; i < spent; i++) expect(await settlesAtOnce(limiter.take(id))).toBe(true);
    gate.release();
  });

  it('reports a failed lease taken ahead to the request that needs it, then recovers', async () => {
    const { id, gate, limiter } = await busyCredential('d');
    gate.failNext();
    const callsBefore = gate.calls;
    // The failing lease is asked for ahead; the units still held are spent meanwhile.
    while (gate.calls === callsBefore) expect(await settlesAtOnce(limiter.take(id))).toBe(true);
    let failure: unknown;
    for (let i = 0; i < 1000 && !failure; i++) await limiter.take(id).catch((e: unknown) => (failure = e));
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toBe('redis went away');
    await expect(limiter.take(id)).resolves.toBeUndefined();
  });
});
