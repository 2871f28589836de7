import { Injectable } from '@nestjs/common';
import { SettlementRunsService } from '@conduit/payments';
import { JobName, type JobPayloads } from '@conduit/queues';
import type { JobHandler } from '../jobs/job-handler';

/** The merchant's cut-off (its own schedule, or the sweep): a close and its posting files. */
@Injectable()
export class CloseSettlementHandler implements JobHandler<JobName.CLOSE_SETTLEMENT> {
  readonly jobName = JobName.CLOSE_SETTLEMENT;

  constructor(private readonly runs: SettlementRunsService) {}

  async handle(data: JobPayloads[JobName.CLOSE_SETTLEMENT]) {
    return (await this.runs.atCutoff(data.merchantRef)) ?? { skipped: 'merchant not active' };
  }
}
