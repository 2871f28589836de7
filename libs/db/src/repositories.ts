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
import { TransactionRepository } from './repositories/transaction.repository';
import { DataKeyRepository, PaymentMethodRepository } from './repositories/payment-method.repository';
import { IdempotencyRepository, OutboxRepository } from './repositories/idempotency.repository';
import { WebhookEndpointRepository } from './repositories/webhook-endpoint.repository';
import { WebhookDeliveryRepository } from './repositories/webhook-delivery.repository';
import { WebhookEngineRepository } from './repositories/webhook-engine.repository';
import { SsoTokenRepository } from './repositories/sso-token.repository';

export interface Repositories {
  organizations: OrganizationRepository;
  merchants: MerchantRepository;
  outlets: OutletRepository;
  users: UserRepository;
  credentials: CredentialRepository;
  grants: PartnerGrantRepository;
  audit: AuditLogRepository;
  sessions: SessionRepository;
  transactions: TransactionRepository;
  paymentMethods: PaymentMethodRepository;
  dataKeys: DataKeyRepository;
  idempotency: IdempotencyRepository;
  outbox: OutboxRepository;
  webhookEndpoints: WebhookEndpointRepository;
  webhookDeliveries: WebhookDeliveryRepository;
  webhookEngine: WebhookEngineRepository;
  ssoTokens: SsoTokenRepository;
  twoFactor: TwoFactorRepository;
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
    transactions: new TransactionRepository(db),
    paymentMethods: new PaymentMethodRepository(db),
    dataKeys: new DataKeyRepository(db),
    idempotency: new IdempotencyRepository(db),
    outbox: new OutboxRepository(db),
    webhookEndpoints: new WebhookEndpointRepository(db),
    webhookDeliveries: new WebhookDeliveryRepository(db),
    webhookEngine: new WebhookEngineRepository(db),
    ssoTokens: new SsoTokenRepository(db),
    twoFactor: new TwoFactorRepository(db),
  };
}
