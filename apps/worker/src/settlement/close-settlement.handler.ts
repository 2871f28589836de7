import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@conduit/db';
import { latestCutoffAtOrBefore, parseCutoff } from '@conduit/domain';
import { PostingFilesService, SettlementService } from '@conduit/payments';
import { JobName, type JobPayloads } from '@conduit/queues';
import type { JobHandler } from '../jobs/job-handler';

/** A schedule may fire a little early (clocks differ between Redis and this host). */
const EARLY_TOLERANCE_MS = 2 * 60 * 1000;

/**
 * The merchant's cut-off: closes the batch for the latest cut-off that has passed (waiting out
 * a schedule that fired a moment early), then writes its posting files. Replaying the job, or
 * two workers running it, changes nothing: the close is guarded in PostgreSQL.
 */
@Injectable()
export class CloseSettlementHandler implements JobHandler<JobName.CLOSE_SETTLEMENT> {
  readonly jobName = JobName.CLOSE_SETTLEMENT;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly settlement: SettlementService,
    private readonly postingFiles: PostingFilesService,
  ) {}

  async handle(data: JobPayloads[JobName.CLOSE_SETTLEMENT]) {
    const merchant = await this.uow.read.settlementSchedule.merchant(data.merchantRef);
    if (!merchant || merchant.status !== 'ACTIVE')
      return {
        batchRef: null,
        settlementBatchId: null,
        alreadyClosed: false,
        files: [],
        reason: 'merchant not active',
      };
    const now = Date.now();
    const cutoffAt = latestCutoffAtOrBefore(
      merchant.timeZone,
      parseCutoff(merchant.settlementCutoff),
      new Date(now + EARLY_TOLERANCE_MS),
    );
    if (cutoffAt.getTime() > now)
      await new Promise((resolve) => setTimeout(resolve, cutoffAt.getTime() - now));
    const result = await this.settlement.close(merchant, { kind: 'cutoff', cutoffAt });
    const files = result.batchRef ? await this.postingFiles.render(result.batchRef) : { written: [] };
    return { ...result, files: files.written };
  }
}
