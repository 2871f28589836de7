import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@conduit/db';
import { SettlementService } from '@conduit/payments';
import { JobName } from '@conduit/queues';
import type { JobHandler } from '../jobs/job-handler';
import { WorkerQueues } from '../jobs/worker-queues.service';

/** How late a close or a file may be before the sweep starts it itself. */
const GRACE_MS = 10 * 60 * 1000;

/**
 * The safety net under the schedules: closes the clock missed (a worker down at the cut-off, a
 * merchant whose schedule was not synced yet), posting files a crash left unwritten, and
 * batches whose deposit date has passed. Every job it starts is idempotent.
 */
@Injectable()
export class SettlementSweepHandler implements JobHandler<JobName.SETTLEMENT_SWEEP> {
  readonly jobName = JobName.SETTLEMENT_SWEEP;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly queues: WorkerQueues,
    private readonly settlement: SettlementService,
  ) {}

  async handle() {
    const before = new Date(Date.now() - GRACE_MS);
    const overdue = await this.uow.read.settlementSchedule.overdueOpen(before, 1000);
    for (const b of overdue)
      await this.queues.jobs.enqueue(
        JobName.CLOSE_SETTLEMENT,
        { merchantRef: b.merchantRef },
        { jobId: `close_${b.merchantRef}_${b.cutoffAt.getTime()}` },
      );
    const unwritten = await this.uow.read.settlementSchedule.missingPostingFiles(before, 1000);
    for (const b of unwritten)
      await this.queues.jobs.enqueue(
        JobName.RENDER_POSTING_FILES,
        { batchRef: b.id },
        { jobId: `files_${b.id}` },
      );
    const deposited = await this.settlement.markDeposited();
    return { overdue: overdue.length, unwritten: unwritten.length, deposited };
  }
}
