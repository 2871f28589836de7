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
}
