import type { TenantScope } from '@conduit/domain';
import type { Db } from '../client';
import type { Prisma } from '../generated/client';
import { bool, type ListQuery, paging, str } from '../list-query';
import { owned } from '../scope';

const SORTABLE = ['createdAt', 'url', 'format', 'enabled', 'id'] as const;
export const endpointInclude = {
  merchant: { select: { merchantId: true, status: true } },
  dataKey: true,
} as const;

export type WebhookEndpointRow = Prisma.WebhookEndpointGetPayload<{ include: typeof endpointInclude }>;
export type WebhookEndpointWrite = Prisma.WebhookEndpointUncheckedUpdateInput;

/** Merchants' webhook receivers, tenant-scoped; the worker reads one by id (`forDelivery`). */
export class WebhookEndpointRepository {
  constructor(private readonly db: Db) {}

  async list(scope: TenantScope, query: ListQuery) {
    const f = query.filter;
    const where: Prisma.WebhookEndpointWhereInput = {
      ...owned(scope),
      ...(str(f.merchantId) ? { merchant: { merchantId: f.merchantId as string } } : {}),
      ...(bool(f.enabled) !== undefined ? { enabled: bool(f.enabled) } : {}),
      ...(str(f.format) ? { format: f.format as Prisma.EnumWebhookFormatFilter['equals'] } : {}),
      ...(str(f.q) ? { url: { contains: f.q as string, mode: 'insensitive' } } : {}),
    };
    const [rows, total] = await Promise.all([
      this.db.webhookEndpoint.findMany({
        where,
        include: endpointInclude,
        ...paging(query, SORTABLE, 'createdAt'),
      }),
      this.db.webhookEndpoint.count({ where }),
    ]);
    return { rows, total };
  }

  get(scope: TenantScope, id: string) {
    return this.db.webhookEndpoint.findFirst({ where: { id, ...owned(scope) }, include: endpointInclude });
  }

  /** No tenant scope: the worker delivering an event its relay already matched to this endpoint. */
  forDelivery(id: string) {
    return this.db.webhookEndpoint.findUnique({ where: { id }, include: endpointInclude });
  }

  create(data: Prisma.WebhookEndpointUncheckedCreateInput) {
    return this.db.webhookEndpoint.create({ data, include: endpointInclude });
  }

  update(id: string, data: WebhookEndpointWrite) {
    return this.db.webhookEndpoint.update({ where: { id }, data, include: endpointInclude });
  }

  /** Deliveries go with their endpoint (cascade); their outbox events stay. */
  async remove(id: string) {
    await this.db.webhookEndpoint.delete({ where: { id } });
  }
}
