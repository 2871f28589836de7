import { DomainError, type TenantScope } from '@conduit/domain';
import type { Db } from '../client';
import type { Prisma } from '../generated/client';
import { type ListQuery, paging, str, strList } from '../list-query';
import { ofReadableMerchants } from '../scope';

const SORTABLE = ['businessDate', 'closedAt', 'netCents', 'cutoffAt', 'id'] as const;
const ITEM_SORTABLE = ['createdAt', 'amountCents', 'kind', 'transactionId'] as const;
const STATUSES = ['OPEN', 'SUBMITTED', 'SETTLED', 'PARTIALLY_SETTLED', 'DEPOSITED'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const batchInclude = { merchant: { select: { merchantId: true, name: true } } } as const;
export type SettlementBatchListRow = Prisma.SettlementBatchGetPayload<{ include: typeof batchInclude }>;

export const itemInclude = {
  transaction: {
    select: {
      id: true,
      primaryId: true,
      action: true,
      status: true,
      cardLast4: true,
      accountLast4: true,
      patientId: true,
      patientFirstName: true,
      patientLastName: true,
      additionalInfo: true,
      authorizationNumber: true,
      responseCode: true,
      responseMessage: true,
      capturedAt: true,
      createdAt: true,
      merchant: { select: { merchantId: true } },
      outlet: { select: { storeId: true, terminalId: true } },
    },
  },
} as const;
export type SettlementItemRow = Prisma.SettlementItemGetPayload<{ include: typeof itemInclude }>;

function dateFilter(value: unknown, field: string): string | undefined {
  const s = str(value);
  if (s === undefined) return undefined;
  if (!DATE.test(s)) throw DomainError.validation([{ field, message: `${field} must be YYYY-MM-DD` }]);
  return s;
}

/** The list filters of settlements (docs/settlement.md). */
export function batchWhere(filter: Record<string, unknown>): Prisma.SettlementBatchWhereInput {
  const status = str(filter.status);
  if (status && !(STATUSES as readonly string[]).includes(status))
    throw DomainError.validation([
      { field: 'status', message: `status must be one of ${STATUSES.join(', ')}` },
    ]);
  const from = dateFilter(filter.businessDateFrom, 'businessDateFrom');
  const to = dateFilter(filter.businessDateTo, 'businessDateTo');
  const merchantIds = strList(filter.merchantId);
  return {
    AND: [
      status ? { status: status as (typeof STATUSES)[number] } : {},
      from || to ? { businessDate: { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) } } : {},
      merchantIds ? { merchant: { merchantId: { in: merchantIds } } } : {},
    ],
  };
}

/** Settlement batches and their items that a scope may read: its merchants' (and granted ones'). */
export class SettlementRepository {
  constructor(
    private readonly db: Db,
    private readonly scope: TenantScope,
  ) {}

  private where(extra: Prisma.SettlementBatchWhereInput): Prisma.SettlementBatchWhereInput {
    return { AND: [ofReadableMerchants(this.scope), extra] };
  }

  async list(query: ListQuery) {
    const where = this.where(batchWhere(query.filter));
    const [rows, total] = await Promise.all([
      this.db.settlementBatch.findMany({
        where,
        include: batchInclude,
        ...paging(query, SORTABLE, 'businessDate'),
      }),
      this.db.settlementBatch.count({ where }),
    ]);
    return { rows, total };
  }

  /**
   * Keyset pages for exports: latest cut-off first, no row cap. The cursor is the last row's id
   * and Prisma compares its cut-off in the database, at full precision.
   */
  async listAfter(filter: Record<string, unknown>, afterId: string | null, limit: number) {
    const page = {
      where: this.where(batchWhere(filter)),
      include: batchInclude,
      orderBy: [{ cutoffAt: 'desc' }, { id: 'desc' }],
    } satisfies Prisma.SettlementBatchFindManyArgs;
    if (afterId === null) return this.db.settlementBatch.findMany({ ...page, take: limit });
    const rows = await this.db.settlementBatch.findMany({
      ...page,
      cursor: { id: afterId },
      take: limit + 1,
    });
    return rows[0]?.id === afterId ? rows.slice(1) : rows.slice(0, limit);
  }

  get(id: string) {
    return this.db.settlementBatch.findFirst({ where: this.where({ id }), include: batchInclude });
  }

