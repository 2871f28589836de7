import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '@conduit/domain';
import { testRedis, testThrottle } from './helpers';

const locked = { code: ErrorCode.LOCKED_OUT };

describe('login throttle (real Redis)', () => {
  const redisA = testRedis();
  const redisB = testRedis();
  afterAll(async () => {
    await redisA.quit();
    await redisB.quit();
  });

  it('locks an account from one address after the limit, for every replica, with a retry time', async () => {
    const replicaA = testThrottle(redisA, { maxFailuresPerAccountAddress: 3 });
    const replicaB = testThrottle(redisB, { maxFailuresPerAccountAddress: 3 });
    const keys = { ip: '198.51.100.7', account: `user:${randomUUID()}` };
    await replicaA.attempt(keys);
    await replicaB.attempt(keys);
    await replicaA.attempt(keys);
    const refusal = (await replicaB.attempt(keys).catch((e: unknown) => e)) as {
      details: { retryAfterSeconds: number };
    };
    expect(refusal).toMatchObject(locked);
    expect(refusal.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(refusal.details.retryAfterSeconds).toBeLessThanOrEqual(30);
  });

  it('refuses concurrent attempts past the limit before any is evaluated', async () => {
    const throttle = testThrottle(redisA, { maxFailuresPerAccountAddress: 10 });
    const keys = { ip: '198.51.100.8', account: `user:${randomUUID()}` };
    const results = await Promise.allSettled(Array.from({ length: 30 }, () => throttle.attempt(keys)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
  });

  it('never locks the account for another address: it is only slowed, within the cap', async () => {
    const throttle = testThrottle(redisA, {
      maxFailuresPerAccountAddress: 3,
      slowdownAfter: 2,
      maxDelayMs: 300,
    });
    const account = `credential:${randomUUID()}`;
    for (let i = 0; i < 3; i++) await throttle.attempt({ ip: '203.0.113.1', account });
    await expect(throttle.attempt({ ip: '203.0.113.1', account })).rejects.toMatchObject(locked);
    const started = Date.now();
    await expect(throttle.attempt({ ip: '203.0.113.2', account })).resolves.toBeUndefined();
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(250);
    expect(waited).toBeLessThan(1000);
  });

  it('locks an address that fails across many accounts, except one on the organization allowlist', async () => {
    const throttle = testThrottle(redisA, { maxFailuresPerIp: 4 });
    const ip = `203.0.113.${10 + Math.floor(Math.random() * 200)}`;
    for (let i = 0; i < 4; i++) await throttle.attempt({ ip, account: `user:${randomUUID()}` });
    await expect(throttle.attempt({ ip, account: `user:${randomUUID()}` })).rejects.toMatchObject(locked);
    await expect(
      throttle.attempt({ ip, account: `user:${randomUUID()}`, allowlisted: true }),
    ).resolves.toBeUndefined();
  });

  it('does not slow an allowlisted address for failures elsewhere', async () => {
    const throttle = testThrottle(redisA, { slowdownAfter: 1, maxDelayMs: 2000 });
    const account = `credential:${randomUUID()}`;
    for (let i = 0; i < 4; i++) await throttle.attempt({ ip: `192.0.2.${i + 1}`, account }).catch(() => 0);
    const started = Date.now();
    await throttle.attempt({ ip: '10.1.2.3', account, allowlisted: true });
    expect(Date.now() - started).toBeLessThan(200);
  });

  it('forgets the address failures of an account after a success and hands the reservation back', async () => {
    const throttle = testThrottle(redisA, { maxFailuresPerAccountAddress: 3 });
    const keys = { ip: '198.51.100.9', account: `user:${randomUUID()}` };
    await throttle.attempt(keys);
    await throttle.attempt(keys);
    await throttle.attempt(keys);
    await throttle.succeeded(keys);
    expect(await redisA.exists(`conduit:login:pair:${keys.account}|${keys.ip}`)).toBe(0);
    expect(await redisA.get(`conduit:login:account:${keys.account}`)).toBe('2');
    await expect(throttle.attempt(keys)).resolves.toBeUndefined();
  });
});
