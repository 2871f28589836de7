import { Injectable } from '@nestjs/common';
import { AuthorizationExpiryService } from '@conduit/payments';
import { JobName, type JobPayloads } from '@conduit/queues';
import type { JobHandler } from './job-handler';

/** Authorizations not captured within 7 days become X, through the payments core. */
@Injectable()
export class ExpireAuthorizationsHandler implements JobHandler<JobName.EXPIRE_AUTHORIZATIONS> {
  readonly jobName = JobName.EXPIRE_AUTHORIZATIONS;

  constructor(private readonly expiry: AuthorizationExpiryService) {}

  async handle(data: JobPayloads[JobName.EXPIRE_AUTHORIZATIONS]) {
    return { expired: await this.expiry.expire(data.olderThanMs) };
  }
}
