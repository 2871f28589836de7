import type { TenantScope } from '@conduit/domain';
import type { Db } from './client';
import { AuditLogRepository } from './repositories/audit-log.repository';
import { CredentialRepository } from './repositories/credential.repository';
import { MerchantRepository } from './repositories/merchant.repository';
import { OrganizationRepository } from './repositories/organization.repository';
import { OutletRepository } from './repositories/outlet.repository';
import { PartnerGrantRepository } from './repositories/partner-grant.repository';
import { SessionRepository } from './repositories/session.repository';
import { TwoFactorRepository } from './repositories/two-factor.repository';
import { UserRepository } from './repositories/user.repository';
import { MerchantTransactionRepository, TransactionRepository } from './repositories/transaction.repository';
import { DataKeyRepository, PaymentMethodRepository } from './repositories/payment-method.repository';
import { IdempotencyRepository } from './repositories/idempotency.repository';
import { WebhookEndpointRepository } from './repositories/webhook-endpoint.repository';
import { WebhookDeliveryRepository } from './repositories/webhook-delivery.repository';
import { WebhookEngineRepository } from './repositories/webhook-engine.repository';
import { SsoTokenRepository } from './repositories/sso-token.repository';
import { ScopedSsoTokenRepository } from './repositories/sso-token-scoped.repository';
import { HousekeepingRepository } from './repositories/housekeeping.repository';

/**
 * Tenant data that hangs off merchants — transactions, their deliveries, endpoints and their
 * health, tokens — is reached only through repositories obtained for a scope, so no lookup of
 * such a row by bare id can be written.
 */
export interface ScopedRepositories {
  transactions: TransactionRepository;
  webhookDeliveries: WebhookDeliveryRepository;
  webhookEndpoints: WebhookEndpointRepository;
  ssoTokens: ScopedSsoTokenRepository;
}

/** What a payment at one merchant (already found transactable for the caller) reads and writes. */
export interface MerchantRepositories {
  transactions: MerchantTransactionRepository;
  paymentMethods: PaymentMethodRepository;
}

export interface Repositories {
  organizations: OrganizationRepository;
  merchants: MerchantRepository;
  outlets: OutletRepository;
  users: UserRepository;
  credentials: CredentialRepository;
  grants: PartnerGrantRepository;
  audit: AuditLogRepository;
  sessions: SessionRepository;
  dataKeys: DataKeyRepository;
  idempotency: IdempotencyRepository;
  /** The hosted page (the token is the credential) and token expiry. */
  ssoTokens: SsoTokenRepository;
  twoFactor: TwoFactorRepository;
  /** The delivery engine (relay, leases, attempts): every tenant's rows, by design. */
  webhookEngine: WebhookEngineRepository;
  /** Maintenance across tenants that no person starts. */
  housekeeping: HousekeepingRepository;
  forScope(scope: TenantScope): ScopedRepositories;
  atMerchant(merchant: { id: string; organizationId: string }): MerchantRepositories;
}

export function repositoriesFor(db: Db): Repositories {
  return {
    organizations: new OrganizationRepository(db),
    merchants: new MerchantRepository(db),
    outlets: new OutletRepository(db),
    users: new UserRepository(db),
    credentials: new CredentialRepository(db),
    grants: new PartnerGrantRepository(db),
    audit: new AuditLogRepository(db),
    sessions: new SessionRepository(db),
    dataKeys: new DataKeyRepository(db),
    idempotency: new IdempotencyRepository(db),
    ssoTokens: new SsoTokenRepository(db),
    twoFactor: new TwoFactorRepository(db),
    webhookEngine: new WebhookEngineRepository(db),
    housekeeping: new HousekeepingRepository(db),
    forScope: (scope) => ({
      transactions: new TransactionRepository(db, scope),
      webhookDeliveries: new WebhookDeliveryRepository(db, scope),
      webhookEndpoints: new WebhookEndpointRepository(db, scope),
      ssoTokens: new ScopedSsoTokenRepository(db, scope),
    }),
    atMerchant: (merchant) => ({
      transactions: new MerchantTransactionRepository(db, merchant.id),
      paymentMethods: new PaymentMethodRepository(db, merchant),
    }),
  };
}
