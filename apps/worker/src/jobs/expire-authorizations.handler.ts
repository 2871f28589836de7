import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@conduit/db';
import { JobName, type JobPayloads } from '@conduit/queues';
import type { JobHandler } from './job-handler';

export const AUTHORIZATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** Authorizations not captured within 7 days become X (cancelled), releasing the hold. */
@Injectable()
export class ExpireAuthorizationsHandler implements JobHandler<JobName.EXPIRE_AUTHORIZATIONS> {
  readonly jobName = JobName.EXPIRE_AUTHORIZATIONS;

  constructor(private readonly uow: UnitOfWork) {}

  async handle(data: JobPayloads[JobName.EXPIRE_AUTHORIZATIONS]) {
    const expired = await this.uow.read.housekeeping.expireAuthorizations(
      new Date(Date.now() - data.olderThanMs),
    );
    return { expired };
  }
}
