import type { Redis } from 'ioredis';

/**
 * Per-credential requests per second, shared by every api replica, without a Redis call per
 * request (decision 0041). Each replica leases a slice of the credential's current 1-second window
 * (the window is Redis's clock, so replicas agree on it) and spends it locally; Redis only counts
 * what was leased, atomically, so the leases of one window never add up to more than the limit.
 * A lease is at most limit/32 and is sized from the replica's recent rate, so a quiet credential
 * takes one unit at a time (as exact as a counter per request) and a busy one ~16 leases a second.
 * Unspent units lapse with their window: a replica can under-admit by one lease, never over-admit.
 */
const TAKE_WINDOW = `
local t = redis.call('TIME')
local key = KEYS[1] .. ':' .. t[1]
local used = tonumber(redis.call('GET', key) or '0')
local grant = math.min(tonumber(ARGV[1]), tonumber(ARGV[2]) - used)
if grant > 0 then
  redis.call('INCRBY', key, grant)
  redis.call('EXPIRE', key, 2)
else
  grant = 0
end
return { grant, 1000 - math.floor(tonumber(t[2]) / 1000) }
`;

interface Lease {
  /** Local time (ms) the leased window ends: counted from before the round trip, so never late. */
  endsAt: number;
  remaining: number;
  /** Requests this replica admitted in the window, which sizes the next lease. */
  used: number;
  lastWindowUsed: number;
  /** Set when Redis had nothing left in the window: refuse locally until it ends. */
  exhausted: boolean;
  /** Requests waiting for the refill in flight: a burst leases for all of them at once. */
  waiting: number;
  refill?: Promise<void>;
}

type TakeWindow = (key: string, want: number, limit: number) => Promise<[number, number]>;

export class RateLimited extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('rate limited');
  }
}

export class LeasedRateLimiter {
  private readonly leases = new Map<string, Lease>();
  private readonly maxLease: number;
  private readonly takeWindow: TakeWindow;

  constructor(
    redis: Redis,
    private readonly limit: number,
    private readonly keyPrefix = 'conduit:rate:credential',
    private readonly now: () => number = Date.now,
  ) {
    this.maxLease = Math.max(1, Math.floor(limit / 32));
    if (!('conduitTakeWindow' in redis))
      redis.defineCommand('conduitTakeWindow', { numberOfKeys: 1, lua: TAKE_WINDOW });
    const command = (redis as unknown as { conduitTakeWindow: TakeWindow }).conduitTakeWindow.bind(redis);
    this.takeWindow = command;
  }

  /** Admits one request of `id`, or throws RateLimited with the seconds to wait. */
  async take(id: string): Promise<void> {
    // Each pass either spends a unit, refuses, or waits for a refill that grants at least one unit
    // to someone or finds the window spent, so the loop ends.
    for (;;) {
      const lease = this.leaseOf(id);
      if (this.now() < lease.endsAt) {
        if (lease.remaining > 0) {
          lease.remaining--;
          lease.used++;
          return;
        }
        if (lease.exhausted)
          throw new RateLimited(Math.max(1, Math.ceil((lease.endsAt - this.now()) / 1000)));
      }
      lease.waiting++;
      try {
        await (lease.refill ??= this.refill(id, lease).finally(() => (lease.refill = undefined)));
      } finally {
        lease.waiting--;
      }
    }
  }

  private leaseOf(id: string): Lease {
    let lease = this.leases.get(id);
    if (!lease) {
      if (this.leases.size >= 10_000) this.forgetLapsed();
      lease = { endsAt: 0, remaining: 0, used: 0, lastWindowUsed: 0, exhausted: false, waiting: 0 };
      this.leases.set(id, lease);
    }
    return lease;
  }

  private async refill(id: string, lease: Lease): Promise<void> {
    const before = this.now();
    if (before >= lease.endsAt) {
      // A new window: what was left of the old one lapses with it.
      lease.lastWindowUsed = lease.used;
      lease.used = 0;
      lease.remaining = 0;
    }
    const recent = Math.max(lease.used, lease.lastWindowUsed);
    const want = Math.min(this.maxLease, Math.max(1, Math.ceil(recent / 16), lease.waiting));
    const [grant, msLeft] = await this.takeWindow(`${this.keyPrefix}:${id}`, want, this.limit);
    const endsAt = before + Number(msLeft);
    // A refill only runs with nothing left (or a lapsed window), so the grant is all there is; it
    // may belong to Redis's next second, which the new end then follows.
    lease.endsAt = endsAt;
    lease.remaining = Number(grant);
    lease.exhausted = Number(grant) === 0;
  }

  private forgetLapsed(): void {
    const now = this.now();
    for (const [id, lease] of this.leases) if (lease.endsAt < now && !lease.refill) this.leases.delete(id);
  }
}
