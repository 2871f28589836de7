import { currentTraceparent } from '@conduit/observability';
import { DomainError, type TenantScope } from '@conduit/domain';
import type { Db } from '../client';
import type { Prisma } from '../generated/client';
import { type ListQuery, paging, str, strList } from '../list-query';
import { ofReadableMerchants, readableMerchants } from '../scope';
import { transactionWorkflowWhere } from './webhook-delivery.repository';
import { insertTransactionWithEvent, type OutboxEventInput } from './transaction-insert';

const SORTABLE = ['createdAt', 'amountCents', 'status', 'action', 'tender', 'responseCode', 'id'] as const;
export const transactionInclude = {
  merchant: { select: { merchantId: true } },
  outlet: { select: { storeId: true, terminalId: true } },
} as const;

export type TransactionRow = Prisma.TransactionGetPayload<{ include: typeof transactionInclude }>;
export type NewTransaction = Prisma.TransactionUncheckedCreateInput;

function cents(value: unknown): bigint | undefined {
  if (typeof value !== 'string' || !/^\d{1,8}(\.\d{1,2})?$/.test(value)) return undefined;
  const [whole, frac = ''] = value.split('.');
  return BigInt(whole) * 100n + BigInt(frac.padEnd(2, '0'));
}

/**
 * The transactions of one merchant that the caller already may transact on (the payment core's
 * writes): a primary is found, locked and changed only at that merchant.
 */
export class MerchantTransactionRepository {
  constructor(
    private readonly db: Db,
    private readonly merchantRef: string,
  ) {}

  /** The hot path: the row and its outbox event in one statement (see transaction-insert.ts). */
  insertWithEvent(data: NewTransaction, event: OutboxEventInput) {
    if (data.merchantRef !== this.merchantRef) throw new Error('A transaction belongs to its merchant');
    return insertTransactionWithEvent(this.db, data as unknown as Record<string, unknown>, event);
  }

  /**
   * A primary transaction of this merchant, locked for the rest of the database transaction
   * (captures, voids, refunds), or null when this merchant has no such primary.
   */
  async primaryForUpdate(id: string) {
    const locked = await this.db.$queryRaw<{ id: string }[]>`
      SELECT id FROM transactions
      WHERE id = ${id}::uuid AND merchant_ref = ${this.merchantRef}::uuid AND primary_id IS NULL
      FOR UPDATE`;
    if (!locked.length) return null;
    return this.db.transaction.findFirst({
      where: { id, merchantRef: this.merchantRef },
      include: transactionInclude,
    });
  }

  /** An outbox event about an existing transaction of this merchant (a status move). */
  async addEvent(transactionId: string, event: OutboxEventInput) {
    await this.db.$executeRaw`
      INSERT INTO outbox_events (id, organization_id, merchant_ref, transaction_id, event_type, payload, trace_context)
      SELECT ${event.id}::uuid, organization_id, merchant_ref, id, ${event.eventType}, ${JSON.stringify(event.payload)}::jsonb,
             ${currentTraceparent()}::text
      FROM transactions WHERE id = ${transactionId}::uuid AND merchant_ref = ${this.merchantRef}::uuid`;
  }

  update(id: string, data: Prisma.TransactionUncheckedUpdateInput) {
    return this.db.transaction.update({
      where: { id, merchantRef: this.merchantRef },
      data,
      include: transactionInclude,
    });
  }
}

/** Transactions a scope may read: those of merchants it owns or was granted (partners). */
export class TransactionRepository {
  constructor(
    private readonly db: Db,
    private readonly scope: TenantScope,
  ) {}

  get(id: string) {
    return this.db.transaction.findFirst({
      where: { AND: [ofReadableMerchants(this.scope), { id }] },
      include: transactionInclude,
    });
  }

  secondariesOf(primaryId: string) {
    return this.db.transaction.findMany({
      where: { AND: [ofReadableMerchants(this.scope), { primaryId }] },
      include: transactionInclude,
      orderBy: { createdAt: 'asc' },
    });
  }

