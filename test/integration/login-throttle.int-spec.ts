import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '@conduit/domain';
import { testRedis, testThrottle } from './helpers';

describe('login throttle (real Redis)', () => {
  const redisA = testRedis();
  const redisB = testRedis();
  afterAll(async () => {
    await redisA.quit();
    await redisB.quit();
  });

  it('locks an account after the limit, for every replica, with a retry time', async () => {
    const replicaA = testThrottle(redisA, { maxFailuresPerAccount: 3 });
    const replicaB = testThrottle(redisB, { maxFailuresPerAccount: 3 });
    const keys = { ip: '198.51.100.7', account: `user:${randomUUID()}` };
    for (let i = 0; i < 2; i++) await replicaA.failed(keys);
    await replicaB.failed(keys);
    await expect(replicaB.beforeAttempt(keys)).resolves.toBeUndefined();
    await replicaA.failed(keys);
    const refusal = await replicaB.beforeAttempt(keys).catch((e) => e);
    expect(refusal.code).toBe(ErrorCode.LOCKED_OUT);
    expect(refusal.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(refusal.details.retryAfterSeconds).toBeLessThanOrEqual(30);
  });

  it('locks an address that fails across many accounts', async () => {
    const throttle = testThrottle(redisA, { maxFailuresPerIp: 4 });
    const ip = `203.0.113.${Math.floor(Math.random() * 200)}`;
    for (let i = 0; i < 5; i++) await throttle.failed({ ip, account: `user:${randomUUID()}` });
    await expect(throttle.beforeAttempt({ ip, account: `user:${randomUUID()}` })).rejects.toMatchObject({
      code: ErrorCode.LOCKED_OUT,
    });
  });

  it('slows attempts after repeated failures, and forgets them after a success', async () => {
    const throttle = testThrottle(redisA, { slowdownAfter: 2, maxDelayMs: 300 });
    const keys = { ip: null, account: `user:${randomUUID()}` };
    await throttle.failed(keys);
    await throttle.failed(keys);
    await throttle.failed(keys);
    const started = Date.now();
    await throttle.beforeAttempt(keys);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(await redisA.exists(`conduit:login-fail:account:${keys.account}`)).toBe(1);
    await throttle.succeeded(keys);
    expect(await redisA.exists(`conduit:login-fail:account:${keys.account}`)).toBe(0);
  });
});
