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
