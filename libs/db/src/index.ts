export * from './client';
export * from './list-query';
export * from './repositories';
export * from './unit-of-work';
export * from './db.module';
export type { AuditEntry } from './repositories/audit-log.repository';
export type { MerchantWrite } from './repositories/merchant.repository';
export type { TransactionRow, NewTransaction } from './repositories/transaction.repository';
export type { OutboxEventInput } from './repositories/transaction-insert';
export * from './pg-listener';
export type { WebhookEndpointRow, WebhookEndpointWrite } from './repositories/webhook-endpoint.repository';
export type { WebhookDeliveryRow } from './repositories/webhook-delivery.repository';
export type {
  LeasedDelivery,
  AttemptRecord,
  CreatedDelivery,
} from './repositories/webhook-engine.repository';
export type { SsoTokenRow } from './repositories/sso-token.repository';
export { SSO_ABANDONED_CLAIM_MS } from './repositories/sso-token.repository';
export type { ChallengePurpose } from './repositories/two-factor.repository';
export type { StoredResponse } from './repositories/idempotency.repository';
export type {
  Organization,
  Merchant,
  Outlet,
  User,
  ApiCredential,
  PartnerGrant,
  AuditLogEntry,
  Transaction,
  PaymentMethod,
  DataKey,
  OrganizationKind,
  MerchantStatus,
  CredentialKind,
  GrantScope,
  UserRole,
  WebhookEndpoint,
  WebhookDelivery,
  WebhookAttempt,
  WebhookFormat,
  WebhookAuthType,
  WorkflowStatus,
} from './generated/client';
export type {
  SettledItemWrite,
  BatchTotalsWrite,
  SettlementBatchRow,
  PostingRow,
} from './repositories/settlement-close.repository';
export type { SettlementBatchListRow, SettlementItemRow } from './repositories/settlement.repository';
export type { DisputeRow } from './repositories/dispute.repository';
export type { BatchFileRow, BatchFileRecordRow } from './repositories/batch-file.repository';
export type {
  SftpAccountRow,
  SftpAccountWrite,
  SftpLogin,
  SftpPublicKeyWrite,
} from './repositories/sftp-account.repository';
export type { GatewayFileEntry, GatewayFolder } from './repositories/gateway-file.repository';
export type { SandboxLedgerRow } from './repositories/sandbox-ledger.repository';
export type MerchantRow = import('./generated/client').Prisma.MerchantGetPayload<object>;
export type { NewImportRecord, PageCharge, PriorTransaction } from './repositories/batch-import.repository';
export type { ImportFileRepository } from './repositories/batch-import.repository';
export type { PaymentPlanRow, PlanChargeRow, PlanFilter } from './repositories/payment-plan.repository';
export type { PlanPatch } from './repositories/merchant-payment-plan.repository';
export type {
  NewPlanCharge,
  PlanProgressRow,
  ChargeOutcomeRow,
  PlanEventRow,
} from './repositories/plan-charge-page.repository';
export type { PlanMerchant } from './repositories/plan-schedule.repository';
export type { TerminalRow, TerminalActionRow } from './repositories/terminal.repository';
export type { ActionPatch, TerminalPatch } from './repositories/merchant-terminal.repository';
export type { CheckImageSideName, NewCheckImage } from './repositories/check-image.repository';
