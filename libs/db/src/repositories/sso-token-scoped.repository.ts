import type { TenantScope } from '@conduit/domain';
import type { Db } from '../client';
import type { Prisma } from '../generated/client';
import { type ListQuery, paging, str } from '../list-query';
import { ofReadableMerchants } from '../scope';
import { ssoInclude } from './sso-token.repository';

const SORTABLE = ['createdAt', 'expiresAt', 'status', 'id'] as const;

/**
 * Single sign-on tokens of the merchants a scope reads (a partner's tokens live at the practice's
 * merchant): creation, polling, receipts and the console's review.
 */
export class ScopedSsoTokenRepository {
  constructor(
    private readonly db: Db,
    private readonly scope: TenantScope,
  ) {}

  /** For a merchant the caller was already found to transact on (resolveContext). */
  create(data: Prisma.SsoTokenUncheckedCreateInput) {
    return this.db.ssoToken.create({ data, include: ssoInclude });
  }

  /** By hash within the scope: polling and receipts (another tenant's token is a 404). */
  byHash(tokenHash: string) {
    return this.db.ssoToken.findFirst({
      where: { tokenHash, ...ofReadableMerchants(this.scope) },
      include: ssoInclude,
    });
  }

  get(id: string) {
    return this.db.ssoToken.findFirst({
      where: { id, ...ofReadableMerchants(this.scope) },
      include: ssoInclude,
    });
  }

  async list(query: ListQuery) {
    const f = query.filter;
    const where: Prisma.SsoTokenWhereInput = {
      ...ofReadableMerchants(this.scope),
      ...(str(f.status) ? { status: f.status as 'NEW' | 'COMPLETE' | 'EXPIRED' } : {}),
      ...(str(f.merchantId) ? { merchant: { merchantId: f.merchantId as string } } : {}),
    };
    const [rows, total] = await Promise.all([
      this.db.ssoToken.findMany({ where, include: ssoInclude, ...paging(query, SORTABLE, 'createdAt') }),
      this.db.ssoToken.count({ where }),
    ]);
    return { rows, total };
  }
}
