import { Inject, Injectable } from '@nestjs/common';
import { toDataURL } from 'qrcode';
import { type Actor, DomainError, Role } from '@conduit/domain';
import { UnitOfWork } from '@conduit/db';
import { auditOf } from '../audit';
import { LOGIN_THROTTLE, type LoginThrottle, type ThrottleKeys } from '../login-throttle';
import { SECRET_BOX, type SecretBox, totpContext } from './secret-box';
import {
  acceptedStep,
  looksLikeRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  otpauthUri,
  recoveryCodeHash,
} from './totp';

export interface Enrolment {
  /** Base32, for typing into an app that cannot scan. */
  secret: string;
  otpauthUri: string;
  /** The URI as a PNG QR code (data URL), so the console needs no QR library. */
  qrDataUrl: string;
}

interface TwoFactorUser {
  id: string;
  role: string;
  organization: { requireTwoFactor: boolean } | null;
}

const WRONG_CODE = () => DomainError.validation([{ field: 'code', message: 'That code is not right' }]);

/** TOTP second factor for console users (decision 0014). */
@Injectable()
export class TwoFactorService {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
    @Inject(LOGIN_THROTTLE) private readonly throttle: LoginThrottle,
  ) {}

  /** Platform admins always; everyone in an organization whose policy says so. */
  required(user: TwoFactorUser): boolean {
    return user.role === Role.PLATFORM_ADMIN || !!user.organization?.requireTwoFactor;
  }

  async status(userId: string) {
    const user = await this.user(userId);
    return {
      enabled: !!user.totpEnabledAt,
      required: this.required(user),
      recoveryCodesLeft: user.totpEnabledAt ? await this.uow.read.twoFactor.recoveryCodesLeft(userId) : 0,
    };
  }

  /** A new secret, stored sealed and unconfirmed; it signs nobody in until `confirmEnrolment`. */
  async startEnrolment(userId: string): Promise<Enrolment> {
    const user = await this.user(userId);
    if (user.totpEnabledAt) throw DomainError.conflict('Two-factor sign-in is already on; turn it off first');
    const secret = newTotpSecret();
    await this.uow.run(async (r) => {
      const key = await this.box.current(r);
      const sealed = this.box.encrypt(key, secret, totpContext(userId)) as Uint8Array<ArrayBuffer>;
      await r.twoFactor.setPendingSecret(userId, sealed, key.id);
    });
    const uri = otpauthUri(secret, user.email);
    return { secret, otpauthUri: uri, qrDataUrl: await toDataURL(uri, { margin: 1, width: 240 }) };
  }

  /** The first code from the app turns it on; answers the recovery codes, the only time they are shown. */
  async confirmEnrolment(actor: Pick<Actor, 'userId' | 'email' | 'ip'>, code: string): Promise<string[]> {
    const row = await this.uow.read.twoFactor.secretOf(actor.userId);
    if (!row?.totpSecretCiphertext || !row.totpDataKey || row.totpEnabledAt)
      throw DomainError.conflict('There is no two-factor enrolment to confirm; start one first');
    const step = acceptedStep(this.open(row), code, null);
    if (step === null) throw WRONG_CODE();
    const codes = newRecoveryCodes();
    const user = await this.user(actor.userId);
    await this.uow.run(async (r) => {
      await r.twoFactor.enable(actor.userId, new Date(), step);
      await r.twoFactor.replaceRecoveryCodes(actor.userId, codes.map(recoveryCodeHash));
      await r.audit.record(this.audit(actor, user.organizationId, 'two-factor.enabled'));
    });
    return codes;
  }

  /**
   * The second sign-in step: a TOTP code newer than the last accepted one, or an unused recovery
   * code. Each use is recorded atomically, so a code works once even when sent twice at once.
   */
  async check(userId: string, code: string): Promise<'totp' | 'recovery' | null> {
    const row = await this.uow.read.twoFactor.secretOf(userId);
    if (!row?.totpEnabledAt || !row.totpSecretCiphertext || !row.totpDataKey) return null;
    if (looksLikeRecoveryCode(code)) {
      const used = await this.uow.read.twoFactor.useRecoveryCode(userId, recoveryCodeHash(code), new Date());
      return used ? 'recovery' : null;
    }
    const step = acceptedStep(this.open(row), code, row.totpLastStep);
    if (step === null) return null;
    return (await this.uow.read.twoFactor.useStep(userId, step)) ? 'totp' : null;
  }

  /** `check` behind the sign-in throttle (the same keys as the password). */
  async checkThrottled(keys: ThrottleKeys, userId: string, code: string) {
    await this.throttle.attempt(keys);
    const how = await this.check(userId, code);
    if (how) await this.throttle.succeeded(keys);
    return how;
  }

  /** The user turns their own second factor off with a current code, unless it is required. */
  async disable(actor: Actor, code: string): Promise<void> {
    const user = await this.user(actor.userId);
    if (this.required(user)) throw DomainError.forbidden('Two-factor sign-in is required for your account');
    if (!user.totpEnabledAt) throw DomainError.conflict('Two-factor sign-in is not on');
    if (!(await this.checkThrottled(this.keys(actor), actor.userId, code))) throw WRONG_CODE();
    await this.uow.run(async (r) => {
      await r.twoFactor.clear(actor.userId);
      await r.audit.record(this.audit(actor, user.organizationId, 'two-factor.disabled'));
    });
  }

  /** New recovery codes (the old ones stop working), for a current code. */
  async renewRecoveryCodes(actor: Actor, code: string): Promise<string[]> {
    const user = await this.user(actor.userId);
    if (!user.totpEnabledAt) throw DomainError.conflict('Two-factor sign-in is not on');
    if (!(await this.checkThrottled(this.keys(actor), actor.userId, code))) throw WRONG_CODE();
    const codes = newRecoveryCodes();
    await this.uow.run(async (r) => {
      await r.twoFactor.replaceRecoveryCodes(actor.userId, codes.map(recoveryCodeHash));
      await r.audit.record(this.audit(actor, user.organizationId, 'two-factor.recovery-codes-renewed'));
    });
    return codes;
  }

  /** A platform admin clears another user's second factor (a lost phone); they enrol again. */
  async reset(actor: Actor, userId: string): Promise<void> {
    if (actor.role !== Role.PLATFORM_ADMIN)
      throw DomainError.forbidden('Only platform admins can reset two-factor sign-in');
    const user = await this.user(userId);
    await this.uow.run(async (r) => {
      await r.twoFactor.clear(userId);
      await r.sessions.deleteForUser(userId);
      await r.audit.record(
        auditOf(actor, user.organizationId, 'two-factor.reset', 'users', userId, { email: user.email }),
      );
    });
  }

  private keys(actor: Pick<Actor, 'email' | 'ip'>): ThrottleKeys {
    return { ip: actor.ip, account: `user:${actor.email}` };
  }

  private async user(userId: string) {
    const user = await this.uow.read.users.findForSession(userId);
    if (!user) throw DomainError.notFound('User');
    return user;
  }

  private open(row: {
    id: string;
    totpSecretCiphertext: Uint8Array | null;
    totpDataKey: { id: string; wrappedKey: Uint8Array; masterVersion: number } | null;
  }): string {
    return this.box.decrypt(row.totpDataKey!, row.totpSecretCiphertext!, totpContext(row.id));
  }

  private audit(
    actor: Pick<Actor, 'userId' | 'email' | 'ip'>,
    organizationId: string | null,
    action: string,
  ) {
    return {
      organizationId,
      actorType: 'user' as const,
      actorId: actor.userId,
      actorLabel: actor.email,
      action,
      resource: 'auth',
      resourceId: actor.userId,
      ip: actor.ip,
    };
  }
}
