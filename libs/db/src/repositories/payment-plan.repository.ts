import { DomainError, type TenantScope } from '@conduit/domain';
import type { Db } from '../client';
import type { Prisma } from '../generated/client';
import { type ListQuery, paging, str, strList } from '../list-query';
import { ofReadableMerchants } from '../scope';

export const planInclude = {
  merchant: { select: { merchantId: true, name: true, timeZone: true, planChargeHour: true } },
  outlet: { select: { storeId: true, terminalId: true } },
  card: {
    select: {
      id: true,
      cardBrand: true,
      cardBin: true,
      cardLast4: true,
      cardExpMonth: true,
      cardExpYear: true,
    },
  },
  bankAccount: { select: { id: true, routingNumber: true, accountLast4: true, accountType: true } },
} as const satisfies Prisma.PaymentPlanInclude;
export type PaymentPlanRow = Prisma.PaymentPlanGetPayload<{ include: typeof planInclude }>;

/** A plan's charge with the transaction it recorded (none while PENDING). */
export interface PlanChargeRow {
  id: string;
  sequence: number;
  attempt: number;
  kind: string;
  amountCents: bigint;
  dueDate: Date;
  status: string;
  responseCode: string | null;
  claimedAt: Date;
  completedAt: Date | null;
  transactionStatus: string | null;
}

export const PLAN_STATUSES = ['Active', 'Paused', 'PastDue', 'Completed', 'Cancelled'] as const;
const SORTABLE = [
  'createdAt',
  'nextChargeDate',
  'status',
  'installmentCents',
  'amountPaidCents',
  'patientLastName',
  'id',
] as const;

/** The list filters every interface offers (payment-plans.md): outlet, patient, status, dates. */
export interface PlanFilter {
  merchantIds?: string[];
  storeId?: string;
  terminalId?: string;
  statuses?: string[];
  type?: string;
  patientId?: string;
  /** Patient name or id, or the plan id's hex. */
  q?: string;
  nextFrom?: string;
  nextTo?: string;
}

function dateOnly(v: string | undefined, field: string): Date | undefined {
  if (!v) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
    throw DomainError.validation([{ field, message: `${field} must be a date YYYY-MM-DD` }]);
  return new Date(`${v}T00:00:00Z`);
}

/** Plans of the merchants a scope may read: the only way to read a plan or its charges. */
export class PaymentPlanRepository {
  constructor(
    private readonly db: Db,
    private readonly scope: TenantScope,
  ) {}

  private where(extra: Prisma.PaymentPlanWhereInput): Prisma.PaymentPlanWhereInput {
    return { AND: [ofReadableMerchants(this.scope), extra] };
  }

  get(id: string): Promise<PaymentPlanRow | null> {
    return this.db.paymentPlan.findFirst({ where: this.where({ id }), include: planInclude });
  }

  /** A plan's charges, oldest first, with their transactions' current statuses. */
  async charges(planId: string): Promise<PlanChargeRow[]> {
    const rows = await this.db.paymentPlanCharge.findMany({
      where: { planRef: planId, plan: this.where({ id: planId }) },
      orderBy: [{ sequence: 'asc' }, { attempt: 'asc' }],
    });
    const statuses = new Map(
      (
        await this.db.transaction.findMany({
          where: { id: { in: rows.map((r) => r.id) }, paymentPlanRef: planId },
          select: { id: true, status: true },
        })
      ).map((t) => [t.id, t.status]),
    );
    return rows.map((r) => ({ ...r, transactionStatus: statuses.get(r.id) ?? null }));
  }

  private filterWhere(f: PlanFilter): Prisma.PaymentPlanWhereInput {
    if (f.statuses?.some((s) => !(PLAN_STATUSES as readonly string[]).includes(s)))
      throw DomainError.validation([
        { field: 'status', message: `status must be one of ${PLAN_STATUSES.join(', ')}` },
      ]);
    const from = dateOnly(f.nextFrom, 'nextPaymentDateFrom');
    const to = dateOnly(f.nextTo, 'nextPaymentDateTo');
    const q = f.q?.trim();
    const hex = q?.replace(/-/g, '').toLowerCase();
    return this.where({
      ...(f.merchantIds ? { merchant: { merchantId: { in: f.merchantIds } } } : {}),
      ...(f.storeId || f.terminalId
        ? {
            outlet: {
              ...(f.storeId ? { storeId: f.storeId } : {}),
              ...(f.terminalId ? { terminalId: f.terminalId } : {}),
            },
          }
        : {}),
      ...(f.statuses ? { status: { in: f.statuses } } : {}),
      ...(f.type ? { type: f.type } : {}),
      ...(f.patientId ? { patientId: f.patientId } : {}),
      ...(from || to
        ? { nextChargeDate: { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) } }
        : {}),
      ...(q
        ? {
            OR: [
              { patientId: { contains: q, mode: 'insensitive' } },
              { patientLastName: { contains: q, mode: 'insensitive' } },
              { patientFirstName: { contains: q, mode: 'insensitive' } },
              ...(hex && /^[0-9a-f]{32}$/.test(hex)
                ? [
                    {
                      id: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`,
                    },
                  ]
                : []),
            ],
          }
        : {}),
    });
  }

  /** The console's list (react-admin paging, sorted and filtered in the database). */
  async list(query: ListQuery): Promise<{ rows: PaymentPlanRow[]; total: number }> {
    const f = query.filter;
    const where = this.filterWhere({
      merchantIds: strList(f.merchantId),
      statuses: strList(f.status),
      type: str(f.type),
      patientId: str(f.patientId),
      q: str(f.q),
      nextFrom: str(f.nextPaymentDate_gte),
      nextTo: str(f.nextPaymentDate_lte),
    });
    const sortField = query.sort?.field === 'nextPaymentDate' ? 'nextChargeDate' : query.sort?.field;
    const page = paging(
      { ...query, sort: query.sort ? { ...query.sort, field: sortField ?? 'createdAt' } : undefined },
      SORTABLE,
      'createdAt',
    );
    const [rows, total] = await Promise.all([
      this.db.paymentPlan.findMany({ where, include: planInclude, ...page }),
      this.db.paymentPlan.count({ where }),
    ]);
    return { rows, total };
  }

  /** Keyset page, newest first (the vendor APIs' list and the CSV export). */
  listAfter(f: PlanFilter, cursor: { createdAt: Date; id: string } | null, take: number) {
    const after: Prisma.PaymentPlanWhereInput = cursor
      ? {
          OR: [
            { createdAt: { lt: cursor.createdAt } },
            { createdAt: cursor.createdAt, id: { lt: cursor.id } },
          ],
        }
      : {};
    return this.db.paymentPlan.findMany({
      where: { AND: [this.filterWhere(f), after] },
      include: planInclude,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take,
    });
  }
}
