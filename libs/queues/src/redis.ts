import { Redis, type RedisOptions } from 'ioredis';

export const REDIS = Symbol('REDIS');
export const KEY_PREFIX = 'conduit:';

/** ioredis options shared by the api and BullMQ (which needs maxRetriesPerRequest: null). */
export function redisOptions(extra: RedisOptions = {}): RedisOptions {
  return { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false, ...extra };
}

export function createRedis(url: string, extra: RedisOptions = {}): Redis {
  return new Redis(url, redisOptions(extra));
}

/**
 * SUBSCRIBE once the connection is ready. Sent while ioredis is still connecting, it can reach
 * Redis between the handshake's commands; the ready check's INFO then fails ("Connection in
 * subscriber mode"), ioredis reconnects, and messages published meanwhile are lost (ioredis
 * issue #2037, open for 5.x). After a reconnect ioredis resubscribes after its own ready check.
 */
export async function subscribeWhenReady(redis: Redis, channel: string): Promise<void> {
  if (redis.status === 'wait') void redis.connect().catch(() => undefined); // lazyConnect: errors go to 'error'
  if (redis.status !== 'ready')
    // Not events.once: it rejects on the first 'error', and ioredis emits one per failed attempt
    // while Redis is away; this waits, as a queued SUBSCRIBE did, until a connection is ready, and
    // refuses a client that was closed (it would never be).
    await new Promise<void>((resolve, reject) => {
      const ready = () => (redis.off('end', ended), resolve());
      const ended = () => (redis.off('ready', ready), reject(new Error('Redis connection closed')));
      if (redis.status === 'end') return reject(new Error('Redis connection closed'));
      redis.once('ready', ready);
      redis.once('end', ended);
    });
  await redis.subscribe(channel);
}

/** BullMQ loses jobs if Redis evicts keys; say so loudly when the policy is not noeviction. */
export async function checkEvictionPolicy(redis: Redis): Promise<{ ok: boolean; policy: string | null }> {
  try {
    const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
    const policy = reply[1] ?? null;
    return { ok: policy === 'noeviction', policy };
  } catch {
    return { ok: false, policy: null };
  }
}
