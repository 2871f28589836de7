import { Module } from '@nestjs/common';
import { ConfigModule } from '@conduit/config';
import { DbModule } from '@conduit/db';
import { FlushTraces } from '@conduit/observability';
import { WorkerHealth } from './health/worker-health.service';
import { JOB_HANDLERS, type JobHandler } from './jobs/job-handler';
import { PurgeExpiredSessionsHandler } from './jobs/purge-expired-sessions.handler';
import { PurgeIdempotencyKeysHandler } from './jobs/purge-idempotency-keys.handler';
import { ExpireAuthorizationsHandler } from './jobs/expire-authorizations.handler';
import { QueueRunner } from './jobs/queue-runner.service';
import { ExpireSsoTokensHandler } from './jobs/expire-sso-tokens.handler';
import { WORKER_LOGGER, workerLogger } from './worker-logger';
import { WebhookDeliveryModule } from '@conduit/webhooks';
import { OutboxRelay } from './webhooks/outbox-relay.service';
import { WebhookDispatch } from './webhooks/webhook-dispatch.service';
import { WorkerRedisModule } from './worker-redis.module';
import { BatchImportModule, PaymentsCoreModule } from '@conduit/payments';
import { WorkerQueues } from './jobs/worker-queues.service';
import { WorkerMetrics } from './metrics/worker-metrics.service';
import { SyncSettlementSchedulesHandler } from './settlement/sync-settlement-schedules.handler';
import { CloseSettlementHandler } from './settlement/close-settlement.handler';
import { RenderPostingFilesHandler } from './settlement/render-posting-files.handler';
import { SettlementSweepHandler } from './settlement/settlement-sweep.handler';
import { ImportBatchFileHandler } from './batch-files/import-batch-file.handler';
import { BatchFilesSweepHandler } from './batch-files/batch-files-sweep.handler';
import { ChargePaymentPlansHandler } from './payment-plans/charge-payment-plans.handler';
import { PaymentPlansSweepHandler } from './payment-plans/payment-plans-sweep.handler';

/** Add each new handler here and to JOB_HANDLERS' inject list. */
const handlers = [
  PurgeExpiredSessionsHandler,
  PurgeIdempotencyKeysHandler,
  ExpireAuthorizationsHandler,
  ExpireSsoTokensHandler,
  SyncSettlementSchedulesHandler,
  CloseSettlementHandler,
  RenderPostingFilesHandler,
  SettlementSweepHandler,
  ImportBatchFileHandler,
  BatchFilesSweepHandler,
  ChargePaymentPlansHandler,
  PaymentPlansSweepHandler,
];

@Module({
  imports: [
    ConfigModule,
    DbModule,
    WorkerRedisModule,
    WebhookDeliveryModule,
    PaymentsCoreModule,
    BatchImportModule,
  ],
  providers: [
    ...handlers,
    { provide: JOB_HANDLERS, useFactory: (...all: JobHandler[]) => all, inject: handlers },
    { provide: WORKER_LOGGER, useFactory: workerLogger },
    WorkerQueues,
    QueueRunner,
    WebhookDispatch,
    OutboxRelay,
    WorkerHealth,
    WorkerMetrics,
    FlushTraces,
  ],
})
export class WorkerModule {}
