import { Injectable } from '@nestjs/common';
import { JobName, type JobPayloads } from '@conduit/queues';
import { WebhookDeliveryService } from '@conduit/webhooks';
import type { JobHandler } from '../jobs/job-handler';

/** One post of one delivery; the database decides whether it is still owed (lease). */
@Injectable()
export class DeliverWebhookHandler implements JobHandler<JobName.DELIVER_WEBHOOK> {
  readonly jobName = JobName.DELIVER_WEBHOOK;

  constructor(private readonly delivery: WebhookDeliveryService) {}

  async handle(data: JobPayloads[JobName.DELIVER_WEBHOOK]) {
    return (await this.delivery.deliver(data.deliveryId)) ?? { skipped: data.deliveryId };
  }
}
