import { Inject, Injectable } from '@nestjs/common';
import { CONDUIT_CONFIG, type ConduitConfig } from '@conduit/config';
import { UnitOfWork } from '@conduit/db';
import { PlanChargesService } from '@conduit/payments';
import { JobName, type JobPayloads } from '@conduit/queues';
import type { JobHandler } from '../jobs/job-handler';

/**
 * The merchant's plan charge hour (its own schedule): every plan due by its local date, charged
 * through the core exactly once per (plan, sequence) however often this job runs.
 */
@Injectable()
export class ChargePaymentPlansHandler implements JobHandler<JobName.CHARGE_PAYMENT_PLANS> {
  readonly jobName = JobName.CHARGE_PAYMENT_PLANS;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly charges: PlanChargesService,
    @Inject(CONDUIT_CONFIG) private readonly config: ConduitConfig,
  ) {}

  async handle(data: JobPayloads[JobName.CHARGE_PAYMENT_PLANS]) {
    const merchant = await this.uow.read.planSchedule.merchant(data.merchantRef);
    if (!merchant) return { skipped: 'merchant not found' };
    const resumed = await this.charges.resumeStale(merchant, this.config.planChargeLeaseMs);
    const run = await this.charges.runMerchant(merchant);
    return { ...run, resumed: resumed.resumed };
  }
}
