import type { TenantScope } from '@conduit/domain';
import type { Db } from '../client';
import type { MerchantStatus, Prisma } from '../generated/client';
import { type ListQuery, paging, str, strList } from '../list-query';

const SORTABLE = ['merchantId', 'name', 'status', 'timeZone', 'createdAt'] as const;

export interface MerchantWrite {
  name?: string;
  timeZone?: string;
  settlementCutoff?: string;
  status?: MerchantStatus;
  ipAllowlist?: string[];
  allowUnreferencedRefunds?: boolean;
}

/**
 * Merchants a scope may read: its own, and those that granted it access (partners). Writes go
 * through `owned` lookups only.
 */
export function readableMerchants(scope: TenantScope): Prisma.MerchantWhereInput {
  if (scope.kind === 'platform') return {};
  return {
    OR: [
      { organizationId: scope.organizationId },
      { grants: { some: { partnerOrganizationId: scope.organizationId, revokedAt: null } } },
    ],
  };
}

export class MerchantRepository {
  constructor(private readonly db: Db) {}

  async list(scope: TenantScope, query: ListQuery) {
    const f = query.filter;
    const q = str(f.q);
    const where: Prisma.MerchantWhereInput = {
      AND: [
        readableMerchants(scope),
        str(f.status) ? { status: f.status as MerchantStatus } : {},
        str(f.organizationId) ? { organizationId: f.organizationId as string } : {},
        strList(f.id) ? { merchantId: { in: strList(f.id) } } : {},
        q ? { OR: [{ name: { contains: q, mode: 'insensitive' } }, { merchantId: { startsWith: q } }] } : {},
      ],
    };
    const [rows, total] = await Promise.all([
      this.db.merchant.findMany({ where, ...paging(query, SORTABLE, 'merchantId', 'merchantId') }),
      this.db.merchant.count({ where }),
    ]);
    return { rows, total };
  }

  getReadable(scope: TenantScope, merchantId: string) {
    return this.db.merchant.findFirst({ where: { AND: [readableMerchants(scope), { merchantId }] } });
  }

  getOwned(scope: TenantScope, merchantId: string) {
    return this.db.merchant.findFirst({
      where: {
        merchantId,
        ...(scope.kind === 'organization' ? { organizationId: scope.organizationId } : {}),
      },
    });
  }

  /** Own merchants among `merchantIds` (13-digit): used to validate credential restrictions. */
  findOwnedMany(organizationId: string, merchantIds: string[]) {
    return this.db.merchant.findMany({ where: { organizationId, merchantId: { in: merchantIds } } });
  }

  merchantIdTaken(merchantId: string) {
    return this.db.merchant.count({ where: { merchantId } }).then((n) => n > 0);
  }

  create(organizationId: string, merchantId: string, data: MerchantWrite & { name: string }) {
    return this.db.merchant.create({ data: { ...data, organizationId, merchantId } });
  }

  update(id: string, data: MerchantWrite) {
    return this.db.merchant.update({ where: { id }, data });
  }
}
