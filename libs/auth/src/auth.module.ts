import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { Redis } from 'ioredis';
import { CONDUIT_CONFIG, type ConduitConfig } from '@conduit/config';
import { DataKeys, PaymentsModule } from '@conduit/payments';
import { REDIS } from '@conduit/queues';
import {
  AdminAuthService,
  CredentialAuthService,
  CredentialCache,
  ListeningCredentialCache,
  LOGIN_THROTTLE,
  SECRET_BOX,
  TwoFactorService,
} from '@conduit/tenancy';
import { ConduitAuthGuard } from './conduit-auth.guard';
import { RedisLoginThrottle } from './redis-login-throttle';
import { AccountBasicStrategy, AdminSessionStrategy, ApiKeyStrategy } from './strategies';

@Global()
@Module({
  imports: [PaymentsModule],
  providers: [
    {
      provide: LOGIN_THROTTLE,
      inject: [REDIS, CONDUIT_CONFIG],
      useFactory: (redis: Redis, c: ConduitConfig) => {
        return new RedisLoginThrottle(redis, {
          maxFailuresPerAccountAddress: c.loginMaxFailuresPerAccount,
          maxFailuresPerIp: c.loginMaxFailuresPerIp,
          lockoutSeconds: c.loginLockoutSeconds,
          slowdownAfter: c.loginSlowdownAfter,
        });
      },
    },
    { provide: CredentialCache, useClass: ListeningCredentialCache },
    // TOTP secrets are sealed with the platform's data keys, like every other secret at rest.
    { provide: SECRET_BOX, useExisting: DataKeys },
    TwoFactorService,
    AdminAuthService,
    CredentialAuthService,
    AccountBasicStrategy,
    ApiKeyStrategy,
    AdminSessionStrategy,
    { provide: APP_GUARD, useClass: ConduitAuthGuard },
  ],
  exports: [
    AdminAuthService,
    TwoFactorService,
    CredentialAuthService,
    CredentialCache,
    LOGIN_THROTTLE,
    // For routes served by Fastify directly, which authenticate themselves (decision 0044).
    ApiKeyStrategy,
  ],
})
export class AuthModule {}
