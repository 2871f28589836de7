import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@conduit/db';
import { JobName, type JobPayloads } from '@conduit/queues';
import type { JobHandler } from './job-handler';

/** Deletes console sessions and sign-in challenges that expired more than `olderThanMs` ago. */
@Injectable()
export class PurgeExpiredSessionsHandler implements JobHandler<JobName.PURGE_EXPIRED_SESSIONS> {
  readonly jobName = JobName.PURGE_EXPIRED_SESSIONS;

  constructor(private readonly uow: UnitOfWork) {}

  async handle(data: JobPayloads[JobName.PURGE_EXPIRED_SESSIONS]) {
    const before = new Date(Date.now() - data.olderThanMs);
    const { count } = await this.uow.read.sessions.deleteExpired(before);
    const challenges = await this.uow.read.twoFactor.deleteExpiredChallenges(before);
    return { deleted: count, challengesDeleted: challenges.count };
  }
}
