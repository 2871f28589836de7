import type { Db } from '../client';

export type ChallengePurpose = 'VERIFY' | 'ENROL';

/** A user's TOTP secret (sealed), its last accepted step, recovery codes, and sign-in challenges. */
export class TwoFactorRepository {
  constructor(private readonly db: Db) {}

  /** The sealed secret and its data key, for opening. */
  secretOf(userId: string) {
    return this.db.user.findUnique({
      where: { id: userId },
      select: {
        id: true,
        totpSecretCiphertext: true,
        totpEnabledAt: true,
        totpLastStep: true,
        totpDataKey: { select: { id: true, wrappedKey: true, masterVersion: true } },
      },
    });
  }

  /** A new, unconfirmed secret (enrolment start): replaces any earlier unconfirmed one. */
  setPendingSecret(userId: string, ciphertext: Uint8Array<ArrayBuffer>, dataKeyId: string) {
    return this.db.user.update({
      where: { id: userId },
      data: {
        totpSecretCiphertext: ciphertext,
        totpDataKeyId: dataKeyId,
        totpEnabledAt: null,
        totpLastStep: null,
      },
    });
  }

  enable(userId: string, at: Date, step: number) {
    return this.db.user.update({ where: { id: userId }, data: { totpEnabledAt: at, totpLastStep: step } });
  }

  /**
   * Records `step` as used, only when it is newer than the last one: of two requests with the same
   * code, exactly one sees `true`.
   */
  async useStep(userId: string, step: number): Promise<boolean> {
    const { count } = await this.db.user.updateMany({
      where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return count === 1;
  }

  async clear(userId: string) {
    await this.db.recoveryCode.deleteMany({ where: { userId } });
    await this.db.user.update({
      where: { id: userId },
      data: { totpSecretCiphertext: null, totpDataKeyId: null, totpEnabledAt: null, totpLastStep: null },
    });
  }

  async replaceRecoveryCodes(userId: string, hashes: string[]) {
    await this.db.recoveryCode.deleteMany({ where: { userId } });
    await this.db.recoveryCode.createMany({ data: hashes.map((codeHash) => ({ userId, codeHash })) });
  }

  /** Marks an unused code used; `true` for the one request that did. */
  async useRecoveryCode(userId: string, codeHash: string, at: Date): Promise<boolean> {
    const { count } = await this.db.recoveryCode.updateMany({
      where: { userId, codeHash, usedAt: null },
      data: { usedAt: at },
    });
    return count === 1;
  }

  recoveryCodesLeft(userId: string) {
    return this.db.recoveryCode.count({ where: { userId, usedAt: null } });
  }

  createChallenge(data: { tokenHash: string; userId: string; purpose: ChallengePurpose; expiresAt: Date }) {
    return this.db.loginChallenge.create({ data });
  }

  findChallenge(tokenHash: string) {
    return this.db.loginChallenge.findUnique({ where: { tokenHash } });
  }

  /** `true` for the one request that deleted it (a challenge opens one session). */
  async consumeChallenge(tokenHash: string): Promise<boolean> {
    const { count } = await this.db.loginChallenge.deleteMany({ where: { tokenHash } });
    return count === 1;
  }

  /** Housekeeping (worker, with expired sessions). */
  deleteExpiredChallenges(before: Date) {
    return this.db.loginChallenge.deleteMany({ where: { expiresAt: { lt: before } } });
  }
}
