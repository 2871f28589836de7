import type { TenantScope } from '@conduit/domain';
import type { Db } from '../client';
import type { Prisma } from '../generated/client';
import { type ListQuery, paging, str } from '../list-query';
import { owned } from '../scope';

const SORTABLE = ['createdAt', 'expiresAt', 'status', 'id'] as const;
export const ssoInclude = {
  merchant: { select: { merchantId: true, name: true, allowedFrameOrigins: true } },
} as const;
export type SsoTokenRow = Prisma.SsoTokenGetPayload<{ include: typeof ssoInclude }>;

/**
 * A claim older than this belongs to a submission that will not finish (its process died): the
 * token may then expire. Far longer than any payment takes, so a slow one is never cut short.
 */
export const SSO_ABANDONED_CLAIM_MS = 2 * 60_000;

/** Single sign-on tokens, found by the SHA-256 of the token (the token itself is never stored). */
export class SsoTokenRepository {
  constructor(private readonly db: Db) {}

  create(data: Prisma.SsoTokenUncheckedCreateInput) {
    return this.db.ssoToken.create({ data, include: ssoInclude });
  }

  /** By hash, no tenant scope: the hosted page, where the token is the only credential. */
  byHash(tokenHash: string) {
    return this.db.ssoToken.findUnique({ where: { tokenHash }, include: ssoInclude });
  }

  /** By hash within an organization: polling and receipts (another tenant's token is a 404). */
  byHashFor(scope: TenantScope, tokenHash: string) {
    return this.db.ssoToken.findFirst({ where: { tokenHash, ...owned(scope) }, include: ssoInclude });
  }

  get(scope: TenantScope, id: string) {
    return this.db.ssoToken.findFirst({ where: { id, ...owned(scope) }, include: ssoInclude });
  }

  /** Takes a NEW, unexpired, unclaimed token for one submission; false when it is not available. */
  async claim(id: string): Promise<boolean> {
    const { count } = await this.db.ssoToken.updateMany({
      where: { id, status: 'NEW', claimedAt: null, expiresAt: { gt: new Date() } },
      data: { claimedAt: new Date() },
    });
    return count === 1;
  }

  /** Lets a submission that processed nothing (invalid input, a failure) be corrected and sent again. */
  async release(id: string): Promise<void> {
    await this.db.ssoToken.updateMany({ where: { id, status: 'NEW' }, data: { claimedAt: null } });
  }

  complete(id: string, transactionId: string) {
    return this.db.ssoToken.update({
      where: { id },
      data: { status: 'COMPLETE', transactionId, completedAt: new Date() },
      include: ssoInclude,
    });
  }

  /**
   * NEW tokens past their expiry become EXPIRED (the worker's job, and every read): unclaimed ones,
   * and ones whose claim is older than SSO_ABANDONED_CLAIM_MS (the submission died midway, so
   * nothing will ever complete or release it).
   */
  async expireDue(now = new Date()): Promise<number> {
    const abandoned = new Date(now.getTime() - SSO_ABANDONED_CLAIM_MS);
    const { count } = await this.db.ssoToken.updateMany({
      where: {
        status: 'NEW',
        expiresAt: { lte: now },
        OR: [{ claimedAt: null }, { claimedAt: { lte: abandoned } }],
      },
      data: { status: 'EXPIRED' },
    });
    return count;
  }

  async list(scope: TenantScope, query: ListQuery) {
    const f = query.filter;
    const where: Prisma.SsoTokenWhereInput = {
      ...owned(scope),
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
