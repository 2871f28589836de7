import type { Db } from '../client';

/** Work across every tenant that no person starts: the worker's maintenance jobs. */
export class HousekeepingRepository {
  constructor(private readonly db: Db) {}

  /**
   * Authorizations never captured expire (payments.md: A → X after 7 days), in one statement;
   * answers how many expired.
   */
  expireAuthorizations(authorizedBefore: Date) {
    return this.db.$executeRaw`
      UPDATE transactions SET status = 'X', updated_at = now()
      WHERE status = 'A' AND primary_id IS NULL AND created_at < ${authorizedBefore}`;
  }
}
