import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError, ErrorCode } from '@conduit/domain';
import { REDIS } from '@conduit/queues';

/**
 * Pairing attempts per client address, counted in Redis (every replica shares the count): a code
 * has 40 bits and lives 15 minutes, and this keeps guessing far below any useful rate.
 */
@Injectable()
export class PairingRateLimitGuard implements CanActivate {
  private readonly limiter: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis) {
    this.limiter = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: 'conduit:rate:terminal-pairing',
      points: 30,
      duration: 600,
    });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const ip: string = context.switchToHttp().getRequest().ip ?? 'unknown';
    try {
      await this.limiter.consume(ip);
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res;
      const retryAfterSeconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
      throw new DomainError(
        ErrorCode.RATE_LIMITED,
        `Too many pairing attempts; retry after ${retryAfterSeconds} s`,
        {
          retryAfterSeconds,
        },
      );
    }
    return true;
  }
}
