import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import { CONDUIT_CONFIG, type ConduitConfig } from '@conduit/config';
import type { Logger } from '@conduit/observability';
import { requestContext, scrubText } from '@conduit/observability';
import {
  checkHandlers,
  type JobName,
  JobName as Jobs,
  QueueName,
  queueOptions,
  redisOptions,
  trimFinishedJobs,
  workerOptions,
} from '@conduit/queues';
import { WORKER_LOGGER } from '../worker-logger';
import { AUTHORIZATION_LIFETIME_MS } from './expire-authorizations.handler';
import { JOB_HANDLERS, type JobHandler } from './job-handler';

/**
 * Declares every queue, runs a BullMQ worker on each, and dispatches jobs to their one handler.
 * Refuses to start if any job name has no handler or more than one. Queues and workers take
 * their options from libs/queues, which bounds every finished job record (decision 0017).
 */
@Injectable()
export class QueueRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly workers: Worker[] = [];
  private readonly queues: Queue[] = [];
  private readonly byName = new Map<string, JobHandler>();

  constructor(
    @Inject(JOB_HANDLERS) handlers: JobHandler[],
    @Inject(WORKER_LOGGER) private readonly logger: Logger,
    @Inject(CONDUIT_CONFIG) private readonly config: ConduitConfig,
  ) {
    const problems = checkHandlers(handlers.map((h) => h.jobName));
    if (problems.length) throw new Error(`Job handler check failed: ${problems.join('; ')}`);
    for (const h of handlers) this.byName.set(h.jobName, h);
  }

  async onApplicationBootstrap() {
    const config = this.config;
    const connection = { url: config.redisUrl, ...redisOptions() };
    for (const name of Object.values(QueueName)) {
      const queue = new Queue(name, queueOptions(name, connection));
      this.queues.push(queue);
      // Before the worker starts: its first finished job would otherwise trim the whole backlog.
      const trimmed = await trimFinishedJobs(queue, name);
      if (trimmed) this.logger.info({ queue: name, trimmed }, 'finished job records trimmed to retention');
      const concurrency =
        name === QueueName.WEBHOOKS ? config.webhooks.concurrency : config.workerConcurrency;
      const worker = new Worker(
        name,
        (job) => this.dispatch(job.name as JobName, job.data, job.id),
        workerOptions(name, connection, concurrency),
      );
      worker.on('failed', (job, err) =>
        this.logger.warn(
          { queue: name, job: job?.name, jobId: job?.id, reason: scrubText(err.message) },
          'job failed',
        ),
      );
      worker.on('error', (err) =>
        this.logger.error({ queue: name, reason: scrubText(err.message) }, 'worker error'),
      );
      this.workers.push(worker);
    }
    const maintenance = this.queues.find((q) => q.name === QueueName.MAINTENANCE);
    await maintenance?.upsertJobScheduler(
      'purge-expired-sessions',
      { every: 60 * 60 * 1000 },
      { name: Jobs.PURGE_EXPIRED_SESSIONS, data: { olderThanMs: 24 * 60 * 60 * 1000 } },
    );
    await maintenance?.upsertJobScheduler(
      'expire-authorizations',
      { every: 15 * 60 * 1000 },
      { name: Jobs.EXPIRE_AUTHORIZATIONS, data: { olderThanMs: AUTHORIZATION_LIFETIME_MS } },
    );
    // sso-and-polling.md: tokens expire on time even when nobody reads them (within 5 s).
    await maintenance?.upsertJobScheduler(
      'expire-sso-tokens',
      { every: 5000 },
      { name: Jobs.EXPIRE_SSO_TOKENS, data: {} },
    );
    await maintenance?.upsertJobScheduler(
      'purge-idempotency-keys',
      { every: 60 * 60 * 1000 },
      { name: Jobs.PURGE_IDEMPOTENCY_KEYS, data: { olderThanMs: 48 * 60 * 60 * 1000 } },
    );
    this.logger.info(
      { queues: Object.values(QueueName), jobs: [...this.byName.keys()] },
      'queues declared; workers running',
    );
  }

  /** A declared queue, for producers inside the worker (the outbox relay). */
  queue(name: QueueName): Queue {
    const queue = this.queues.find((q) => q.name === name);
    if (!queue) throw new Error(`Queue "${name}" is not declared yet`);
    return queue;
  }

  queueNames(): string[] {
    return this.queues.map((q) => q.name);
  }

  workersRunning(): boolean {
    return this.workers.length > 0 && this.workers.every((w) => w.isRunning());
  }

  private async dispatch(name: JobName, data: unknown, jobId: string | undefined) {
    const handler = this.byName.get(name);
    if (!handler) throw new Error(`No handler for job "${name}"`);
    return requestContext.run({ correlationId: `job-${jobId ?? 'unknown'}` }, () =>
      handler.handle(data as never),
    );
  }

  async onApplicationShutdown() {
    await Promise.all(this.workers.map((w) => w.close()));
    await Promise.all(this.queues.map((q) => q.close()));
  }
}
