import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@conduit/db';
import { JobName, type JobPayloads } from '@conduit/queues';
import type { JobHandler } from './job-handler';

/** Idempotency keys are kept at least 24 hours (rest.md); this removes them after 48. */
@Injectable()
export class PurgeIdempotencyKeysHandler implements JobHandler<JobName.PURGE_IDEMPOTENCY_KEYS> {
  readonly jobName = JobName.PURGE_IDEMPOTENCY_KEYS;

  constructor(private readonly uow: UnitOfWork) {}

  async handle(data: JobPayloads[JobName.PURGE_IDEMPOTENCY_KEYS]) {
    const { count } = await this.uow.read.idempotency.purgeOlderThan(new Date(Date.now() - data.olderThanMs));
    return { deleted: count };
  }
}
