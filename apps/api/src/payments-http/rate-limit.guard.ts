import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { CONDUIT_CONFIG, type ConduitConfig } from '@conduit/config';
import { type CredentialPrincipal, DomainError, ErrorCode } from '@conduit/domain';
import { REDIS } from '@conduit/queues';
import { LeasedRateLimiter, RateLimited } from './leased-rate-limiter';

/**
 * Requests per second per API credential, counted in Redis so every api replica shares the
 * budget; over it, 429 with Retry-After. Runs after authentication (it needs the credential).
 * Replicas lease slices of each window rather than calling Redis per request (decision 0041).
 */
@Injectable()
export class CredentialRateLimitGuard implements CanActivate {
  private readonly limiter: LeasedRateLimiter;

  constructor(@Inject(REDIS) redis: Redis, @Inject(CONDUIT_CONFIG) config: ConduitConfig) {
    this.limiter = new LeasedRateLimiter(redis, config.rateLimitPerSecond);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const principal: CredentialPrincipal | undefined = context.switchToHttp().getRequest().user?.principal;
    if (principal) await this.consume(principal);
    return true;
  }

  /** Counts one request of the credential; over the budget, a RATE_LIMITED domain error (429). */
  async consume(principal: CredentialPrincipal): Promise<void> {
    try {
      await this.limiter.take(principal.credentialId);
    } catch (res) {
      if (!(res instanceof RateLimited)) throw res;
      const { retryAfterSeconds } = res;
      throw new DomainError(
        ErrorCode.RATE_LIMITED,
        `Rate limit exceeded for this credential; retry after ${retryAfterSeconds} s`,
        { retryAfterSeconds },
      );
    }
  }
}
