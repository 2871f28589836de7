import { Module } from '@nestjs/common';
import { CONDUIT_CONFIG, ConfigModule, type ConduitConfig } from '@conduit/config';
import { DbModule } from '@conduit/db';
import { createRedis, REDIS } from '@conduit/queues';
import { WorkerHealth } from './health/worker-health.service';
import { JOB_HANDLERS, type JobHandler } from './jobs/job-handler';
import { PurgeExpiredSessionsHandler } from './jobs/purge-expired-sessions.handler';
import { PurgeIdempotencyKeysHandler } from './jobs/purge-idempotency-keys.handler';
import { ExpireAuthorizationsHandler } from './jobs/expire-authorizations.handler';
import { QueueRunner } from './jobs/queue-runner.service';
import { WORKER_LOGGER, workerLogger } from './worker-logger';

/** Add each new handler here and to JOB_HANDLERS' inject list. */
const handlers = [PurgeExpiredSessionsHandler, PurgeIdempotencyKeysHandler, ExpireAuthorizationsHandler];

@Module({
  imports: [ConfigModule, DbModule],
  providers: [
    ...handlers,
    { provide: JOB_HANDLERS, useFactory: (...all: JobHandler[]) => all, inject: handlers },
    { provide: WORKER_LOGGER, useFactory: workerLogger },
    { provide: REDIS, useFactory: (c: ConduitConfig) => createRedis(c.redisUrl), inject: [CONDUIT_CONFIG] },
    QueueRunner,
    WorkerHealth,
  ],
})
export class WorkerModule {}
