import type { Redis } from 'ioredis';
import { RateLimiterRedis, type RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError, ErrorCode } from '@conduit/domain';
import type { LoginThrottle, ThrottleKeys } from '@conduit/tenancy';

export interface ThrottleSettings {
  maxFailuresPerAccount: number;
  maxFailuresPerIp: number;
  lockoutSeconds: number;
  slowdownAfter: number;
  maxDelayMs?: number;
}

/**
 * Failed sign-ins counted in Redis (rate-limiter-flexible), per account and per address. After
 * `slowdownAfter` failures each attempt waits longer (250 ms doubling, capped); past the limit
 * the key is locked for `lockoutSeconds`.
 */
export class RedisLoginThrottle implements LoginThrottle {
  private readonly perAccount: RateLimiterRedis;
  private readonly perIp: RateLimiterRedis;

  constructor(
    redis: Redis,
    private readonly settings: ThrottleSettings,
  ) {
    const common = {
      storeClient: redis,
      duration: settings.lockoutSeconds,
      blockDuration: settings.lockoutSeconds,
    };
    this.perAccount = new RateLimiterRedis({
      ...common,
      keyPrefix: 'conduit:login-fail:account',
      points: settings.maxFailuresPerAccount,
    });
    this.perIp = new RateLimiterRedis({
      ...common,
      keyPrefix: 'conduit:login-fail:ip',
      points: settings.maxFailuresPerIp,
    });
  }

  async beforeAttempt(keys: ThrottleKeys): Promise<void> {
    const [account, ip] = await Promise.all([
      this.perAccount.get(keys.account),
      keys.ip ? this.perIp.get(keys.ip) : null,
    ]);
    this.assertOpen(account, this.settings.maxFailuresPerAccount, 'account');
    this.assertOpen(ip, this.settings.maxFailuresPerIp, 'address');
    const failures = account?.consumedPoints ?? 0;
    if (failures >= this.settings.slowdownAfter) {
      const delay = Math.min(
        250 * 2 ** (failures - this.settings.slowdownAfter),
        this.settings.maxDelayMs ?? 4000,
      );
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  async failed(keys: ThrottleKeys): Promise<void> {
    // consume() rejects once the limit is passed, which is the lock itself: nothing to handle.
    await Promise.allSettled([
      this.perAccount.consume(keys.account),
      keys.ip ? this.perIp.consume(keys.ip) : null,
    ]);
  }

  async succeeded(keys: ThrottleKeys): Promise<void> {
    await this.perAccount.delete(keys.account);
  }

  private assertOpen(res: RateLimiterRes | null, limit: number, what: string) {
    if (res && res.consumedPoints > limit) {
      const retryAfterSeconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
      throw new DomainError(
        ErrorCode.LOCKED_OUT,
        `Too many failed sign-ins for this ${what}; try again in ${retryAfterSeconds} s`,
        {
          retryAfterSeconds,
        },
      );
    }
  }
}
