import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  can,
  type CredentialPrincipal,
  DomainError,
  ErrorCode,
  ipAllowed,
  type PaymentPrincipal,
  Permission,
  Role,
  type StaffPrincipal,
} from '@conduit/domain';
import { dummySecretHash, sha256Hex } from '@conduit/crypto';
import { UnitOfWork } from '@conduit/db';
import { CredentialCache } from './credential-cache';
import { LOGIN_THROTTLE, type LoginThrottle, onAllowlist } from './login-throttle';
import { VerifiedSecrets } from './verified-secrets';
import { type PrincipalReach, reachOf, refusalOf } from './merchant-access';

const MESSAGES = {
  ACCOUNT: 'Invalid AccountID or Password.',
  API_KEY: 'Invalid Api-Key or Api-Secret.',
} as const;

/**
 * Authenticates API credentials (NVP/SOAP account Basic, REST key pairs), then applies the
 * organization's IP allowlist before any work is done. Refusals are throttled and audited.
 */
type AuthCredential = NonNullable<
  Awaited<ReturnType<UnitOfWork['read']['credentials']['findForAuthentication']>>
>;

/** One presentation of a secret, with the credential it names (null when none does). */
interface SecretAttempt {
  kind: 'ACCOUNT' | 'API_KEY';
  identifier: string;
  secret: string;
  ip: string | null;
  credential: AuthCredential | null;
}

function principalOf(c: AuthCredential, ip: string | null): CredentialPrincipal {
  return {
    credentialId: c.id,
    identifier: c.identifier,
    kind: c.kind,
    organizationId: c.organizationId,
    organizationSlug: c.organization.slug,
    organizationKind: c.organization.kind,
    merchantIds: c.merchantIds,
    ip,
  };
}

@Injectable()
export class CredentialAuthService {
  private readonly verified = new VerifiedSecrets();
  private readonly checking = new Map<string, Promise<void>>();

  constructor(
    private readonly uow: UnitOfWork,
    @Inject(LOGIN_THROTTLE) private readonly throttle: LoginThrottle,
    @Optional() private readonly cache?: CredentialCache,
  ) {}

  /** The credential behind an identifier, from the change-invalidated cache when there is one. */
  private lookup(identifier: string): Promise<AuthCredential | null> {
    const read = () => this.uow.read.credentials.findForAuthentication(identifier);
    return this.cache ? this.cache.load(`credential:${identifier}`, read) : read();
  }

  async authenticate(
    kind: 'ACCOUNT' | 'API_KEY',
    identifier: string,
    secret: string,
    ip: string | null,
  ): Promise<CredentialPrincipal> {
    const credential = await this.lookup(identifier);
    // A secret that verified within the last minute skips the throttle (three Redis round trips
    // on every call otherwise): a guesser never reaches this path.
    const fresh =
      !!credential &&
      credential.enabled &&
      credential.kind === kind &&
      this.verified.isFresh(secret, credential.secretHash);
    if (!fresh) await this.checkSecret({ kind, identifier, secret, ip, credential });
    const c = credential as NonNullable<typeof credential>;
    if (!ipAllowed(ip, c.organization.ipAllowlist)) {
      await this.refuse(c.organizationId, identifier, ip, 'ip not in organization allowlist');
      throw new DomainError(
        ErrorCode.IP_NOT_ALLOWED,
        `IP address ${ip ?? 'unknown'} is not allowed for this organization`,
      );
    }
    const now = new Date();
    if (!c.lastUsedAt || now.getTime() - c.lastUsedAt.getTime() > 60_000) {
      await this.uow.read.credentials.markUsed(c.id, now);
      c.lastUsedAt = now; // the cached row too: the stamp does not notify
    }
    return principalOf(c, ip);
  }

  /**
   * The principal of a credential that authenticated earlier (a single sign-on token's creator),
   * as long as it is still enabled; `ip` is the address it authenticated from then.
   */
  async principalFor(identifier: string, ip: string | null): Promise<CredentialPrincipal> {
    const c = await this.lookup(identifier);
    if (!c || !c.enabled)
      throw DomainError.forbidden('The credential that created this page is no longer enabled');
    return principalOf(c, ip);
  }

  /**
   * A console user taking a payment ("Take a payment"), at token creation and again when the page
   * is submitted: the user must still be enabled, in this practice, and allowed to take payments.
   */
  async staffPrincipal(
    userId: string,
    organizationId: string | null,
    ip: string | null,
  ): Promise<StaffPrincipal> {
    const user = await this.uow.read.users.findForSession(userId);
    if (
      !user ||
      user.disabled ||
      !organizationId ||
      user.organizationId !== organizationId ||
      !user.organization
    )
      throw DomainError.forbidden('Only an enabled user of the practice can take its payments');
    if (user.organization.kind !== 'PRACTICE' || !can(user.role as Role, Permission.PAYMENTS_TAKE))
      throw DomainError.forbidden(`Role ${user.role} may not take payments`);
    return {
      kind: 'STAFF',
      credentialId: null,
      userId: user.id,
      identifier: user.email,
      organizationId,
      organizationSlug: user.organization.slug,
      organizationKind: 'PRACTICE',
      merchantIds: [],
      ip,
    };
  }

