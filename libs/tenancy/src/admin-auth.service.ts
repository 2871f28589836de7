import { Inject, Injectable } from '@nestjs/common';
import { type Actor, DomainError, ErrorCode, Role } from '@conduit/domain';
import { dummySecretHash, randomToken, sha256Hex, verifySecret } from '@conduit/crypto';
import { CONDUIT_CONFIG, type ConduitConfig } from '@conduit/config';
import { type ChallengePurpose, UnitOfWork } from '@conduit/db';
import { LOGIN_THROTTLE, type LoginThrottle, onAllowlist, type ThrottleKeys } from './login-throttle';
import { TwoFactorService } from './two-factor/two-factor.service';

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  organizationId: string | null;
  organizationName: string | null;
  organizationSlug: string | null;
  twoFactorEnabled: boolean;
  twoFactorRequired: boolean;
}

export interface SignedIn {
  token: string;
  user: SessionUser;
}

/** The password was right and a second step follows: a code (`verify`) or a forced enrolment. */
export interface ChallengeIssued {
  twoFactor: 'verify' | 'enrol';
  challenge: string;
  expiresInSeconds: number;
}

type LoginUser = NonNullable<Awaited<ReturnType<UnitOfWork['read']['users']['findForLogin']>>>;

const TOUCH_EVERY_MS = 60_000;
const CHALLENGE_TTL_MS = 5 * 60_000;

/**
 * Console sign-in: email + password, then (decision 0014) a TOTP or recovery code when the user
 * has two-factor, or a forced enrolment when it is required; then an opaque bearer token with a
 * sliding idle timeout.
 */
@Injectable()
export class AdminAuthService {
  private readonly idleMs: number;

  constructor(
    private readonly uow: UnitOfWork,
    @Inject(LOGIN_THROTTLE) private readonly throttle: LoginThrottle,
    private readonly twoFactor: TwoFactorService,
    @Inject(CONDUIT_CONFIG) config: Pick<ConduitConfig, 'adminSessionIdleMs'>,
  ) {
    this.idleMs = config.adminSessionIdleMs;
  }

  async login(emailInput: string, password: string, ip: string | null): Promise<SignedIn | ChallengeIssued> {
    const email = emailInput.trim().toLowerCase();
    const user = await this.uow.read.users.findForLogin(email);
    const keys = this.keys(email, ip, user);
    await this.throttle.attempt(keys).catch(async (err: unknown) => {
      await this.lockedOut(email, ip);
      throw err;
    });
    const ok = await verifySecret(password, user?.passwordHash ?? (await dummySecretHash()));
    if (!user || !ok || user.disabled) {
      const reason = !user ? 'unknown email' : user.disabled ? 'user disabled' : 'wrong password';
      await this.refused(user?.organizationId ?? null, email, ip, reason);
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Invalid email or password');
    }
    if (user.totpEnabledAt) {
      // The attempt stays counted until the code is right: a stolen password gets the same few
      // tries at the code as at the password, however often it signs in again.
      return this.challenge(user.id, 'VERIFY');
    }
    await this.throttle.succeeded(keys);
    if (this.twoFactor.required(user)) return this.challenge(user.id, 'ENROL');
    return this.openSession(user, ip);
  }

