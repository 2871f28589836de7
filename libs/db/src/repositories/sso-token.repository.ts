import type { Db } from '../client';
import type { Prisma } from '../generated/client';

export const ssoInclude = {
  merchant: { select: { merchantId: true, name: true, allowedFrameOrigins: true } },
} as const;
export type SsoTokenRow = Prisma.SsoTokenGetPayload<{ include: typeof ssoInclude }>;

/**
 * A claim older than this belongs to a submission that will not finish (its process died): the
 * token may then expire. Far longer than any payment takes, so a slow one is never cut short.
 */
export const SSO_ABANDONED_CLAIM_MS = 2 * 60_000;

/**
 * Single sign-on tokens as their bearer uses them, found by the SHA-256 of the token (the token
 * itself is never stored): the hosted page, where the token is the only credential, and the
 * worker's expiry. Tenant reads (polling, receipts, the console) are in `ScopedSsoTokenRepository`.
 */
export class SsoTokenRepository {
  constructor(private readonly db: Db) {}

  /** By hash, no tenant scope: the token presented is itself the authority. */
  byHash(tokenHash: string) {
    return this.db.ssoToken.findUnique({ where: { tokenHash }, include: ssoInclude });
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

  /**
   * The page's submission is done. A payment plan page may complete without a transaction (a bank
   * account stored with no down payment, a replaced method) and records its plan in `planTerms`.
   */
  complete(id: string, transactionId: string | null, planTerms?: Prisma.InputJsonValue) {
    return this.db.ssoToken.update({
      where: { id },
      data: {
        status: 'COMPLETE',
        transactionId,
        completedAt: new Date(),
        ...(planTerms ? { planTerms } : {}),
      },
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
}