  /** Items of a batch the scope may read (the batch is checked, then its items are its own). */
  async items(batchRef: string, query: ListQuery) {
    const sort = query.sort?.field;
    const where = { batchRef, batch: this.where({}) };
    const { skip, take } = paging({ ...query, sort: undefined }, ['id'], 'id');
    const direction = (query.sort?.order ?? 'ASC') === 'DESC' ? 'desc' : 'asc';
    if (sort && !(ITEM_SORTABLE as readonly string[]).includes(sort))
      throw DomainError.validation([
        { field: 'sort', message: `sort must be one of ${ITEM_SORTABLE.join(', ')}` },
      ]);
    const orderBy: Prisma.SettlementItemOrderByWithRelationInput[] =
      sort === 'amountCents' || sort === 'kind'
        ? [{ [sort]: direction }, { transactionId: 'asc' }]
        : [{ transaction: { createdAt: direction } }, { transactionId: 'asc' }];
    const [rows, total] = await Promise.all([
      this.db.settlementItem.findMany({ where, include: itemInclude, orderBy, skip, take }),
      this.db.settlementItem.count({ where }),
    ]);
    return { rows, total };
  }

  /** Keyset pages of a batch's items in transaction-id order (the items export). */
  itemsAfter(batchRef: string, afterTransactionId: string | null, limit: number) {
    return this.db.settlementItem.findMany({
      where: {
        batchRef,
        batch: this.where({}),
        ...(afterTransactionId ? { transactionId: { gt: afterTransactionId } } : {}),
      },
      include: itemInclude,
      orderBy: { transactionId: 'asc' },
      take: limit,
    });
  }

  /** Closed batches per business date, summed in the database (the reconciliation summary). */
  async daily(from: string, to: string, merchantIds: string[] | undefined) {
    const batches = await this.db.settlementBatch.groupBy({
      by: ['businessDate', 'status'],
      where: this.where({
        businessDate: { gte: from, lte: to },
        NOT: { status: 'OPEN' },
        ...(merchantIds ? { merchant: { merchantId: { in: merchantIds } } } : {}),
      }),
      _count: { _all: true },
      _sum: {
        saleCents: true,
        refundCents: true,
        returnCents: true,
        chargebackCents: true,
        reversalCents: true,
        feeCents: true,
        netCents: true,
        depositCents: true,
      },
      orderBy: { businessDate: 'asc' },
    });
    return batches;
  }

  /** The earliest deposit still expected, summed over the scope's merchants. */
  async nextDeposit(today: string) {
    const next = await this.db.settlementBatch.findFirst({
      where: this.where({ status: { in: ['SETTLED', 'PARTIALLY_SETTLED'] }, depositDate: { gte: today } }),
      orderBy: { depositDate: 'asc' },
      select: { depositDate: true },
    });
    if (!next?.depositDate) return null;
    const sum = await this.db.settlementBatch.aggregate({
      where: this.where({ status: { in: ['SETTLED', 'PARTIALLY_SETTLED'] }, depositDate: next.depositDate }),
      _sum: { depositCents: true },
      _count: { _all: true },
    });
    return {
      date: next.depositDate,
      amountCents: Number(sum._sum.depositCents ?? 0n),
      batchCount: sum._count._all,
    };
  }

  /**
   * What an open batch holds so far (the batch was read within the scope, so its merchant is
   * the scope's): waiting sales and refunds, summed in the database. Fees are the processor's
   * and known only at the close.
   */
  async pending(batch: { merchantRef: string }) {
    const groups = await this.db.transaction.groupBy({
      by: ['action', 'tender', 'cardBrand'],
      where: {
        merchantRef: batch.merchantRef,
        settlementBatchId: null,
        status: { in: ['C', 'SE'] },
        action: { not: 'Capture' },
      },
      _count: { _all: true },
      _sum: { amountCents: true },
    });
    return groups.map((g) => ({
      action: g.action,
      tender: g.tender,
      brand: g.cardBrand,
      count: g._count._all,
      cents: Number(g._sum.amountCents ?? 0n),
    }));
  }

  lastClosed() {
    return this.db.settlementBatch.findFirst({
      where: this.where({ NOT: { status: 'OPEN' } }),
      include: batchInclude,
      orderBy: [{ closedAt: 'desc' }, { id: 'desc' }],
    });
  }
}
