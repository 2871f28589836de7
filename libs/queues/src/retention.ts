import type { ConnectionOptions, KeepJobs, Queue, QueueOptions, Telemetry, WorkerOptions } from 'bullmq';
import { queueTelemetry } from '@conduit/observability';
import { QueueName } from './queue-names';

/** BullMQ keys live under `conduit:<queue>:…`. */
export const QUEUE_PREFIX = 'conduit';

export interface JobRetention {
  removeOnComplete: KeepJobs;
  removeOnFail: KeepJobs;
}

const HOUR = 60 * 60;

/**
 * How many finished job records each queue keeps in Redis, by count and by age (seconds), and
 * the only place that says so (decision 0017). Redis runs `noeviction`: a record kept forever is
 * memory lost forever, and the SSO expiry alone finishes 17,280 jobs a day.
 *
 * - maintenance: the last 100 completed (≈ 8 minutes of the 5 s SSO expiry, at most a day old)
 *   and the last 500 failed (at most a week old) — enough to look at, bounded either way.
 * - (webhooks have no queue: the worker leases deliveries from PostgreSQL, decision 0043.)
 */
export const JOB_RETENTION: Readonly<Record<QueueName, JobRetention>> = {
  [QueueName.MAINTENANCE]: {
    removeOnComplete: { count: 100, age: 24 * HOUR },
    removeOnFail: { count: 500, age: 7 * 24 * HOUR },
  },
  // settlement: one close per merchant per day plus its files; PostgreSQL holds the outcome
  // (batches, audit), so a day of records is enough to look at, and failures a week.
  [QueueName.SETTLEMENT]: {
    removeOnComplete: { count: 1000, age: 24 * HOUR },
    removeOnFail: { count: 1000, age: 7 * 24 * HOUR },
  },
  // batch-files: a job per uploaded file, its id the file's. A kept completed record makes a
  // second enqueue of a processed file a no-op (it would be one anyway); PostgreSQL holds the
  // outcome. The sweep retries a failed record of a file that is still unfinished.
  [QueueName.BATCH_FILES]: {
    removeOnComplete: { count: 1000, age: 24 * HOUR },
    removeOnFail: { count: 1000, age: 7 * 24 * HOUR },
  },
  // payment-plans: a run per merchant per day plus the 5-minute sweep; PostgreSQL holds every
  // charge (payment_plan_charges, audit), so the job records are only for looking at.
  [QueueName.PAYMENT_PLANS]: {
    removeOnComplete: { count: 1000, age: 24 * HOUR },
    removeOnFail: { count: 1000, age: 7 * 24 * HOUR },
  },
};

/**
 * Options for every `new Queue(…)`: each job added to it (one-off, bulk or from a job scheduler)
 * inherits the queue's retention unless it says otherwise.
 */
/** BullMQ's own telemetry when tracing is on: a job carries its producer's trace context. */
function traced(): { telemetry?: Telemetry } {
  const telemetry = queueTelemetry();
  return telemetry ? { telemetry } : {};
}

export function queueOptions(name: QueueName, connection: ConnectionOptions): QueueOptions {
  const { removeOnComplete, removeOnFail } = JOB_RETENTION[name];
  return {
    connection,
    prefix: QUEUE_PREFIX,
    ...traced(),
    defaultJobOptions: { removeOnComplete: { ...removeOnComplete }, removeOnFail: { ...removeOnFail } },
  };
}

/**
 * Options for every `new Worker(…)`. The worker applies the same retention to jobs that carry
 * none (added by a producer that built its Queue some other way), so no job is kept forever.
 */
export function workerOptions(
  name: QueueName,
  connection: ConnectionOptions,
  concurrency: number,
): WorkerOptions {
  const { removeOnComplete, removeOnFail } = JOB_RETENTION[name];
  return {
    connection,
    prefix: QUEUE_PREFIX,
    ...traced(),
    concurrency,
    removeOnComplete: { ...removeOnComplete },
    removeOnFail: { ...removeOnFail },
  };
}

const TRIM_BATCH = 1000;

/**
 * Brings a queue's finished records within its retention, in batches of 1,000. BullMQ trims by
 * count in one script when the next job finishes: on a Redis that kept months of records (before
 * decision 0017) that one script would remove them all and block Redis meanwhile. Run before the
 * queue's worker starts; returns how many records it removed. The count bound is applied by rank
 * (the records past the newest `count`), not by a finishing time, so records that finished in the
 * same millisecond as the boundary are never miscounted.
 */
export async function trimFinishedJobs(queue: Queue, name: QueueName): Promise<number> {
  const retention = JOB_RETENTION[name];
  let removed = 0;
  for (const [type, keep] of [
    ['completed', retention.removeOnComplete],
    ['failed', retention.removeOnFail],
  ] as const) {
    const count = 'count' in keep && keep.count !== undefined ? keep.count : undefined;
    const ageMs = 'age' in keep && keep.age !== undefined ? keep.age * 1000 : undefined;
    if (count !== undefined) {
      for (;;) {
        // Newest first: everything from rank `count` on is past the bound.
        const past = await queue.getJobs([type], count, count + TRIM_BATCH - 1, false);
        if (!past.length) break;
        await Promise.all(past.map((job) => job.remove()));
        removed += past.length;
      }
    }
    if (ageMs !== undefined) {
      for (;;) {
        const batch = await queue.clean(ageMs, TRIM_BATCH, type);
        removed += batch.length;
        if (batch.length < TRIM_BATCH) break;
      }
    }
  }
  return removed;
}
