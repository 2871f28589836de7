import type { Redis } from 'ioredis';
import { DomainError, ErrorCode } from '@conduit/domain';
import type { LoginThrottle, ThrottleKeys } from '@conduit/tenancy';

export interface ThrottleSettings {
  /** Attempts for one account from one address before that pair is locked. */
  maxFailuresPerAccountAddress: number;
  /** Attempts from one address, over all accounts, before the address is locked. */
  maxFailuresPerIp: number;
  /** Counting window, and how long a lock lasts from the attempt that used the last one up. */
  lockoutSeconds: number;
  /** Failures of an account (from anywhere) after which each attempt waits, 250 ms doubling. */
  slowdownAfter: number;
  maxDelayMs?: number;
}

const PREFIX = 'conduit:login';

/**
 * One round trip: refuses when the address or the account+address pair has used its attempts,
 * otherwise counts the attempt on both (a lock starts when the last one is used) and on the
 * account, answering how many attempts the account had before this one. A limit of 0 means the
 * key is not counted (an allowlisted address). Answers {0, prior} or {which key, ms left}.
 */
const RESERVE = `
local limits = { tonumber(ARGV[1]), tonumber(ARGV[2]) }
for i = 1, 2 do
  if limits[i] > 0 and tonumber(redis.call('GET', KEYS[i]) or '0') >= limits[i] then
    return { i, redis.call('PTTL', KEYS[i]) }
  end
end
for i = 1, 2 do
  if limits[i] > 0 then
    local used = redis.call('INCR', KEYS[i])
    if used == 1 then redis.call('PEXPIRE', KEYS[i], ARGV[3]) end
    if used >= limits[i] then redis.call('PEXPIRE', KEYS[i], ARGV[3]) end
  end
end
local prior = 0
if ARGV[4] == '1' then
  prior = redis.call('INCR', KEYS[3]) - 1
  if prior == 0 then redis.call('PEXPIRE', KEYS[3], ARGV[3]) end
end
return { 0, prior }
`;

/** After a success: the pair's failures are forgotten, the reservation on the others handed back. */
const RELEASE = `
redis.call('DEL', KEYS[2])
for i = 1, #ARGV do
  local key = KEYS[tonumber(ARGV[i])]
  if tonumber(redis.call('GET', key) or '0') > 0 then redis.call('DECR', key) end
end
return 0
`;

/** Sign-in attempts counted atomically in Redis (decision 0013). */
export class RedisLoginThrottle implements LoginThrottle {
  constructor(
    private readonly redis: Redis,
    private readonly settings: ThrottleSettings,
  ) {}

  async attempt(keys: ThrottleKeys): Promise<void> {
    const s = this.settings;
    const trusted = !!keys.allowlisted;
    const [which, value] = (await this.redis.eval(
      RESERVE,
      3,
      ...this.redisKeys(keys),
      keys.ip && !trusted ? s.maxFailuresPerIp : 0,
      s.maxFailuresPerAccountAddress,
      s.lockoutSeconds * 1000,
      trusted ? '0' : '1',
    )) as [number, number];
    if (which !== 0) {
      const retryAfterSeconds = Math.max(1, Math.ceil(value / 1000));
      const what = which === 1 ? 'address' : 'account from this address';
      throw new DomainError(
        ErrorCode.LOCKED_OUT,
        `Too many failed sign-ins for this ${what}; try again in ${retryAfterSeconds} s`,
        { retryAfterSeconds },
      );
    }
    if (value >= s.slowdownAfter) {
      const delay = Math.min(250 * 2 ** (value - s.slowdownAfter), s.maxDelayMs ?? 4000);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  async succeeded(keys: ThrottleKeys): Promise<void> {
    // Hand back only what attempt() counted: an allowlisted address counted the pair alone.
    const counted = keys.allowlisted ? [] : keys.ip ? ['1', '3'] : ['3'];
    await this.redis.eval(RELEASE, 3, ...this.redisKeys(keys), ...counted);
  }

  private redisKeys(keys: ThrottleKeys): [string, string, string] {
    const ip = keys.ip ?? 'unknown';
    return [
      `${PREFIX}:ip:${ip}`,
      `${PREFIX}:pair:${keys.account}|${ip}`,
      `${PREFIX}:account:${keys.account}`,
    ];
  }
}
