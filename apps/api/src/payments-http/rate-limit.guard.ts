import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { CONDUIT_CONFIG, type ConduitConfig } from '@conduit/config';
import { type CredentialPrincipal, DomainError, ErrorCode } from '@conduit/domain';
import { REDIS } from '@conduit/queues';

/**
 * Requests per second per API credential, counted in Redis so every api replica shares the
 * budget; over it, 429 with Retry-After. Runs after authentication (it needs the credential).
 */
@Injectable()
export class CredentialRateLimitGuard implements CanActivate {
  private readonly limiter: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, @Inject(CONDUIT_CONFIG) config: ConduitConfig) {
    this.limiter = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: 'conduit:rate:credential',
      points: config.rateLimitPerSecond,
      duration: 1,
    });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const principal: CredentialPrincipal | undefined = context.switchToHttp().getRequest().user?.principal;
    if (principal) await this.consume(principal);
    return true;
  }

  /** Counts one request of the credential; over the budget, a RATE_LIMITED domain error (429). */
  async consume(principal: CredentialPrincipal): Promise<void> {
    try {
      await this.limiter.consume(principal.credentialId);
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res;
      const retryAfterSeconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
      throw new DomainError(
        ErrorCode.RATE_LIMITED,
        `Rate limit exceeded for this credential; retry after ${retryAfterSeconds} s`,
        { retryAfterSeconds },
      );
    }
  }
}
