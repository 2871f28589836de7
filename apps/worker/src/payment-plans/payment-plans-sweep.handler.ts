import { Inject, Injectable } from '@nestjs/common';
import { CONDUIT_CONFIG, type ConduitConfig } from '@conduit/config';
import { PlanChargesService } from '@conduit/payments';
import { JobName } from '@conduit/queues';
import type { JobHandler } from '../jobs/job-handler';

/** Every 5 minutes: what the merchants' own schedules missed, and dead workers' charges. */
@Injectable()
export class PaymentPlansSweepHandler implements JobHandler<JobName.PAYMENT_PLANS_SWEEP> {
  readonly jobName = JobName.PAYMENT_PLANS_SWEEP;

  constructor(
    private readonly charges: PlanChargesService,
    @Inject(CONDUIT_CONFIG) private readonly config: ConduitConfig,
  ) {}

  handle() {
    return this.charges.runDue({ leaseMs: this.config.planChargeLeaseMs });
  }
}
