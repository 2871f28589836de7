import type { TenantScope } from '@conduit/domain';
import type { Db } from '../client';
import type { Merchant, MerchantStatus, Outlet, Prisma } from '../generated/client';

interface ForCredentialRow {
  id: string;
  organization_id: string;
  merchant_id: string;
  name: string;
  time_zone: string;
  settlement_cutoff: string;
  status: string;
  ip_allowlist: string[];
  allow_unreferenced_refunds: boolean;
  allowed_frame_origins: string[];
  max_transaction_cents: bigint;
  created_at: Date;
  updated_at: Date;
  grant_scope: string | null;
  outlet_id: string | null;
  outlet_active: boolean | null;
  outlet_name: string | null;
  outlet_created_at: Date | null;
  outlet_updated_at: Date | null;
}
import { type ListQuery, paging, str, strList } from '../list-query';

const SORTABLE = ['merchantId', 'name', 'status', 'timeZone', 'createdAt'] as const;

export interface MerchantWrite {
  name?: string;
  timeZone?: string;
  settlementCutoff?: string;
  status?: MerchantStatus;
  ipAllowlist?: string[];
  allowUnreferencedRefunds?: boolean;
  allowedFrameOrigins?: string[];
  maxTransactionCents?: bigint;
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

  /**
   * The payment hot path in one query: the merchant a credential's organization may reach (own,
   * or granted — with the grant's scope), and the outlet named, if it exists.
   */
  async forCredential(organizationId: string, merchantId: string, storeId: string, terminalId: string) {
    const rows = await this.db.$queryRaw<ForCredentialRow[]>`
      SELECT m.id, m.organization_id, m.merchant_id, m.name, m.time_zone, m.settlement_cutoff, m.status::text AS status,
             m.ip_allowlist, m.allow_unreferenced_refunds, m.allowed_frame_origins, m.max_transaction_cents, m.created_at, m.updated_at, g.scope::text AS grant_scope,
             o.id AS outlet_id, o.active AS outlet_active, o.name AS outlet_name, o.created_at AS outlet_created_at, o.updated_at AS outlet_updated_at
      FROM merchants m
      LEFT JOIN partner_grants g ON g.merchant_ref = m.id AND g.partner_organization_id = ${organizationId}::uuid AND g.revoked_at IS NULL
      LEFT JOIN outlets o ON o.merchant_ref = m.id AND o.store_id = ${storeId} AND o.terminal_id = ${terminalId}
      WHERE m.merchant_id = ${merchantId} AND (m.organization_id = ${organizationId}::uuid OR g.id IS NOT NULL)
      LIMIT 1`;
    const r = rows[0];
    if (!r) return null;
    const merchant: Merchant = {
      id: r.id,
      organizationId: r.organization_id,
      merchantId: r.merchant_id,
      name: r.name,
      timeZone: r.time_zone,
      settlementCutoff: r.settlement_cutoff,
      status: r.status as MerchantStatus,
      ipAllowlist: r.ip_allowlist,
      allowUnreferencedRefunds: r.allow_unreferenced_refunds,
      allowedFrameOrigins: r.allowed_frame_origins,
      maxTransactionCents: BigInt(r.max_transaction_cents),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
    const outlet: Outlet | null = r.outlet_id
      ? {
          id: r.outlet_id,
          organizationId: r.organization_id,
          merchantRef: r.id,
          storeId,
          terminalId,
          name: r.outlet_name,
          active: r.outlet_active ?? false,
          createdAt: r.outlet_created_at ?? r.created_at,
          updatedAt: r.outlet_updated_at ?? r.updated_at,
        }
      : null;
    return { merchant, grantScope: r.grant_scope, outlet };
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
