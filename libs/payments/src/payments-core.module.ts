import { Module } from '@nestjs/common';
import { CONDUIT_CONFIG, type ConduitConfig } from '@conduit/config';
import { UnitOfWork } from '@conduit/db';
import type { Redis } from 'ioredis';
import { type SandboxLedger, SandboxProcessor } from '@conduit/processor';
import { OutboxSignal, REDIS } from '@conduit/queues';
import { DataKeys } from './data-keys.service';
import { GatewayFilesService } from './batch/gateway-files.service';
import { SftpAccountsService } from './batch/sftp-accounts.service';
import { PROCESSOR } from './processor.token';
import { AuthorizationExpiryService } from './settlement/authorization-expiry.service';
import { DisputesService } from './settlement/disputes.service';
import { FileVault } from './settlement/file-vault';
import { PostingFilesService } from './settlement/posting-files.service';
import { ReconciliationService } from './settlement/reconciliation.service';
import { SettlementReviewService } from './settlement/settlement-review.service';
import { SettlementService } from './settlement/settlement.service';
import { SettlementRunsService } from './settlement/settlement-runs.service';

const core = [
  DataKeys,
  FileVault,
  SettlementService,
  SettlementRunsService,
  PostingFilesService,
  AuthorizationExpiryService,
  DisputesService,
  SettlementReviewService,
  ReconciliationService,
  GatewayFilesService,
  SftpAccountsService,
];

/**
 * The payments core that every process shares — api, worker, and the file gateway to come. It
 * needs only the database, Redis (for the outbox wake-up) and configuration, so work no person
 * starts (settlement, processor events, expiries) runs through the same services as requests.
 */
@Module({
  providers: [
    {
      provide: PROCESSOR,
      inject: [CONDUIT_CONFIG, UnitOfWork],
      useFactory: (c: ConduitConfig, uow: UnitOfWork) =>
        new SandboxProcessor({
          latencyMs: c.sandboxLatencyMs,
          // The sandbox's own book of events it owes merchants, kept in PostgreSQL so every
          // worker and api replica sees the same network.
          ledger: uow.read.sandboxLedger as unknown as SandboxLedger,
        }),
    },
    { provide: OutboxSignal, inject: [REDIS], useFactory: (redis: Redis) => new OutboxSignal(redis) },
    ...core,
  ],
  exports: [PROCESSOR, OutboxSignal, ...core],
})
export class PaymentsCoreModule {}
