import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AuthModule } from '@conduit/auth';
import { ConfigModule } from '@conduit/config';
import { DbModule } from '@conduit/db';
import { FlushTraces } from '@conduit/observability';
import { AdminModule } from './admin/admin.module';
import { AllExceptionsFilter } from './errors/all-exceptions.filter';
import { HealthController } from './health/health.controller';
import { loggerProvider } from './http/logger.provider';
import { RedisModule } from './http/redis.module';
import { PaymentsHttpModule } from './payments-http/payments-http.module';
import { SsoHttpModule } from './sso/sso-http.module';
import { TerminalsModule } from './terminals/terminals.module';

@Module({
  imports: [
    ConfigModule,
    DbModule,
    RedisModule,
    AuthModule,
    AdminModule,
    PaymentsHttpModule,
    SsoHttpModule,
    TerminalsModule,
  ],
  controllers: [HealthController],
  providers: [loggerProvider, { provide: APP_FILTER, useClass: AllExceptionsFilter }, FlushTraces],
})
export class AppModule {}
