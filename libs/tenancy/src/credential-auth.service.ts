import { Inject, Injectable } from '@nestjs/common';
import { type CredentialPrincipal, DomainError, ErrorCode, ipAllowed } from '@conduit/domain';
import { dummySecretHash } from '@conduit/crypto';
import { UnitOfWork } from '@conduit/db';
import { LOGIN_THROTTLE, type LoginThrottle } from './login-throttle';
import { VerifiedSecrets } from './verified-secrets';

const MESSAGES = {
  ACCOUNT: 'Invalid AccountID or Password.',
  API_KEY: 'Invalid Api-Key or Api-Secret.',
} as const;

/**
 * Authenticates API credentials (NVP/SOAP account Basic, REST key pairs), then applies the
 * organization's IP allowlist before any work is done. Refusals are throttled and audited.
 */
@Injectable()
export class CredentialAuthService {
  private readonly verified = new VerifiedSecrets();

  constructor(
    private readonly uow: UnitOfWork,
    @Inject(LOGIN_THROTTLE) private readonly throttle: LoginThrottle,
  ) {}

  async authenticate(
    kind: 'ACCOUNT' | 'API_KEY',
    identifier: string,
    secret: string,
    ip: string | null,
  ): Promise<CredentialPrincipal> {
    const keys = { ip, account: `credential:${identifier.toLowerCase()}` };
    await this.throttle.beforeAttempt(keys).catch(async (err: unknown) => {
      await this.refuse(null, identifier, ip, 'locked out after repeated failures');
      throw err;
    });
    const credential = await this.uow.read.credentials.findForAuthentication(identifier);
    const now = new Date();
    let ok = false;
    if (credential && credential.kind === kind) {
      ok = await this.verified.verify(secret, credential.secretHash);
      if (
        !ok &&
        credential.previousSecretHash &&
        credential.previousSecretValidUntil &&
        credential.previousSecretValidUntil > now
      ) {
        ok = await this.verified.verify(secret, credential.previousSecretHash);
      }
    } else {
      await this.verified.verify(secret, await dummySecretHash());
    }
    if (!credential || !ok || !credential.enabled) {
      await this.throttle.failed(keys);
      await this.refuse(
        credential?.organizationId ?? null,
        identifier,
        ip,
        !credential ? 'unknown credential' : !ok ? 'wrong secret' : 'credential disabled',
      );
      throw new DomainError(ErrorCode.UNAUTHENTICATED, MESSAGES[kind]);
    }
    await this.throttle.succeeded(keys);
    if (!ipAllowed(ip, credential.organization.ipAllowlist)) {
      await this.refuse(credential.organizationId, identifier, ip, 'ip not in organization allowlist');
      throw new DomainError(
        ErrorCode.IP_NOT_ALLOWED,
        `IP address ${ip ?? 'unknown'} is not allowed for this organization`,
      );
    }
    if (!credential.lastUsedAt || now.getTime() - credential.lastUsedAt.getTime() > 60_000) {
      await this.uow.read.credentials.markUsed(credential.id, now);
    }
    return {
      credentialId: credential.id,
      identifier: credential.identifier,
      kind: credential.kind,
      organizationId: credential.organizationId,
      organizationSlug: credential.organization.slug,
      organizationKind: credential.organization.kind,
      merchantIds: credential.merchants.map((m) => m.merchant.merchantId),
      ip,
    };
  }

  /**
   * The merchant-level check a transport makes once it knows which merchant a request names:
   * unknown and other tenants' merchants are alike a 404; restrictions and allowlists a 403.
   */
  async merchantFor(principal: CredentialPrincipal, merchantId: string, need: 'payments' | 'read') {
    const merchant = await this.uow.read.merchants.getReadable(
      { kind: 'organization', organizationId: principal.organizationId },
      merchantId,
    );
    if (!merchant) throw DomainError.notFound('Merchant');
    if (merchant.organizationId !== principal.organizationId) {
      const grant = await this.uow.read.grants.findActive(merchant.id, principal.organizationId);
      if (!grant) throw DomainError.notFound('Merchant');
      if (need === 'payments' && grant.scope !== 'payments')
        throw DomainError.forbidden('This partner grant allows reading only');
    }
    if (principal.merchantIds.length && !principal.merchantIds.includes(merchantId)) {
      throw DomainError.forbidden('This credential is restricted from this merchant');
    }
    if (!ipAllowed(principal.ip, merchant.ipAllowlist)) {
      await this.refuse(
        merchant.organizationId,
        principal.identifier,
        principal.ip,
        `ip not in merchant ${merchantId} allowlist`,
      );
      throw new DomainError(
        ErrorCode.IP_NOT_ALLOWED,
        `IP address ${principal.ip ?? 'unknown'} is not allowed for this merchant`,
      );
    }
    if (merchant.status === 'SUSPENDED') throw DomainError.forbidden('This merchant is suspended');
    return merchant;
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
