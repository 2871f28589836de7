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
import { SettlementCloseRepository } from './repositories/settlement-close.repository';
import { SettlementRepository } from './repositories/settlement.repository';
import { DisputeRepository, MerchantDisputeRepository } from './repositories/dispute.repository';
import { BatchFileRepository, MerchantBatchFileRepository } from './repositories/batch-file.repository';
import { CheckImageRepository, MerchantCheckImageRepository } from './repositories/check-image.repository';
import { StoredFileRepository } from './repositories/stored-file.repository';
import { SandboxLedgerRepository } from './repositories/sandbox-ledger.repository';
import { SettlementScheduleRepository } from './repositories/settlement-schedule.repository';
import { GatewayFileRepository } from './repositories/gateway-file.repository';
import { BatchImportRepository } from './repositories/batch-import.repository';
import { SftpAccountRepository, SftpLoginRepository } from './repositories/sftp-account.repository';
import { PaymentPlanRepository } from './repositories/payment-plan.repository';
import { MerchantPaymentPlanRepository } from './repositories/merchant-payment-plan.repository';
import { PlanChargePageRepository } from './repositories/plan-charge-page.repository';
import { PlanScheduleRepository } from './repositories/plan-schedule.repository';
import { TerminalRepository } from './repositories/terminal.repository';
import { MerchantTerminalRepository } from './repositories/merchant-terminal.repository';
import { TerminalDeviceRepository } from './repositories/terminal-device.repository';

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
  settlements: SettlementRepository;
  disputes: DisputeRepository;
  batchFiles: BatchFileRepository;
  sftpAccounts: SftpAccountRepository;
  paymentPlans: PaymentPlanRepository;
  /** Scanned checks of readable transactions (their bytes are stored files). */
  checkImages: CheckImageRepository;
  terminals: TerminalRepository;
}

/** What a payment at one merchant (already found transactable for the caller) reads and writes. */
export interface MerchantRepositories {
  transactions: MerchantTransactionRepository;
  paymentMethods: PaymentMethodRepository;
  /** The merchant's settlement: its lock, open batch and the close's writes. */
  settlement: SettlementCloseRepository;
  disputes: MerchantDisputeRepository;
  batchFiles: MerchantBatchFileRepository;
  /** The merchant's payment plans, their charges and stored bank accounts. */
  paymentPlans: MerchantPaymentPlanRepository;
  /** The plan scheduler's set-based page of charges. */
  planCharges: PlanChargePageRepository;
  /** A check deposit's scanned images, written with the eCheck's row. */
  checkImages: MerchantCheckImageRepository;
  /** The merchant's server-driven terminals and their actions. */
  terminals: MerchantTerminalRepository;
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
  /** The settlement scheduler's reads across tenants (which merchants settle when). */
  settlementSchedule: SettlementScheduleRepository;
  /** Encrypted file bytes, reached only through the row that owns them. */
  storedFiles: StoredFileRepository;
  /** The sandbox processor's own ledger (not Conduit's tenant data). */
  sandboxLedger: SandboxLedgerRepository;
  /** SFTP/FTPS accounts' jailed trees, obtained per account (`forAccount`). */
  gatewayFiles: GatewayFileRepository;
  /** Payment import files: found by id for the worker, then bound to the file (`ofFile`). */
  batchImports: BatchImportRepository;
  /** The file gateway's sign-in by username (before any tenant is known). */
  sftpLogins: SftpLoginRepository;
  /** The plan scheduler's reads across tenants (which merchants have plans due now). */
  planSchedule: PlanScheduleRepository;
  /** Terminal devices' sign-in (pairing code, device secret) and the action timeout sweep. */
  terminalDevices: TerminalDeviceRepository;
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
    settlementSchedule: new SettlementScheduleRepository(db),
    storedFiles: new StoredFileRepository(db),
    sandboxLedger: new SandboxLedgerRepository(db),
    gatewayFiles: new GatewayFileRepository(db),
    batchImports: new BatchImportRepository(db),
    sftpLogins: new SftpLoginRepository(db),
    planSchedule: new PlanScheduleRepository(db),
    terminalDevices: new TerminalDeviceRepository(db),
    forScope: (scope) => ({
      transactions: new TransactionRepository(db, scope),
      webhookDeliveries: new WebhookDeliveryRepository(db, scope),
      webhookEndpoints: new WebhookEndpointRepository(db, scope),
      ssoTokens: new ScopedSsoTokenRepository(db, scope),
      settlements: new SettlementRepository(db, scope),
      disputes: new DisputeRepository(db, scope),
      batchFiles: new BatchFileRepository(db, scope),
      sftpAccounts: new SftpAccountRepository(db, scope),
      paymentPlans: new PaymentPlanRepository(db, scope),
      checkImages: new CheckImageRepository(db, scope),
      terminals: new TerminalRepository(db, scope),
    }),
    atMerchant: (merchant) => ({
      transactions: new MerchantTransactionRepository(db, merchant.id),
      paymentMethods: new PaymentMethodRepository(db, merchant),
      settlement: new SettlementCloseRepository(db, merchant),
      disputes: new MerchantDisputeRepository(db, merchant),
      batchFiles: new MerchantBatchFileRepository(db, merchant),
      paymentPlans: new MerchantPaymentPlanRepository(db, merchant),
      planCharges: new PlanChargePageRepository(db, merchant),
      checkImages: new MerchantCheckImageRepository(db, merchant),
      terminals: new MerchantTerminalRepository(db, merchant),
    }),
  };
}