  private filters(f: Record<string, unknown>): Prisma.TransactionWhereInput {
    const range: Prisma.DateTimeFilter = {};
    if (str(f.createdAt_gte)) range.gte = new Date(f.createdAt_gte as string);
    if (str(f.createdAt_lte)) range.lte = new Date(f.createdAt_lte as string);
    const amount: Prisma.BigIntFilter = {};
    for (const [key, op] of [
      ['amount_gte', 'gte'],
      ['amount_lte', 'lte'],
    ] as const) {
      if (f[key] === undefined || f[key] === '') continue;
      const value = cents(f[key]);
      if (value === undefined)
        throw DomainError.validation([
          { field: key, message: `${key} must be a decimal amount like "10.00"` },
        ]);
      amount[op] = value;
    }
    const patient = str(f.patient);
    const q = str(f.q)?.replace(/-/g, '').toLowerCase();
    const ids = strList(f.id);
    return {
      AND: [
        ofReadableMerchants(this.scope),
        str(f.merchantId) ? { merchant: { merchantId: f.merchantId as string } } : {},
        str(f.storeId) ? { outlet: { storeId: f.storeId as string } } : {},
        str(f.terminalId) ? { outlet: { terminalId: f.terminalId as string } } : {},
        str(f.status) ? { status: f.status as string } : {},
        str(f.action) ? { action: f.action as string } : {},
        str(f.tender) ? { tender: f.tender as string } : {},
        str(f.primaryTransactionId) ? { primaryId: f.primaryTransactionId as string } : {},
        str(f.workflowStatus) ? transactionWorkflowWhere(f.workflowStatus as string) : {},
        range.gte || range.lte ? { createdAt: range } : {},
        amount.gte !== undefined || amount.lte !== undefined ? { amountCents: amount } : {},
        ids ? { id: { in: ids.filter((i) => /^[0-9a-f-]{32,36}$/i.test(i)) } } : {},
        q && /^[0-9a-f]{32}$/.test(q) ? { id: q } : {},
        patient
          ? {
              OR: [
                { patientId: patient },
                { patientAccountNumber: patient },
                { patientFirstName: { contains: patient, mode: 'insensitive' } },
                { patientLastName: { contains: patient, mode: 'insensitive' } },
              ],
            }
          : {},
      ],
    };
  }

  async list(query: ListQuery) {
    const where = this.filters(query.filter);
    const [rows, total] = await Promise.all([
      this.db.transaction.findMany({
        where,
        include: transactionInclude,
        ...paging(query, SORTABLE, 'createdAt'),
      }),
      this.db.transaction.count({ where }),
    ]);
    return { rows, total };
  }

  /** Keyset page for the REST list (newest first): rows strictly older than the cursor. */
  listAfter(filter: Record<string, unknown>, cursor: { createdAt: Date; id: string } | null, take: number) {
    const after: Prisma.TransactionWhereInput = cursor
      ? {
          OR: [
            { createdAt: { lt: cursor.createdAt } },
            { createdAt: cursor.createdAt, id: { lt: cursor.id } },
          ],
        }
      : {};
    return this.db.transaction.findMany({
      where: { AND: [this.filters(filter), after] },
      include: transactionInclude,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take,
    });
  }

  /**
   * Keyset page for exports, newest first: the rows after the row `afterId` in (createdAt DESC,
   * id DESC) order, with the same filters and scope as `list`. Prisma's cursor compares against
   * the cursor row in the database, at the column's microsecond precision; a cursor carried as a
   * JavaScript Date (`listAfter`) keeps milliseconds only, and skips rows that share the
   * millisecond of a page's last row. The cursor row itself is dropped only when it comes back:
   * it may no longer match the filter (its status changed) by the time the next page is read.
   */
  async listAfterRow(filter: Record<string, unknown>, afterId: string | null, take: number) {
    const page = {
      where: this.filters(filter),
      include: transactionInclude,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    } satisfies Prisma.TransactionFindManyArgs;
    if (afterId === null) return this.db.transaction.findMany({ ...page, take });
    const rows = await this.db.transaction.findMany({ ...page, cursor: { id: afterId }, take: take + 1 });
    // A vanished cursor row reads as an empty page, which would end an export early and quietly.
    // Transactions are never deleted, so this is a guard, checked only when a page is empty.
    if (rows.length === 0 && (await this.db.transaction.count({ where: { id: afterId } })) === 0)
      throw new Error(`Keyset cursor transaction ${afterId} no longer exists`);
    return rows[0]?.id === afterId ? rows.slice(1) : rows.slice(0, take);
  }

  /**
   * Volume per hour of one day, for the dashboard (the database groups, not the process); the
   * hours are those of `timeZone`, an IANA name the caller has validated.
   */
  async hourly(from: Date, to: Date, timeZone = 'UTC') {
    const refs =
      this.scope.kind === 'platform'
        ? null
        : (
            await this.db.merchant.findMany({ where: readableMerchants(this.scope), select: { id: true } })
          ).map((m) => m.id);
    return this.db.$queryRaw<{ hour: number; count: bigint; approved: bigint; cents: bigint | null }[]>`
      SELECT EXTRACT(HOUR FROM t.created_at AT TIME ZONE ${timeZone})::int AS hour,
             COUNT(*) AS count,
             COUNT(*) FILTER (WHERE t.status IN ('A','C','S','O')) AS approved,
             SUM(t.amount_cents) FILTER (WHERE t.status IN ('A','C','S') AND t.action IN ('Sale','Authorization')) AS cents
      FROM transactions t
      WHERE t.primary_id IS NULL AND t.created_at >= ${from} AND t.created_at < ${to}
        AND (${refs === null} OR t.merchant_ref = ANY (${refs ?? []}::uuid[]))
      GROUP BY 1 ORDER BY 1`;
  }
}
