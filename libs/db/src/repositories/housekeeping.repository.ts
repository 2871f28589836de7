import type { Db } from '../client';

/** Work across every tenant that no person starts: what the worker's maintenance jobs find. */
export class HousekeepingRepository {
  constructor(private readonly db: Db) {}

  /**
   * Authorizations never captured and older than `authorizedBefore` (payments.md: A → X after
   * 7 days), oldest first: the core expires each through its merchant's repositories.
   */
  expiredAuthorizations(authorizedBefore: Date, limit: number) {
    return this.db.transaction.findMany({
      where: { status: 'A', primaryId: null, createdAt: { lt: authorizedBefore } },
      select: { id: true, merchantRef: true, organizationId: true },
      orderBy: { createdAt: 'asc' },
      take: limit,
    });
  }
}
