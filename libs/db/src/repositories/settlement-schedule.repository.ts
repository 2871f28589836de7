import type { Db } from '../client';

/**
 * What the settlement scheduler reads across tenants, by design (like webhookEngine): which
 * merchants settle and when, and which closed batches still owe work. It returns merchant rows
 * for the core to act on through `atMerchant`, never tenant data to show anyone.
 */
export class SettlementScheduleRepository {
  constructor(private readonly db: Db) {}

  /** Active merchants' settlement settings, a page at a time in id order. */
  merchants(afterId: string | null, limit: number) {
    return this.db.merchant.findMany({
      where: { status: 'ACTIVE', ...(afterId ? { id: { gt: afterId } } : {}) },
      orderBy: { id: 'asc' },
      take: limit,
    });
  }

  merchant(id: string) {
    return this.db.merchant.findUnique({ where: { id } });
  }

  /** Open batches whose cut-off passed a while ago: a close the clock missed. */
  overdueOpen(before: Date, limit: number) {
    return this.db.settlementBatch.findMany({
      where: { status: 'OPEN', cutoffAt: { lt: before }, merchant: { status: 'ACTIVE' } },
      select: { merchantRef: true, cutoffAt: true },
      orderBy: { cutoffAt: 'asc' },
      take: limit,
    });
  }

  /** Closed batches without their posting file (the render after a close did not happen). */
  missingPostingFiles(closedBefore: Date, limit: number) {
    return this.db.settlementBatch.findMany({
      where: {
        status: { in: ['SETTLED', 'PARTIALLY_SETTLED', 'DEPOSITED'] },
        closedAt: { lt: closedBefore },
        batchFiles: { none: { kind: 'POSTING' } },
      },
      select: { id: true, merchantRef: true },
      take: limit,
    });
  }

  /** Settled batches whose deposit date is before `today` (a merchant-independent ISO date). */
  depositDue(today: string, limit: number) {
    return this.db.settlementBatch.findMany({
      where: { status: { in: ['SETTLED', 'PARTIALLY_SETTLED'] }, depositDate: { lt: today } },
      select: { id: true, merchantRef: true, timeZone: true, depositDate: true },
      take: limit,
    });
  }
}
