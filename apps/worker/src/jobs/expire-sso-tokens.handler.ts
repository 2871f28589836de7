import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@conduit/db';
import { JobName } from '@conduit/queues';
import type { JobHandler } from './job-handler';

/** Every few seconds: unused single sign-on tokens past their expiry become EXPIRED, read or not. */
@Injectable()
export class ExpireSsoTokensHandler implements JobHandler<JobName.EXPIRE_SSO_TOKENS> {
  readonly jobName = JobName.EXPIRE_SSO_TOKENS;

  constructor(private readonly uow: UnitOfWork) {}

  async handle() {
    return { expired: await this.uow.read.ssoTokens.expireDue() };
  }
}