  /**
   * The slow path, once per burst: identical requests (same credential, secret and address) that
   * arrive while one is being checked share its outcome — one counted attempt, one scrypt. A
   * vendor's first 40 concurrent calls are not 40 attempts towards a lockout, and 40 copies of
   * one guess are one guess.
   */
  private checkSecret(attempt: SecretAttempt): Promise<void> {
    const { kind, identifier, secret, ip } = attempt;
    const key = sha256Hex([kind, identifier.toLowerCase(), ip ?? '', secret].join('\u0000'));
    const running = this.checking.get(key);
    if (running) return running;
    const check = this.checkSecretOnce(attempt).finally(() => this.checking.delete(key));
    this.checking.set(key, check);
    return check;
  }

  /** Throttle, scrypt, and a refusal audited and counted when it fails. */
  private async checkSecretOnce({ kind, identifier, secret, ip, credential }: SecretAttempt): Promise<void> {
    // Counted before the hash is checked (decision 0013); allowlisted addresses are the org's own.
    const keys = {
      ip,
      account: `credential:${identifier.toLowerCase()}`,
      allowlisted: onAllowlist(ip, credential?.organization.ipAllowlist),
    };
    await this.throttle.attempt(keys).catch(async (err: unknown) => {
      await this.refuse(null, identifier, ip, 'locked out after repeated failures');
      throw err;
    });
    let ok = false;
    if (credential && credential.kind === kind) {
      ok = await this.verified.verify(secret, credential.secretHash);
      const graceUntil = credential.previousSecretValidUntil;
      if (!ok && credential.previousSecretHash && graceUntil && graceUntil > new Date()) {
        ok = await this.verified.verify(secret, credential.previousSecretHash);
      }
    } else {
      await this.verified.verify(secret, await dummySecretHash());
    }
    if (!credential || !ok || !credential.enabled) {
      const reason = !credential ? 'unknown credential' : !ok ? 'wrong secret' : 'credential disabled';
      await this.refuse(credential?.organizationId ?? null, identifier, ip, reason);
      throw new DomainError(ErrorCode.UNAUTHENTICATED, MESSAGES[kind]);
    }
    await this.throttle.succeeded(keys);
  }

  /**
   * The merchant-level check a transport makes once it knows which merchant a request names:
   * unknown and other tenants' merchants are alike a 404; restrictions and allowlists a 403.
   */
  async merchantFor(principal: PaymentPrincipal, merchantId: string, need: 'payments' | 'read') {
    return (await this.paymentTarget(principal, merchantId, '', '', need)).merchant;
  }

  /** The merchant (checked as above) and the outlet a payment names, found in one query. */
  async paymentTarget(
    principal: PaymentPrincipal,
    merchantId: string,
    storeId: string,
    terminalId: string,
    need: 'payments' | 'read' = 'payments',
  ) {
    const read = () =>
      this.uow.read.merchants.forCredential(principal.organizationId, merchantId, storeId, terminalId);
    // Cached like the credential: a merchant, outlet or grant change drops it (decision 0010).
    const key = `target:${principal.organizationId}:${merchantId}:${storeId}:${terminalId}`;
    const found = this.cache ? await this.cache.load(key, read) : await read();
    if (!found) throw DomainError.notFound('Merchant');
    const { merchant, grantScope, outlet } = found;
    const refused = refusalOf(principal, { ...merchant, grantScope }, need);
    if (refused) {
      if (refused.ipRefused)
        await this.refuse(
          merchant.organizationId,
          principal.identifier,
          principal.ip,
          `ip not in merchant ${merchantId} allowlist`,
        );
      throw refused.error;
    }
    return { merchant, outlet };
  }

  /**
   * The scope an API principal reads tenant data through (transactions, receipts, token status):
   * narrowed by its restriction and by merchants' allowlists, like its payments.
   */
  async reach(principal: PaymentPrincipal): Promise<PrincipalReach> {
    const read = () => this.uow.read.merchants.reachableBy(principal.organizationId);
    const reached = this.cache
      ? await this.cache.load(`reach:${principal.organizationId}`, read)
      : await read();
    return reachOf(principal, reached ?? []);
  }

  private refuse(organizationId: string | null, identifier: string, ip: string | null, reason: string) {
    return this.uow.read.audit.record({
      organizationId,
      actorType: 'credential',
      actorLabel: identifier,
      action: 'credential.refused',
      resource: 'auth',
      ip,
      changes: { reason },
    });
  }
}
