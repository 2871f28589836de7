import { organizationScope, type TenantScope } from '@conduit/domain';
import type { Db } from '../client';
import type { MerchantStatus, Prisma } from '../generated/client';
import { owned, readableMerchants } from '../scope';

import { type ListQuery, paging, str, strList } from '../list-query';

const SORTABLE = ['merchantId', 'name', 'status', 'timeZone', 'createdAt'] as const;

export interface MerchantWrite {
  name?: string;
  timeZone?: string;
  settlementCutoff?: string;
  status?: MerchantStatus;
  ipAllowlist?: string[];
  allowUnreferencedRefunds?: boolean;
  /** Legacy NVP senders: unknown fields are ignored rather than refused (decision 0025). */
  ignoreUnknownNvpFields?: boolean;
  allowedFrameOrigins?: string[];
  maxTransactionCents?: bigint;
  era835Enabled?: boolean;
  /** Payment plans: the merchant-local hour of the daily charge run, and the soft-decline retry days. */
  planChargeHour?: number;
  planRetryDays?: number[];
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
   * The merchant with this number that an organization reaches (own, or granted — with the
   * grant's scope), and the outlet named, if it exists: the payment path's lookup (cached by the
   * caller, decision 0010).
   */
  async forCredential(organizationId: string, merchantId: string, storeId: string, terminalId: string) {
    const m = await this.db.merchant.findFirst({
      where: { AND: [readableMerchants(organizationScope(organizationId)), { merchantId }] },
      include: {
        grants: {
          where: { partnerOrganizationId: organizationId, revokedAt: null },
          select: { scope: true },
        },
        outlets: { where: { storeId, terminalId } },
      },
    });
    if (!m) return null;
    const { grants, outlets, ...merchant } = m;
    return { merchant, grantScope: grants[0]?.scope ?? null, outlet: outlets[0] ?? null };
  }

  /**
   * Every merchant an organization reaches, with what a principal's narrowing needs: the grant's
   * scope (partners) and the merchant's allowlist.
   */
  async reachableBy(organizationId: string) {
    const rows = await this.db.merchant.findMany({
      where: readableMerchants(organizationScope(organizationId)),
      select: {
        id: true,
        merchantId: true,
        organizationId: true,
        ipAllowlist: true,
        status: true,
        grants: {
          where: { partnerOrganizationId: organizationId, revokedAt: null },
          select: { scope: true },
        },
      },
    });
    return rows.map(({ grants, ...m }) => ({ ...m, grantScope: grants[0]?.scope ?? null }));
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

  /** Own merchants only: a partner's grant never lets it change the merchant. */
  update(scope: TenantScope, id: string, data: MerchantWrite) {
    return this.db.merchant.update({ where: { id, ...owned(scope) }, data });
  }
}
