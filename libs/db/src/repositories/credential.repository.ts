import type { TenantScope } from '@conduit/domain';
import type { Db } from '../client';
import type { CredentialKind, Prisma } from '../generated/client';
import { bool, type ListQuery, paging, str, strList } from '../list-query';
import { owned } from '../scope';

interface AuthRow {
  id: string;
  organization_id: string;
  kind: string;
  identifier: string;
  secret_hash: string;
  previous_secret_hash: string | null;
  previous_secret_valid_until: Date | null;
  enabled: boolean;
  last_used_at: Date | null;
  slug: string;
  ip_allowlist: string[];
  org_kind: string;
  merchant_ids: string[];
}

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

  /**
   * Authentication looks a credential up by its public identifier before any tenant is known.
   * One query (it runs on every API request): the credential, its organization's allowlist and
   * its merchant restrictions.
   */
  async findForAuthentication(identifier: string) {
    const rows = await this.db.$queryRaw<AuthRow[]>`
      SELECT c.id, c.organization_id, c.kind::text AS kind, c.identifier, c.secret_hash, c.previous_secret_hash,
             c.previous_secret_valid_until, c.enabled, c.last_used_at, o.slug, o.ip_allowlist, o.kind::text AS org_kind,
             COALESCE(array_agg(m.merchant_id) FILTER (WHERE m.merchant_id IS NOT NULL), '{}') AS merchant_ids
      FROM api_credentials c
      JOIN organizations o ON o.id = c.organization_id
      LEFT JOIN credential_merchants cm ON cm.credential_id = c.id
      LEFT JOIN merchants m ON m.id = cm.merchant_ref
      WHERE c.identifier = ${identifier}
      GROUP BY c.id, o.id`;
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      organizationId: r.organization_id,
      kind: r.kind as CredentialKind,
      identifier: r.identifier,
      secretHash: r.secret_hash,
      previousSecretHash: r.previous_secret_hash,
      previousSecretValidUntil: r.previous_secret_valid_until,
      enabled: r.enabled,
      lastUsedAt: r.last_used_at,
      organization: {
        id: r.organization_id,
        slug: r.slug,
        ipAllowlist: r.ip_allowlist,
        kind: r.org_kind as 'PRACTICE' | 'PARTNER',
      },
      merchantIds: r.merchant_ids,
    };
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
    scope: TenantScope,
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
      where: { id, ...owned(scope) },
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

  delete(scope: TenantScope, id: string) {
    return this.db.apiCredential.delete({ where: { id, ...owned(scope) }, include: withMerchants });
  }
}
