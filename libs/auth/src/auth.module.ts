import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import type { Redis } from 'ioredis';
import { CONDUIT_CONFIG, type ConduitConfig } from '@conduit/config';
import { REDIS } from '@conduit/queues';
import {
  AdminAuthService,
  CredentialAuthService,
  CredentialCache,
  ListeningCredentialCache,
  LOGIN_THROTTLE,
} from '@conduit/tenancy';
import { ConduitAuthGuard } from './conduit-auth.guard';
import { RedisLoginThrottle } from './redis-login-throttle';
import { AccountBasicStrategy, AdminSessionStrategy, ApiKeyStrategy } from './strategies';

@Global()
@Module({
  imports: [PassportModule.register({ session: false })],
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
    AdminAuthService,
    CredentialAuthService,
    AccountBasicStrategy,
    ApiKeyStrategy,
    AdminSessionStrategy,
    { provide: APP_GUARD, useClass: ConduitAuthGuard },
  ],
  exports: [AdminAuthService, CredentialAuthService, CredentialCache, LOGIN_THROTTLE],
})
export class AuthModule {}
