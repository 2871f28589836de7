import type { JobsOptions, Queue } from 'bullmq';
import { type JobName, type JobPayloads, JOBS, type QueueName } from './queue-names';

/**
 * The typed way to put a job on its queue: the job's name picks the queue (JOBS) and the
 * payload type, so a producer cannot send a job to the wrong queue or with the wrong data.
 */
export class JobQueues {
  constructor(private readonly queueOf: (name: QueueName) => Queue) {}

  enqueue<N extends JobName>(
    name: N,
    data: JobPayloads[N],
    options: Pick<JobsOptions, 'jobId' | 'delay' | 'attempts' | 'backoff'> = {},
  ) {
    return this.queueOf(JOBS[name].queue).add(name, data, options);
  }

  /** Many jobs of one name in one round trip (the outbox relay's deliveries). */
  enqueueMany<N extends JobName>(name: N, jobs: { data: JobPayloads[N]; jobId?: string }[]) {
    return this.queueOf(JOBS[name].queue).addBulk(
      jobs.map((j) => ({ name, data: j.data, opts: j.jobId ? { jobId: j.jobId } : {} })),
    );
  }
}
