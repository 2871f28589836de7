import { Module } from '@nestjs/common';
import { CONDUIT_CONFIG, type ConduitConfig } from '@conduit/config';
import type { Redis } from 'ioredis';
import { SandboxProcessor } from '@conduit/processor';
import { OutboxSignal, REDIS } from '@conduit/queues';
import { IdempotencyService } from './idempotency.service';
import { PaymentsService } from './payments.service';
import { PrimaryPayments } from './primary-payments';
import { PROCESSOR } from './processor.token';
import { SecondaryPayments } from './secondary-payments';
import { VaultService } from './vault.service';
import { DataKeys } from './data-keys.service';
import { TransactionsReviewService } from './review/transactions-review.service';
import { TransactionPageService } from './review/transaction-page.service';
import { SsoService } from './sso/sso.service';
import { SsoPageService } from './sso/sso-page.service';
import { SsoReviewService } from './sso/sso-review.service';
import { TakePaymentService } from './sso/take-payment.service';

@Module({
  providers: [
    {
      provide: PROCESSOR,
      inject: [CONDUIT_CONFIG],
      useFactory: (c: ConduitConfig) => new SandboxProcessor({ latencyMs: c.sandboxLatencyMs }),
    },
    // Every app that runs payments provides REDIS (api and worker Redis modules are global).
    { provide: OutboxSignal, inject: [REDIS], useFactory: (redis: Redis) => new OutboxSignal(redis) },
    VaultService,
    DataKeys,
    PrimaryPayments,
    SecondaryPayments,
    PaymentsService,
    IdempotencyService,
    TransactionsReviewService,
    TransactionPageService,
    SsoService,
    SsoPageService,
    SsoReviewService,
    TakePaymentService,
  ],
  exports: [
    PaymentsService,
    IdempotencyService,
    VaultService,
    DataKeys,
    TransactionsReviewService,
    TransactionPageService,
    SsoService,
    SsoPageService,
    SsoReviewService,
    TakePaymentService,
  ],
})
export class PaymentsModule {}
