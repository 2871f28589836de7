import type { Db } from '../client';
import { terminalInclude } from './terminal.repository';

/**
 * A terminal device's sign-in, before any tenant is known (like the file gateway's logins): the
 * pairing code or the device secret is the credential, found by its hash. Also the timeout
 * sweep's read across tenants and the last-seen stamp.
 */
export class TerminalDeviceRepository {
  constructor(private readonly db: Db) {}

  /**
   * The terminal a live (unexpired, unused) pairing code names, by any of the code's keyed hashes
   * (one per configured master version; decision 0039).
   */
  byPairingCode(codeHashes: string[], now: Date) {
    return this.db.terminal.findFirst({
      where: {
        pairingCodeHash: { in: codeHashes },
        pairingCodeExpiresAt: { gt: now },
        status: { not: 'REVOKED' },
      },
      include: terminalInclude,
    });
  }

  /** A paired terminal by its wire id, for the device's Basic sign-in. */
  forSignIn(terminalDeviceId: string) {
    return this.db.terminal.findFirst({
      where: { terminalDeviceId, status: 'PAIRED' },
      include: terminalInclude,
    });
  }

  /** Uses a pairing code (once: the conditional update is the claim). */
  async consumePairingCode(id: string, codeHash: string, now: Date): Promise<boolean> {
    const { count } = await this.db.terminal.updateMany({
      where: { id, pairingCodeHash: codeHash, pairingCodeExpiresAt: { gt: now }, status: { not: 'REVOKED' } },
      data: { pairingCodeHash: null, pairingCodeExpiresAt: null },
    });
    return count === 1;
  }

  /** Stamps last contact, at most once per `everyMs` (so heartbeats do not write every time). */
  async touch(id: string, now: Date, everyMs: number): Promise<void> {
    await this.db.terminal.updateMany({
      where: { id, OR: [{ lastSeenAt: null }, { lastSeenAt: { lt: new Date(now.getTime() - everyMs) } }] },
      data: { lastSeenAt: now },
    });
  }

  /** Open actions that no card reached before their deadline, every tenant's (the sweep). */
  expiredActions(now: Date, limit = 100) {
    return this.db.terminalAction.findMany({
      where: { state: { in: ['PENDING', 'IN_PROGRESS'] }, expiresAt: { lt: now } },
      select: {
        id: true,
        merchantRef: true,
        organizationId: true,
        terminal: { select: { terminalDeviceId: true } },
      },
      take: limit,
    });
  }
}