  /** The second step: a TOTP code or a recovery code for a `verify` challenge. */
  async verifyChallenge(challenge: string, code: string, ip: string | null): Promise<SignedIn> {
    const { user } = await this.challengeUser(challenge, 'VERIFY');
    const keys = this.keys(user.email, ip, user);
    await this.throttle.attempt(keys).catch(async (err: unknown) => {
      await this.lockedOut(user.email, ip);
      throw err;
    });
    const how = await this.twoFactor.check(user.id, code);
    if (!how) {
      await this.refused(user.organizationId, user.email, ip, 'wrong two-factor code');
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Invalid two-factor code');
    }
    // Both attempts (password and code) are handed back.
    await this.throttle.succeeded(keys);
    await this.throttle.succeeded(keys);
    if (!(await this.uow.read.twoFactor.consumeChallenge(sha256Hex(challenge))))
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'This sign-in has expired; sign in again');
    return this.openSession(user, ip, how === 'recovery' ? { recoveryCodeUsed: true } : {});
  }

  /** A forced enrolment's first half: the secret and QR code for an `enrol` challenge. */
  async enrolWithChallenge(challenge: string) {
    const { user } = await this.challengeUser(challenge, 'ENROL');
    return this.twoFactor.startEnrolment(user.id);
  }

  /** A forced enrolment's second half: the first code turns it on and opens the session. */
  async confirmWithChallenge(
    challenge: string,
    code: string,
    ip: string | null,
  ): Promise<SignedIn & { recoveryCodes: string[] }> {
    const { user } = await this.challengeUser(challenge, 'ENROL');
    const recoveryCodes = await this.twoFactor.confirmEnrolment(
      { userId: user.id, email: user.email, ip },
      code,
    );
    if (!(await this.uow.read.twoFactor.consumeChallenge(sha256Hex(challenge))))
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'This sign-in has expired; sign in again');
    const fresh = (await this.uow.read.users.findForLogin(user.email))!;
    return { ...(await this.openSession(fresh, ip)), recoveryCodes };
  }

  /** The user behind a token, or null when it is unknown, expired, or the user is disabled. */
  async authenticate(token: string, ip: string | null): Promise<{ actor: Actor; user: SessionUser } | null> {
    const session = await this.uow.read.sessions.find(sha256Hex(token));
    const now = new Date();
    if (!session || session.expiresAt <= now) return null;
    const user = await this.uow.read.users.findForSession(session.userId);
    if (!user || user.disabled) return null;
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await this.uow.read.sessions.touch(session.id, now, new Date(now.getTime() + this.idleMs));
    }
    const actor: Actor = {
      userId: user.id,
      email: user.email,
      role: user.role as Role,
      organizationId: user.organizationId,
      ip,
    };
    return { actor, user: this.sessionUser(user) };
  }

  async logout(token: string): Promise<void> {
    await this.uow.read.sessions.delete(sha256Hex(token));
  }

  private keys(email: string, ip: string | null, user: LoginUser | null): ThrottleKeys {
    // The console's equivalent of an API allowlist: the user's organization's own addresses.
    return { ip, account: `user:${email}`, allowlisted: onAllowlist(ip, user?.organization?.ipAllowlist) };
  }

  private async challenge(userId: string, purpose: ChallengePurpose): Promise<ChallengeIssued> {
    const challenge = randomToken(32);
    await this.uow.read.twoFactor.createChallenge({
      tokenHash: sha256Hex(challenge),
      userId,
      purpose,
      expiresAt: new Date(Date.now() + CHALLENGE_TTL_MS),
    });
    return {
      twoFactor: purpose === 'VERIFY' ? 'verify' : 'enrol',
      challenge,
      expiresInSeconds: CHALLENGE_TTL_MS / 1000,
    };
  }

  private async challengeUser(challenge: string, purpose: ChallengePurpose) {
    const row = await this.uow.read.twoFactor.findChallenge(sha256Hex(challenge));
    const user = row ? await this.uow.read.users.findForSession(row.userId) : null;
    if (!row || row.purpose !== purpose || row.expiresAt <= new Date() || !user || user.disabled)
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'This sign-in has expired; sign in again');
    return { row, user };
  }

  private async openSession(user: LoginUser, ip: string | null, changes: Record<string, boolean> = {}) {
    const token = randomToken(32);
    const now = new Date();
    await this.uow.run(async (r) => {
      await r.sessions.create({
        tokenHash: sha256Hex(token),
        userId: user.id,
        ip,
        expiresAt: new Date(now.getTime() + this.idleMs),
      });
      await r.users.markSignedIn(user.id, now);
      await r.audit.record({
        organizationId: user.organizationId,
        actorType: 'user',
        actorId: user.id,
        actorLabel: user.email,
        action: 'login',
        resource: 'auth',
        ip,
        ...(Object.keys(changes).length ? { changes } : {}),
      });
    });
    return { token, user: this.sessionUser(user) };
  }

  private refused(organizationId: string | null, email: string, ip: string | null, reason: string) {
    return this.uow.read.audit.record({
      organizationId,
      actorType: 'anonymous',
      actorLabel: email,
      action: 'login.refused',
      resource: 'auth',
      ip,
      changes: { reason },
    });
  }

  private lockedOut(email: string, ip: string | null) {
    return this.uow.read.audit.record({
      organizationId: null,
      actorType: 'anonymous',
      actorLabel: email,
      action: 'login.locked-out',
      resource: 'auth',
      ip,
    });
  }

  private sessionUser(user: LoginUser): SessionUser {
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role as Role,
      organizationId: user.organizationId,
      organizationName: user.organization?.name ?? null,
      organizationSlug: user.organization?.slug ?? null,
      twoFactorEnabled: !!user.totpEnabledAt,
      twoFactorRequired: this.twoFactor.required(user),
    };
  }
}
