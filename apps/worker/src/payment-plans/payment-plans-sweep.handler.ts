import { Injectable } from '@nestjs/common';
import { PlanChargesService } from '@conduit/payments';
import { JobName } from '@conduit/queues';
import type { JobHandler } from '../jobs/job-handler';

/** Every 5 minutes: what the merchants' own schedules missed, and dead workers' charges. */
@Injectable()
export class PaymentPlansSweepHandler implements JobHandler<JobName.PAYMENT_PLANS_SWEEP> {
  readonly jobName = JobName.PAYMENT_PLANS_SWEEP;

  constructor(private readonly charges: PlanChargesService) {}

  handle() {
    return this.charges.runDue();
  }
}
