import type { TenantScope } from '@conduit/domain';
import type { Db } from '../client';
import type { CredentialKind, Prisma } from '../generated/client';
import { bool, type ListQuery, paging, str, strList } from '../list-query';
import { owned } from '../scope';

const SORTABLE = ['identifier', 'kind', 'enabled', 'lastUsedAt', 'createdAt', 'id'] as const;
const withMerchants = { merchants: { select: { merchant: { select: { merchantId: true } } } } } as const;

export class CredentialRepository {
  constructor(private readonly db: Db) {}

  async list(scope: TenantScope, query: ListQuery) {
    const f = query.filter;
    const q = str(f.q);
    const where: Prisma.ApiCredentialWhereInput = {
      ...owned(scope),
      ...(str(f.kind) ? { kind: f.kind as CredentialKind } : {}),
      ...(bool(f.enabled) !== undefined ? { enabled: bool(f.enabled) } : {}),
      ...(strList(f.id) ? { id: { in: strList(f.id) } } : {}),
      ...(q
        ? {
            OR: [
              { identifier: { contains: q, mode: 'insensitive' } },
              { description: { contains: q, mode: 'insensitive' } },
            ],
          }
        : {}),
    };
    const [rows, total] = await Promise.all([
      this.db.apiCredential.findMany({
        where,
        include: withMerchants,
        ...paging(query, SORTABLE, 'createdAt'),
      }),
      this.db.apiCredential.count({ where }),
    ]);
    return { rows, total };
  }

  get(scope: TenantScope, id: string) {
    return this.db.apiCredential.findFirst({ where: { id, ...owned(scope) }, include: withMerchants });
  }

  /** Authentication looks a credential up by its public identifier before any tenant is known. */
  findForAuthentication(identifier: string) {
    return this.db.apiCredential.findUnique({
      where: { identifier },
      include: {
        ...withMerchants,
        organization: { select: { id: true, slug: true, ipAllowlist: true, kind: true } },
      },
    });
  }

  identifierTaken(identifier: string) {
    return this.db.apiCredential.count({ where: { identifier } }).then((n) => n > 0);
  }

  create(data: {
    organizationId: string;
    kind: CredentialKind;
    identifier: string;
    description?: string | null;
    secretHash: string;
    merchantRefs: string[];
  }) {
    const { merchantRefs, ...rest } = data;
    return this.db.apiCredential.create({
      data: { ...rest, merchants: { create: merchantRefs.map((merchantRef) => ({ merchantRef })) } },
      include: withMerchants,
    });
  }

  update(
    id: string,
    data: Partial<{
      description: string | null;
      enabled: boolean;
      secretHash: string;
      previousSecretHash: string | null;
      previousSecretValidUntil: Date | null;
      rotatedAt: Date;
    }>,
    merchantRefs?: string[],
  ) {
    return this.db.apiCredential.update({
      where: { id },
      data: {
        ...data,
        ...(merchantRefs
          ? { merchants: { deleteMany: {}, create: merchantRefs.map((merchantRef) => ({ merchantRef })) } }
          : {}),
      },
      include: withMerchants,
    });
  }

  markUsed(id: string, at: Date) {
    return this.db.apiCredential.update({ where: { id }, data: { lastUsedAt: at } });
  }

  delete(id: string) {
    return this.db.apiCredential.delete({ where: { id }, include: withMerchants });
  }
}
