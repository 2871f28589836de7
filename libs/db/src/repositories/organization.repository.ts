import type { TenantScope } from '@conduit/domain';
import type { Db } from '../client';
import type { OrganizationKind, Prisma } from '../generated/client';
import { type ListQuery, paging, str, strList } from '../list-query';

const SORTABLE = ['name', 'slug', 'kind', 'createdAt', 'id'] as const;

export class OrganizationRepository {
  constructor(private readonly db: Db) {}

  private where(scope: TenantScope, filter: Record<string, unknown> = {}): Prisma.OrganizationWhereInput {
    const q = str(filter.q);
    const ids = strList(filter.id);
    // AND, not object spread: the scope and an `id` filter share a key, and the scope must win.
    return {
      AND: [
        scope.kind === 'organization' ? { id: scope.organizationId } : {},
        str(filter.kind) ? { kind: filter.kind as OrganizationKind } : {},
        ids ? { id: { in: ids } } : {},
        q
          ? {
              OR: [
                { name: { contains: q, mode: 'insensitive' } },
                { slug: { contains: q, mode: 'insensitive' } },
              ],
            }
          : {},
      ],
    };
  }

  async list(scope: TenantScope, query: ListQuery) {
    const where = this.where(scope, query.filter);
    const [rows, total] = await Promise.all([
      this.db.organization.findMany({ where, ...paging(query, SORTABLE, 'name') }),
      this.db.organization.count({ where }),
    ]);
    return { rows, total };
  }

  get(scope: TenantScope, id: string) {
    return this.db.organization.findFirst({ where: { AND: [this.where(scope), { id }] } });
  }

  /** Partner organizations are found by slug so a practice can grant them access. */
  findPartnerBySlug(slug: string) {
    return this.db.organization.findFirst({ where: { slug, kind: 'PARTNER' } });
  }

  /** Unscoped read of one organization by ID, for the caller's own session and credential. */
  getOwn(id: string) {
    return this.db.organization.findUnique({ where: { id } });
  }

  slugTaken(slug: string) {
    return this.db.organization.count({ where: { slug } }).then((n) => n > 0);
  }

  create(data: { name: string; slug: string; kind: OrganizationKind; ipAllowlist: string[] }) {
    return this.db.organization.create({ data });
  }

  /** A tenant changes only its own organization. */
  update(
    scope: TenantScope,
    id: string,
    data: { name?: string; ipAllowlist?: string[]; requireTwoFactor?: boolean },
  ) {
    const own = scope.kind === 'organization' ? { AND: [{ id: scope.organizationId }] } : {};
    return this.db.organization.update({ where: { id, ...own }, data });
  }
}
