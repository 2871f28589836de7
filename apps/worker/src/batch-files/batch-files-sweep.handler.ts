import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@conduit/db';
import { JobName, QueueName } from '@conduit/queues';
import type { JobHandler } from '../jobs/job-handler';
import { WorkerQueues } from '../jobs/worker-queues.service';

/** How long a file may sit unfinished before the sweep looks at its job. */
const GRACE_MS = 2 * 60 * 1000;

/**
 * The safety net under the import job: a RECEIVED or PROCESSING file whose job is gone (Redis
 * lost it, the gateway died between its commit and its enqueue) is queued again, and one whose
 * job failed for good is retried. Processing resumes where it stopped and charges nothing twice.
 */
@Injectable()
export class BatchFilesSweepHandler implements JobHandler<JobName.BATCH_FILES_SWEEP> {
  readonly jobName = JobName.BATCH_FILES_SWEEP;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly queues: WorkerQueues,
  ) {}

  async handle() {
    const files = await this.uow.read.batchImports.unfinished(new Date(Date.now() - GRACE_MS), 500);
    const queue = this.queues.queue(QueueName.BATCH_FILES);
    let requeued = 0;
    let retried = 0;
    for (const f of files) {
      const job = await queue.getJob(f.id);
      const state = job ? await job.getState() : 'unknown';
      if (job && state === 'failed') {
        await job.retry('failed');
        retried++;
        continue;
      }
      if (job && state !== 'completed' && state !== 'unknown') continue; // waiting, active, delayed
      if (job) await job.remove();
      await this.queues.jobs.enqueue(
        JobName.IMPORT_BATCH_FILE,
        { batchFileId: f.id },
        { jobId: f.id, attempts: 5, backoff: { type: 'exponential', delay: 5000 } },
      );
      requeued++;
    }
    return { unfinished: files.length, requeued, retried };
  }
}
