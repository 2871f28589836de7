import { Module } from '@nestjs/common';
import { loadConfig } from '@conduit/config';
import { DbModule } from '@conduit/db';
import { createRedis, REDIS } from '@conduit/queues';
import { WorkerHealth } from './health/worker-health.service';
import { JOB_HANDLERS, type JobHandler } from './jobs/job-handler';
import { PurgeExpiredSessionsHandler } from './jobs/purge-expired-sessions.handler';
import { QueueRunner } from './jobs/queue-runner.service';
import { WORKER_LOGGER, workerLogger } from './worker-logger';

/** Add each new handler here and to JOB_HANDLERS' inject list. */
const handlers = [PurgeExpiredSessionsHandler];

@Module({
  imports: [DbModule],
  providers: [
    ...handlers,
    { provide: JOB_HANDLERS, useFactory: (...all: JobHandler[]) => all, inject: handlers },
    { provide: WORKER_LOGGER, useFactory: workerLogger },
    { provide: REDIS, useFactory: () => createRedis(loadConfig().redisUrl) },
    QueueRunner,
    WorkerHealth,
  ],
})
export class WorkerModule {}
