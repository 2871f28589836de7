import type { TenantScope } from '@conduit/domain';
import type { Db } from '../client';
import type { Prisma } from '../generated/client';
import { bool, type ListQuery, paging, str, strList } from '../list-query';
import { owned, readableMerchants } from '../scope';

const SORTABLE = ['storeId', 'terminalId', 'name', 'active', 'createdAt', 'id'] as const;
const withMerchant = { merchant: { select: { merchantId: true } } } as const;

export class OutletRepository {
  constructor(private readonly db: Db) {}

  private readable(scope: TenantScope): Prisma.OutletWhereInput {
    return { merchant: readableMerchants(scope) };
  }

  async list(scope: TenantScope, query: ListQuery) {
    const f = query.filter;
    const where: Prisma.OutletWhereInput = {
      AND: [
        this.readable(scope),
        str(f.merchantId) ? { merchant: { merchantId: f.merchantId as string } } : {},
        bool(f.active) !== undefined ? { active: bool(f.active) } : {},
        strList(f.id) ? { id: { in: strList(f.id) } } : {},
      ],
    };
    const [rows, total] = await Promise.all([
      this.db.outlet.findMany({ where, include: withMerchant, ...paging(query, SORTABLE, 'storeId') }),
      this.db.outlet.count({ where }),
    ]);
    return { rows, total };
  }

  getReadable(scope: TenantScope, id: string) {
    return this.db.outlet.findFirst({
      where: { AND: [this.readable(scope), { id }] },
      include: withMerchant,
    });
  }

  getOwned(scope: TenantScope, id: string) {
    const own = scope.kind === 'organization' ? { organizationId: scope.organizationId } : {};
    return this.db.outlet.findFirst({ where: { id, ...own }, include: withMerchant });
  }

  exists(merchantRef: string, storeId: string, terminalId: string) {
    return this.db.outlet.count({ where: { merchantRef, storeId, terminalId } }).then((n) => n > 0);
  }

  create(data: {
    organizationId: string;
    merchantRef: string;
    storeId: string;
    terminalId: string;
    name?: string | null;
  }) {
    return this.db.outlet.create({ data, include: withMerchant });
  }

  update(scope: TenantScope, id: string, data: { name?: string | null; active?: boolean }) {
    return this.db.outlet.update({ where: { id, ...owned(scope) }, data, include: withMerchant });
  }

  delete(scope: TenantScope, id: string) {
    return this.db.outlet.delete({ where: { id, ...owned(scope) }, include: withMerchant });
  }
}
