import type { Redis } from 'ioredis';
import { KEY_PREFIX } from './redis';

/** One sorted set: member = worker id, score = its last beat in Redis's clock (ms). */
export const WORKER_HEARTBEATS_KEY = `${KEY_PREFIX}worker:heartbeats`;

/** A worker that has not beaten for this long counts as gone. */
export const HEARTBEAT_TTL_MS = 30_000;

// Redis's clock, not each machine's, so a skewed api or worker clock miscounts nobody. The set
// prunes itself on every beat and expires with the last worker: it never outgrows the live ones.
const BEAT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ttl = tonumber(ARGV[2])
redis.call('ZADD', KEYS[1], now, ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - ttl)
redis.call('PEXPIRE', KEYS[1], ttl)
return now`;

const COUNT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
return redis.call('ZCOUNT', KEYS[1], now - tonumber(ARGV[1]), '+inf')`;

/**
 * Live workers, counted in O(log n) without KEYS (which blocks Redis while it walks every key,
 * and /health/ready is called by every load balancer every few seconds).
 */
export class WorkerHeartbeats {
  constructor(
    private readonly redis: Redis,
    private readonly ttlMs = HEARTBEAT_TTL_MS,
  ) {}

  async beat(workerId: string): Promise<void> {
    await this.redis.eval(BEAT, 1, WORKER_HEARTBEATS_KEY, workerId, String(this.ttlMs));
  }

  async leave(workerId: string): Promise<void> {
    await this.redis.zrem(WORKER_HEARTBEATS_KEY, workerId);
  }

  /** Workers that beat within the TTL. Read-only: an unauthenticated caller writes nothing. */
  async live(): Promise<number> {
    return Number(await this.redis.eval(COUNT, 1, WORKER_HEARTBEATS_KEY, String(this.ttlMs)));
  }
}
