import type { JobName, JobPayloads } from '@conduit/queues';

/** One handler per job name; the worker checks the set at start-up. */
export interface JobHandler<N extends JobName = JobName> {
  readonly jobName: N;
  handle(data: JobPayloads[N]): Promise<unknown>;
}

export const JOB_HANDLERS = Symbol('JOB_HANDLERS');
