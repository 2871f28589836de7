import type { TenantScope } from '@conduit/domain';
import type { Db } from '../client';
import type { Prisma } from '../generated/client';
import { bool, type ListQuery, paging, str } from '../list-query';
import { ownedAtMerchants } from '../scope';

const SORTABLE = ['createdAt', 'url', 'format', 'enabled', 'id'] as const;
export const endpointInclude = {
  merchant: { select: { merchantId: true, status: true } },
  dataKey: true,
} as const;

export type WebhookEndpointRow = Prisma.WebhookEndpointGetPayload<{ include: typeof endpointInclude }>;
export type WebhookEndpointWrite = Prisma.WebhookEndpointUncheckedUpdateInput;

/**
 * A tenant's webhook receivers. The worker reads one by id through `WebhookEngineRepository`.
 */
export class WebhookEndpointRepository {
  constructor(
    private readonly db: Db,
    private readonly scope: TenantScope,
  ) {}

  async list(query: ListQuery) {
    const f = query.filter;
    const where: Prisma.WebhookEndpointWhereInput = {
      ...ownedAtMerchants(this.scope),
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

  get(id: string) {
    return this.db.webhookEndpoint.findFirst({
      where: { id, ...ownedAtMerchants(this.scope) },
      include: endpointInclude,
    });
  }

  create(data: Prisma.WebhookEndpointUncheckedCreateInput) {
    if (this.scope.kind === 'organization' && data.organizationId !== this.scope.organizationId)
      throw new Error('An endpoint is created in its own organization');
    return this.db.webhookEndpoint.create({ data, include: endpointInclude });
  }

  update(id: string, data: WebhookEndpointWrite) {
    return this.db.webhookEndpoint.update({
      where: { id, ...ownedAtMerchants(this.scope) },
      data,
      include: endpointInclude,
    });
  }

  /** Deliveries go with their endpoint (cascade); their outbox events stay. */
  async remove(id: string) {
    await this.db.webhookEndpoint.delete({ where: { id, ...ownedAtMerchants(this.scope) } });
  }
}
