import type { TenantScope } from '@conduit/domain';
import type { Db } from '../client';
import type { GrantScope, Prisma } from '../generated/client';
import { bool, type ListQuery, paging, str, strList } from '../list-query';
import { owned } from '../scope';

const SORTABLE = ['createdAt', 'scope', 'revokedAt', 'id'] as const;
const include = {
  merchant: { select: { merchantId: true } },
  partnerOrganization: { select: { id: true, name: true, slug: true } },
} as const;

export class PartnerGrantRepository {
  constructor(private readonly db: Db) {}

  /** Grants a scope may see: those its merchants gave, and those its partner organization holds. */
  private visible(scope: TenantScope): Prisma.PartnerGrantWhereInput {
    if (scope.kind === 'platform') return {};
    return {
      OR: [{ organizationId: scope.organizationId }, { partnerOrganizationId: scope.organizationId }],
    };
  }

  async list(scope: TenantScope, query: ListQuery) {
    const f = query.filter;
    const active = bool(f.active);
    const where: Prisma.PartnerGrantWhereInput = {
      AND: [
        this.visible(scope),
        str(f.merchantId) ? { merchant: { merchantId: f.merchantId as string } } : {},
        str(f.partnerOrganizationId) ? { partnerOrganizationId: f.partnerOrganizationId as string } : {},
        active === true ? { revokedAt: null } : active === false ? { NOT: { revokedAt: null } } : {},
        strList(f.id) ? { id: { in: strList(f.id) } } : {},
      ],
    };
    const [rows, total] = await Promise.all([
      this.db.partnerGrant.findMany({ where, include, ...paging(query, SORTABLE, 'createdAt') }),
      this.db.partnerGrant.count({ where }),
    ]);
    return { rows, total };
  }

  get(scope: TenantScope, id: string) {
    return this.db.partnerGrant.findFirst({ where: { AND: [this.visible(scope), { id }] }, include });
  }

  getOwned(scope: TenantScope, id: string) {
    const own = scope.kind === 'organization' ? { organizationId: scope.organizationId } : {};
    return this.db.partnerGrant.findFirst({ where: { id, ...own }, include });
  }

  findActive(merchantRef: string, partnerOrganizationId: string) {
    return this.db.partnerGrant.findFirst({ where: { merchantRef, partnerOrganizationId, revokedAt: null } });
  }

  create(data: {
    organizationId: string;
    merchantRef: string;
    partnerOrganizationId: string;
    scope: GrantScope;
  }) {
    return this.db.partnerGrant.create({ data, include });
  }

  revoke(scope: TenantScope, id: string, at: Date) {
    return this.db.partnerGrant.update({ where: { id, ...owned(scope) }, data: { revokedAt: at }, include });
  }
}
