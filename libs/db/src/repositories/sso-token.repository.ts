import type { Db } from '../client';
import type { Prisma } from '../generated/client';

export const ssoInclude = {
  merchant: { select: { merchantId: true, name: true, allowedFrameOrigins: true } },
} as const;
export type SsoTokenRow = Prisma.SsoTokenGetPayload<{ include: typeof ssoInclude }>;

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

  /** Lets a submission that processed nothing (invalid input) be corrected and sent again. */
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

  /** NEW tokens past their expiry become EXPIRED (the worker's job, and every read). */
  async expireDue(now = new Date()): Promise<number> {
    const { count } = await this.db.ssoToken.updateMany({
      where: { status: 'NEW', expiresAt: { lte: now }, claimedAt: null },
      data: { status: 'EXPIRED' },
    });
    return count;
  }
}
