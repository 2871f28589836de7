import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it, vi } from 'vitest';
import { LoginDefence, type LoginDefenceSettings } from './login-defence';

/** The gateway's failed-login score and bans, against the real Redis every replica shares. */
describe('LoginDefence (real Redis)', () => {
  const connections: Redis[] = [];
  const prefixes: string[] = [];
  const defaults: LoginDefenceSettings = { slowdownAfter: 3, banAfter: 10, banSeconds: 900, safelist: [] };

  function connect(): Redis {
    const redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: null });
    connections.push(redis);
    return redis;
  }
  const redis = connect();

  /** A fresh key space; each replica gets its own connection, as separate processes would. */
  function replicas(count: number, settings: Partial<LoginDefenceSettings> = {}) {
    const keyPrefix = `conduit:test:gateway-login:${randomUUID()}`;
    prefixes.push(keyPrefix);
    const bans: { ip: string; failures: number }[] = [];
    const instances = Array.from(
      { length: count },
      () =>
        new LoginDefence(
          connect(),
          { ...defaults, ...settings },
          (ip, failures) => void bans.push({ ip, failures }),
          {
            keyPrefix,
          },
        ),
    );
    return { instances, bans, keyPrefix };
  }

  async function keysUnder(prefix: string): Promise<string[]> {
    const found: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      found.push(...batch);
    } while (cursor !== '0');
    return found;
  }

  afterAll(async () => {
    for (const prefix of prefixes) {
      const keys = await keysUnder(prefix);
      if (keys.length > 0) await redis.del(...keys);
    }
    await Promise.all(connections.map((c) => c.quit()));
  });

  it('answers quickly, then slower, then bans at the threshold', async () => {
    const { instances, bans, keyPrefix } = replicas(1);
    const [defence] = instances;
    const answers = [];
    for (let i = 0; i < 10; i++) {
      expect(await defence.isBanned('203.0.113.10')).toBe(false);
      answers.push(await defence.failed('203.0.113.10'));
    }
    expect(answers.map((a) => a.failures)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(answers.map((a) => a.delayMs)).toEqual([0, 0, 0, 250, 500, 1000, 2000, 4000, 5000, 5000]);
    expect(answers.map((a) => a.banned)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      true,
    ]);
    expect(await defence.isBanned('203.0.113.10')).toBe(true);
    expect(bans).toEqual([{ ip: '203.0.113.10', failures: 10 }]);

    // Another address is untouched.
    expect(await defence.isBanned('203.0.113.11')).toBe(false);
    expect(await defence.failed('203.0.113.11')).toEqual({ failures: 1, delayMs: 0, banned: false });

    // Every key expires: the score banSeconds after the last failure, the ban banSeconds after it began.
    const keys = await keysUnder(keyPrefix);
    expect(keys.sort()).toEqual([
      `${keyPrefix}:ban:203.0.113.10`,
      `${keyPrefix}:failures:203.0.113.10`,
      `${keyPrefix}:failures:203.0.113.11`,
    ]);
    for (const key of keys) {
      const ttl = await redis.pttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(900_000);
    }
  });

  it('shares the score and the ban between replicas, and reports a ban once', async () => {
    const { instances, bans } = replicas(2);
    const [a, b] = instances;
    for (let i = 0; i < 5; i++) await a.failed('198.51.100.7');
    for (let i = 0; i < 4; i++) await b.failed('198.51.100.7');
    expect(await a.isBanned('198.51.100.7')).toBe(false);
    expect(await a.failed('198.51.100.7')).toMatchObject({ failures: 10, banned: true });
    expect(await b.isBanned('198.51.100.7')).toBe(true);
    // Further failures while banned (a server that still counts them) start no second ban.
    expect(await b.failed('198.51.100.7')).toMatchObject({ failures: 11, banned: true });
    expect(bans).toEqual([{ ip: '198.51.100.7', failures: 10 }]);
  });

  it('calls onBan exactly once when replicas race past the threshold', async () => {
    const { instances, bans } = replicas(3);
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => instances[i % instances.length].failed('192.0.2.44')),
    );
    expect(results.map((r) => r.failures).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 30 }, (_, i) => i + 1),
    );
    expect(results.filter((r) => r.banned)).toHaveLength(21);
    expect(bans).toEqual([{ ip: '192.0.2.44', failures: 10 }]);
  });

  it('lifts the ban and forgets the score when banSeconds have passed; a new ban is reported again', async () => {
    const { instances, bans, keyPrefix } = replicas(1, { banAfter: 3, slowdownAfter: 1, banSeconds: 1 });
    const [defence] = instances;
    for (let i = 0; i < 3; i++) await defence.failed('203.0.113.99');
    expect(await defence.isBanned('203.0.113.99')).toBe(true);

    await vi.waitFor(
      async () => {
        expect(await redis.pttl(`${keyPrefix}:ban:203.0.113.99`)).toBe(-2);
        expect(await redis.pttl(`${keyPrefix}:failures:203.0.113.99`)).toBe(-2);
      },
      { timeout: 10_000, interval: 50 },
    );
    expect(await defence.isBanned('203.0.113.99')).toBe(false);
    expect(await defence.failed('203.0.113.99')).toEqual({ failures: 1, delayMs: 0, banned: false });
    await defence.failed('203.0.113.99');
    expect(await defence.failed('203.0.113.99')).toMatchObject({ failures: 3, banned: true });
    expect(bans).toEqual([
      { ip: '203.0.113.99', failures: 3 },
      { ip: '203.0.113.99', failures: 3 },
    ]);
  });

  it('never slows or bans a safelisted address, but still counts its failures', async () => {
    const { instances, bans } = replicas(1, { safelist: ['10.0.0.0/8', '2001:db8::/32'] });
    const [defence] = instances;
    const answers = [];
    for (let i = 0; i < 15; i++)
      answers.push(await defence.failed(i % 2 ? '10.20.30.40' : '::ffff:10.20.30.40'));
    expect(answers.map((a) => a.failures)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(answers.every((a) => a.delayMs === 0 && !a.banned)).toBe(true);
    expect(await defence.isBanned('10.20.30.40')).toBe(false);
    for (let i = 0; i < 12; i++) await defence.failed('2001:db8::5');
    expect(await defence.isBanned('2001:db8::5')).toBe(false);

    // Outside the list, the same run bans.
    for (let i = 0; i < 10; i++) await defence.failed('2001:db9::5');
    expect(await defence.isBanned('2001:db9::5')).toBe(true);
    expect(bans).toEqual([{ ip: '2001:db9::5', failures: 10 }]);
  });

  it('counts an IPv4-mapped IPv6 peer as its IPv4 address', async () => {
    const { instances, bans, keyPrefix } = replicas(1);
    const [defence] = instances;
    for (let i = 0; i < 10; i++) await defence.failed(i % 2 ? '::ffff:192.0.2.200' : '192.0.2.200');
    expect(await defence.isBanned('192.0.2.200')).toBe(true);
    expect(await defence.isBanned('::ffff:192.0.2.200')).toBe(true);
    expect(bans).toEqual([{ ip: '192.0.2.200', failures: 10 }]);
    expect((await keysUnder(keyPrefix)).sort()).toEqual([
      `${keyPrefix}:ban:192.0.2.200`,
      `${keyPrefix}:failures:192.0.2.200`,
    ]);
  });

  it('a successful sign-in neither resets the score nor lifts a ban', async () => {
    const { instances } = replicas(1);
    const [defence] = instances;
    for (let i = 0; i < 9; i++) await defence.failed('198.51.100.50');
    await defence.succeeded('198.51.100.50');
    expect(await defence.failed('198.51.100.50')).toMatchObject({ failures: 10, banned: true });
    await defence.succeeded('198.51.100.50');
    expect(await defence.isBanned('198.51.100.50')).toBe(true);
  });
});
