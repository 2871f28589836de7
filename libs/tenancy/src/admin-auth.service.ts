import { Inject, Injectable } from '@nestjs/common';
import { type Actor, DomainError, ErrorCode, Role } from '@conduit/domain';
import { dummySecretHash, randomToken, sha256Hex, verifySecret } from '@conduit/crypto';
import { CONDUIT_CONFIG, type ConduitConfig } from '@conduit/config';
import { UnitOfWork } from '@conduit/db';
import { LOGIN_THROTTLE, type LoginThrottle, onAllowlist } from './login-throttle';

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  organizationId: string | null;
  organizationName: string | null;
  organizationSlug: string | null;
}

const TOUCH_EVERY_MS = 60_000;

/** Console sign-in: email + password, then an opaque bearer token with a sliding idle timeout. */
@Injectable()
export class AdminAuthService {
  private readonly idleMs: number;

  constructor(
    private readonly uow: UnitOfWork,
    @Inject(LOGIN_THROTTLE) private readonly throttle: LoginThrottle,
    @Inject(CONDUIT_CONFIG) config: Pick<ConduitConfig, 'adminSessionIdleMs'>,
  ) {
    this.idleMs = config.adminSessionIdleMs;
  }

  async login(
    emailInput: string,
    password: string,
    ip: string | null,
  ): Promise<{ token: string; user: SessionUser }> {
    const email = emailInput.trim().toLowerCase();
    const user = await this.uow.read.users.findForLogin(email);
    // The console's equivalent of an API allowlist: the user's organization's own addresses.
    const keys = {
      ip,
      account: `user:${email}`,
      allowlisted: onAllowlist(ip, user?.organization?.ipAllowlist),
    };
    await this.throttle.attempt(keys).catch(async (err: unknown) => {
      await this.uow.read.audit.record({
        organizationId: null,
        actorType: 'anonymous',
        actorLabel: email,
        action: 'login.locked-out',
        resource: 'auth',
        ip,
      });
      throw err;
    });
    const ok = await verifySecret(password, user?.passwordHash ?? (await dummySecretHash()));
    if (!user || !ok || user.disabled) {
      await this.uow.read.audit.record({
        organizationId: user?.organizationId ?? null,
        actorType: 'anonymous',
        actorLabel: email,
        action: 'login.refused',
        resource: 'auth',
        ip,
        changes: { reason: !user ? 'unknown email' : user.disabled ? 'user disabled' : 'wrong password' },
      });
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Invalid email or password');
    }
    await this.throttle.succeeded(keys);
    const token = randomToken(32);
    const now = new Date();
    await this.uow.run(async (r) => {
      await r.sessions.create({
        tokenHash: sha256Hex(token),
        userId: user.id,
        ip,
        expiresAt: new Date(now.getTime() + this.idleMs),
      });
      await r.users.update(user.id, { lastLoginAt: now });
      await r.audit.record({
        organizationId: user.organizationId,
        actorType: 'user',
        actorId: user.id,
        actorLabel: email,
        action: 'login',
        resource: 'auth',
        ip,
      });
    });
    return { token, user: this.sessionUser(user) };
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

  private sessionUser(user: {
    id: string;
    email: string;
    name: string | null;
    role: string;
    organizationId: string | null;
    organization: { name: string; slug: string } | null;
  }): SessionUser {
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role as Role,
      organizationId: user.organizationId,
      organizationName: user.organization?.name ?? null,
      organizationSlug: user.organization?.slug ?? null,
    };
  }
}
