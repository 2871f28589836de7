import { DomainError, type TenantScope } from '@conduit/domain';
import type { Db } from '../client';
import type { Prisma, WorkflowStatus } from '../generated/client';
import { type ListQuery, paging, str } from '../list-query';
import { owned } from '../scope';

const SORTABLE = [
  'createdAt',
  'updatedAt',
  'workflowStatus',
  'eventType',
  'attempts',
  'nextAttemptAt',
  'id',
] as const;
export const deliveryInclude = {
  endpoint: { select: { url: true, merchant: { select: { merchantId: true } } } },
  attemptsLog: { orderBy: { startedAt: 'asc' } },
} as const;

export type WebhookDeliveryRow = Prisma.WebhookDeliveryGetPayload<{ include: typeof deliveryInclude }>;

const WORKFLOW = ['PENDING', 'COMPLETE', 'PENDING_POSTING_RETRY', 'POSTING_ERROR'] as const;
/** Worst first: a transaction shows the first of these that any of its deliveries has. */
const WORKFLOW_RANK: WorkflowStatus[] = ['POSTING_ERROR', 'PENDING_POSTING_RETRY', 'PENDING', 'COMPLETE'];

export function workflowStatusOf(value: string): WorkflowStatus {
  if (!(WORKFLOW as readonly string[]).includes(value))
    throw DomainError.validation([
      { field: 'workflowStatus', message: `workflowStatus must be one of ${WORKFLOW.join(', ')}` },
    ]);
  return value as WorkflowStatus;
}

/** Transactions whose worst delivery status is `status` (docs/webhooks.md). */
export function transactionWorkflowWhere(status: string): Prisma.TransactionWhereInput {
  const s = workflowStatusOf(status);
  const worse = WORKFLOW_RANK.slice(0, WORKFLOW_RANK.indexOf(s));
  return {
    deliveries: { some: { workflowStatus: s } },
    ...(worse.length ? { NOT: { deliveries: { some: { workflowStatus: { in: worse } } } } } : {}),
  };
}

function date(value: unknown): Date | undefined {
  const s = str(value);
  if (!s) return undefined;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** The admin filters of webhook-deliveries (docs/webhooks.md). */
export function deliveryWhere(
  scope: TenantScope,
  f: Record<string, unknown>,
): Prisma.WebhookDeliveryWhereInput {
  const from = date(f.createdFrom) ?? date(f.createdAt_gte);
  const to = date(f.createdTo) ?? date(f.createdAt_lte);
  const status = str(f.workflowStatus);
  return {
    ...owned(scope),
    ...(status ? { workflowStatus: workflowStatusOf(status) } : {}),
    ...(str(f.endpointId) ? { endpointId: f.endpointId as string } : {}),
    ...(str(f.transactionId)
      ? {
          transactionId: (f.transactionId as string)
            .replace(/-/g, '')
            .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5'),
        }
      : {}),
    ...(str(f.merchantId) ? { endpoint: { merchant: { merchantId: f.merchantId as string } } } : {}),
    ...(str(f.eventType) ? { eventType: f.eventType as string } : {}),
    ...(from || to ? { createdAt: { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) } } : {}),
  };
}

const RESTART = {
  workflowStatus: 'PENDING',
  attempts: 0,
  leaseUntil: null,
  completedAt: null,
} as const;

/** A tenant's deliveries as people review them; resends reset a series in one statement. */
export class WebhookDeliveryRepository {
  constructor(
    private readonly db: Db,
    private readonly scope: TenantScope,
  ) {}

  async list(query: ListQuery) {
    const where = deliveryWhere(this.scope, query.filter);
    const [rows, total] = await Promise.all([
      this.db.webhookDelivery.findMany({
        where,
        include: deliveryInclude,
        ...paging(query, SORTABLE, 'createdAt'),
      }),
      this.db.webhookDelivery.count({ where }),
    ]);
    return { rows, total };
  }

  get(id: string) {
    return this.db.webhookDelivery.findFirst({
      where: { id, ...owned(this.scope) },
      include: deliveryInclude,
    });
  }

  forTransaction(transactionId: string) {
    return this.db.webhookDelivery.findMany({
      where: { transactionId, ...owned(this.scope) },
      include: deliveryInclude,
      orderBy: { createdAt: 'asc' },
    });
  }

  /** Each transaction's workflow status: the worst of its deliveries' (docs/webhooks.md). */
  async workflowOf(transactionIds: string[]): Promise<Map<string, WorkflowStatus>> {
    if (transactionIds.length === 0) return new Map();
    const org = this.scope.kind === 'organization' ? this.scope.organizationId : null;
    const rows = await this.db.$queryRaw<{ id: string; status: WorkflowStatus }[]>`
      SELECT transaction_id::text AS id,
             (array_agg(workflow_status ORDER BY CASE workflow_status WHEN 'POSTING_ERROR' THEN 0
                WHEN 'PENDING_POSTING_RETRY' THEN 1 WHEN 'PENDING' THEN 2 ELSE 3 END))[1]::text AS status
      FROM webhook_deliveries WHERE transaction_id = ANY (${transactionIds}::uuid[])
        AND (${org}::uuid IS NULL OR organization_id = ${org}::uuid)
      GROUP BY transaction_id`;
    return new Map(rows.map((r) => [r.id, r.status]));
  }

  /**
   * A fresh series of attempts (same id, so the same `webhook-id`) for one finished delivery;
   * false when it is still being attempted (or not the scope's).
   */
  async restartOne(id: string): Promise<boolean> {
    const { count } = await this.db.webhookDelivery.updateMany({
      where: { id, ...owned(this.scope), workflowStatus: { in: ['POSTING_ERROR', 'COMPLETE'] } },
      data: { ...RESTART, nextAttemptAt: new Date() },
    });
    return count === 1;
  }

  /** The same for every delivery in posting error that matches the admin filters. */
  async restartFailedMatching(filter: Record<string, unknown>): Promise<number> {
    const { count } = await this.db.webhookDelivery.updateMany({
      where: { ...deliveryWhere(this.scope, filter), workflowStatus: 'POSTING_ERROR' },
      data: { ...RESTART, nextAttemptAt: new Date() },
    });
    return count;
  }

  /** Attempts and outcomes of one of the scope's endpoints since a time, counted in the database. */
  async health(endpointId: string, since: Date) {
    const mine = owned(this.scope);
    const [attempts, statuses, lastSuccess, lastFailure] = await Promise.all([
      this.db.webhookAttempt.groupBy({
        by: ['errorClass'],
        where: { delivery: { endpointId, ...mine }, startedAt: { gte: since } },
        _count: { _all: true },
      }),
      this.db.webhookDelivery.groupBy({
        by: ['workflowStatus'],
        where: { endpointId, ...mine, workflowStatus: { not: 'COMPLETE' } },
        _count: { _all: true },
      }),
      this.db.webhookAttempt.findFirst({
        where: { delivery: { endpointId, ...mine }, errorClass: null },
        orderBy: { startedAt: 'desc' },
        select: { startedAt: true },
      }),
      this.db.webhookAttempt.findFirst({
        where: { delivery: { endpointId, ...mine }, NOT: { errorClass: null } },
        orderBy: { startedAt: 'desc' },
        select: { startedAt: true, postingMessage: true, httpStatus: true, errorClass: true },
      }),
    ]);
    return { attempts, statuses, lastSuccess, lastFailure };
  }
}
