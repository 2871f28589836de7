import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import { CONDUIT_CONFIG, type ConduitConfig } from '@conduit/config';
import type { Logger } from '@conduit/observability';
import { metrics, requestContext, scrubText } from '@conduit/observability';
import {
  checkHandlers,
  type JobName,
  JOBS,
  QUEUE_PREFIX,
  QueueName,
  redisOptions,
  trimFinishedJobs,
  workerOptions,
} from '@conduit/queues';
import { WORKER_LOGGER } from '../worker-logger';
import { JOB_HANDLERS, type JobHandler } from './job-handler';
import { WorkerQueues } from './worker-queues.service';

/** Scheduler ids used before JOBS named them by job (removed so nothing runs twice). */
const RETIRED_SCHEDULERS: [QueueName, string][] = [
  [QueueName.MAINTENANCE, 'purge-expired-sessions'],
  [QueueName.MAINTENANCE, 'expire-authorizations'],
  [QueueName.MAINTENANCE, 'expire-sso-tokens'],
  [QueueName.MAINTENANCE, 'purge-idempotency-keys'],
];

/**
 * Queues no longer used, emptied and removed from Redis at start. `webhooks` carried one job per
 * delivery until the worker leased deliveries from PostgreSQL (decision 0043); PostgreSQL still
 * holds every delivery such a job pointed at, so nothing is lost by dropping them.
 */
const RETIRED_QUEUES = ['webhooks'];

/**
 * Declares every queue, runs a BullMQ worker on each, and dispatches jobs to their one handler.
 * Refuses to start if any job name has no handler or more than one. Queues and workers take
 * their options from libs/queues, which bounds every finished job record (decision 0017).
 */
@Injectable()
export class QueueRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly workers: Worker[] = [];
  private readonly byName = new Map<string, JobHandler>();

  constructor(
    @Inject(JOB_HANDLERS) handlers: JobHandler[],
    @Inject(WORKER_LOGGER) private readonly logger: Logger,
    @Inject(CONDUIT_CONFIG) private readonly config: ConduitConfig,
    private readonly queues: WorkerQueues,
  ) {
    const problems = checkHandlers(handlers.map((h) => h.jobName));
    if (problems.length) throw new Error(`Job handler check failed: ${problems.join('; ')}`);
    for (const h of handlers) this.byName.set(h.jobName, h);
  }

  async onApplicationBootstrap() {
    const config = this.config;
    const connection = { url: config.redisUrl, ...redisOptions() };
    for (const name of Object.values(QueueName)) {
      const queue = this.queues.queue(name);
      // Before the worker starts: its first finished job would otherwise trim the whole backlog.
      const trimmed = await trimFinishedJobs(queue, name);
      if (trimmed) this.logger.info({ queue: name, trimmed }, 'finished job records trimmed to retention');
      const worker = new Worker(
        name,
        (job) => this.dispatch(name, job.name as JobName, job.data, job.id),
        workerOptions(name, connection, config.workerConcurrency),
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
    for (const [queue, id] of RETIRED_SCHEDULERS) await this.queue(queue).removeJobScheduler(id);
    for (const name of RETIRED_QUEUES) await this.obliterate(name, connection);
    // The fixed schedules, as JOBS declares them; a scheduler is keyed by its job's name.
    for (const [name, spec] of Object.entries(JOBS) as [JobName, (typeof JOBS)[JobName]][]) {
      if (!spec.schedule) continue;
      await this.queue(spec.queue).upsertJobScheduler(
        name,
        { every: spec.schedule.every },
        { name, data: spec.schedule.data },
      );
    }
    this.logger.info(
      { queues: Object.values(QueueName), jobs: [...this.byName.keys()] },
      'queues declared; workers running',
    );
  }

  private async obliterate(name: string, connection: { url: string }) {
    const retired = new Queue(name, { connection, prefix: QUEUE_PREFIX });
    try {
      // force: an older worker of a rolling deploy may still hold one of its jobs active.
      await retired.obliterate({ force: true });
    } finally {
      await retired.close();
    }
  }

  /** A declared queue, for producers inside the worker. */
  queue(name: QueueName) {
    return this.queues.queue(name);
  }

  queueNames(): string[] {
    return Object.values(QueueName);
  }

  workersRunning(): boolean {
    return this.workers.length > 0 && this.workers.every((w) => w.isRunning());
  }

  private async dispatch(queue: QueueName, name: JobName, data: unknown, jobId: string | undefined) {
    const handler = this.byName.get(name);
    if (!handler) throw new Error(`No handler for job "${name}"`);
    const run = () =>
      requestContext.run({ correlationId: `job-${jobId ?? 'unknown'}` }, () => handler.handle(data as never));
    const durations = metrics()?.jobDuration;
    if (!durations) return run();
    const started = performance.now();
    let result = 'failed';
    try {
      const value = await run();
      result = 'completed';
      return value;
    } finally {
      durations.observe({ queue, job: name, result }, (performance.now() - started) / 1000);
    }
  }

  async onApplicationShutdown() {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}
