import type { Redis } from 'ioredis';

/**
 * Per-credential requests per second, shared by every api replica, without a Redis call per
 * request (decision 0041). Each replica leases a slice of the credential's current 1-second window
 * (the window is Redis's clock, so replicas agree on it) and spends it locally; Redis only counts
 * what was leased, atomically, so the leases of one window never add up to more than the limit.
 * A lease is at most limit/32 and is sized from the replica's recent rate, so a quiet credential
 * takes one unit at a time (as exact as a counter per request) and a busy one ~16 leases a second.
 * A busy credential's next lease is taken ahead, when half of the last one is spent, so its
 * requests do not wait for Redis: under CPU load a round trip to Redis can take milliseconds, and
 * every request arriving in it waited (decision 0045). Unspent units lapse with their window: a
 * replica can under-admit by what it holds (at most two leases), never over-admit.
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
return { grant, 1000 - math.floor(tonumber(t[2]) / 1000), tonumber(t[1]) }
`;

interface Lease {
  /** Redis's second the units belong to (-1 before the first lease). */
  window: number;
  /** Local time (ms) the leased window ends: counted from before the round trip, so never late. */
  endsAt: number;
  remaining: number;
  /** Units the last refill granted; the next is taken ahead when half of them are left. */
  lastGrant: number;
  /** Requests this replica admitted in the window, which sizes the next lease. */
  used: number;
  lastWindowUsed: number;
  /** Set when Redis had nothing left in the window: refuse locally until it ends. */
  exhausted: boolean;
  /** Requests waiting for the refill in flight: a burst leases for all of them at once. */
  waiting: number;
  refill?: Promise<void>;
}

type TakeWindow = (key: string, want: number, limit: number) => Promise<[number, number, number]>;

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
          // Not for a lease of one unit: a quiet credential stays exact, one unit per request.
          const halfSpent = lease.remaining > 0 && lease.remaining <= lease.lastGrant >> 1;
          if (halfSpent && !lease.exhausted && !lease.refill) this.refillAhead(id, lease);
          return;
        }
        if (lease.exhausted)
          throw new RateLimited(Math.max(1, Math.ceil((lease.endsAt - this.now()) / 1000)));
      }
      lease.waiting++;
      try {
        await (lease.refill ?? this.startRefill(id, lease));
      } finally {
        lease.waiting--;
      }
    }
  }

  private startRefill(id: string, lease: Lease): Promise<void> {
    const refill = this.refill(id, lease).finally(() => (lease.refill = undefined));
    lease.refill = refill;
    return refill;
  }

  /**
   * Takes the next lease while units are left. Nobody awaits it unless the units run out first;
   * then they see its failure, and a failure nobody saw is retried by the next refill.
   */
  private refillAhead(id: string, lease: Lease): void {
    this.startRefill(id, lease).catch(() => undefined);
  }

  private leaseOf(id: string): Lease {
    let lease = this.leases.get(id);
    if (!lease) {
      if (this.leases.size >= 10_000) this.forgetLapsed();
      lease = {
        window: -1,
        endsAt: 0,
        remaining: 0,
        lastGrant: 0,
        used: 0,
        lastWindowUsed: 0,
        exhausted: false,
        waiting: 0,
      };
      this.leases.set(id, lease);
    }
    return lease;
  }

  private async refill(id: string, lease: Lease): Promise<void> {
    const before = this.now();
    const recent = Math.max(lease.used, lease.lastWindowUsed);
    const want = Math.min(this.maxLease, Math.max(1, Math.ceil(recent / 16), lease.waiting));
    const reply = await this.takeWindow(`${this.keyPrefix}:${id}`, want, this.limit);
    const [grant, msLeft, second] = [Number(reply[0]), Number(reply[1]), Number(reply[2])];
    if (second !== lease.window) {
      // A new window: what was left of the old one lapses with it. Its end has passed in Redis's
      // time, and the local end was never later, so no request can still be spending it.
      lease.lastWindowUsed = lease.window === -1 ? 0 : lease.used;
      lease.used = 0;
      lease.remaining = 0;
      lease.window = second;
    }
    // Units of one window add up (Redis counted each grant); `before` precedes Redis's clock
    // reading, so the end computed from it is never late.
    lease.endsAt = before + msLeft;
    lease.remaining += grant;
    lease.lastGrant = grant;
    lease.exhausted = grant === 0;
  }

  private forgetLapsed(): void {
    const now = this.now();
    for (const [id, lease] of this.leases) if (lease.endsAt < now && !lease.refill) this.leases.delete(id);
  }
}
