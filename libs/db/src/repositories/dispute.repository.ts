import { DomainError, type TenantScope } from '@conduit/domain';
import type { Db } from '../client';
import type { Prisma } from '../generated/client';
import { type ListQuery, paging, str, strList } from '../list-query';
import { ofReadableMerchants } from '../scope';

const SORTABLE = ['dueAt', 'createdAt', 'amountCents', 'status', 'id'] as const;
const STATUSES = ['NEEDS_RESPONSE', 'UNDER_REVIEW', 'WON', 'LOST'] as const;
type DisputeStatus = (typeof STATUSES)[number];

export const disputeInclude = {
  merchant: { select: { merchantId: true, name: true } },
  transaction: {
    select: { id: true, cardBrand: true, cardLast4: true, patientId: true, processorReference: true },
  },
  evidence: {
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      kind: true,
      textCipher: true,
      textKeyId: true,
      fileName: true,
      contentType: true,
      size: true,
      fileRef: true,
      createdBy: true,
      createdAt: true,
    },
  },
} as const satisfies Prisma.DisputeInclude;
export type DisputeRow = Prisma.DisputeGetPayload<{ include: typeof disputeInclude }>;

/** Disputes of the merchants a scope may read. */
export class DisputeRepository {
  constructor(
    private readonly db: Db,
    private readonly scope: TenantScope,
  ) {}

  private where(extra: Prisma.DisputeWhereInput): Prisma.DisputeWhereInput {
    return { AND: [ofReadableMerchants(this.scope), extra] };
  }

  async list(listQuery: ListQuery) {
    // `openedAt` is what the record calls the row's creation time.
    const query =
      listQuery.sort?.field === 'openedAt'
        ? { ...listQuery, sort: { ...listQuery.sort, field: 'createdAt' } }
        : listQuery;
    const f = query.filter;
    const status = strList(f.status);
    if (status?.some((s) => !(STATUSES as readonly string[]).includes(s)))
      throw DomainError.validation([
        { field: 'status', message: `status must be one of ${STATUSES.join(', ')}` },
      ]);
    const merchantIds = strList(f.merchantId);
    const where = this.where({
      ...(status ? { status: { in: status as DisputeStatus[] } } : {}),
      ...(merchantIds ? { merchant: { merchantId: { in: merchantIds } } } : {}),
      ...(str(f.transactionId) ? { transactionId: f.transactionId as string } : {}),
    });
    const [rows, total] = await Promise.all([
      this.db.dispute.findMany({ where, include: disputeInclude, ...paging(query, SORTABLE, 'dueAt') }),
      this.db.dispute.count({ where }),
    ]);
    return { rows, total };
  }

  get(id: string) {
    return this.db.dispute.findFirst({ where: this.where({ id }), include: disputeInclude });
  }

  /** Open disputes: how many, and the soonest due. */
  async open() {
    const where = this.where({ status: 'NEEDS_RESPONSE' });
    const [count, next] = await Promise.all([
      this.db.dispute.count({ where }),
      this.db.dispute.findFirst({ where, orderBy: { dueAt: 'asc' }, select: { dueAt: true } }),
    ]);
    return { count, nextDueAt: next?.dueAt ?? null };
  }
}

/** A merchant's disputes, for the core's writes (the close, evidence). */
export class MerchantDisputeRepository {
  constructor(
    private readonly db: Db,
    private readonly merchant: { id: string; organizationId: string },
  ) {}

  open(data: Omit<Prisma.DisputeUncheckedCreateInput, 'organizationId' | 'merchantRef'>) {
    return this.db.dispute.create({
      data: { ...data, organizationId: this.merchant.organizationId, merchantRef: this.merchant.id },
    });
  }

  private async lockWhere(column: 'id' | 'transaction_id', value: string) {
    const locked = await this.db.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id FROM disputes WHERE ${column} = $1::uuid AND merchant_ref = $2::uuid FOR UPDATE`,
      value,
      this.merchant.id,
    );
    if (!locked.length) return null;
    return this.db.dispute.findFirst({
      where: { id: locked[0].id, merchantRef: this.merchant.id },
      include: disputeInclude,
    });
  }

  forTransactionForUpdate(transactionId: string) {
    return this.lockWhere('transaction_id', transactionId);
  }

  forUpdate(id: string) {
    return this.lockWhere('id', id);
  }

  resolve(id: string, status: 'WON' | 'LOST', reversalId: string | null, at: Date) {
    return this.db.dispute.update({
      where: { id, merchantRef: this.merchant.id },
      data: { status, reversalId, resolvedAt: at },
    });
  }

  submit(id: string, at: Date) {
    return this.db.dispute.update({
      where: { id, merchantRef: this.merchant.id },
      data: { status: 'UNDER_REVIEW', submittedAt: at },
    });
  }

  addEvidence(data: Omit<Prisma.DisputeEvidenceUncheckedCreateInput, 'createdAt'>) {
    return this.db.disputeEvidence.create({ data });
  }
}
