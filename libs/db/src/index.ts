export * from './client';
export * from './list-query';
export * from './repositories';
export * from './unit-of-work';
export * from './db.module';
export type { AuditEntry } from './repositories/audit-log.repository';
export type { MerchantWrite } from './repositories/merchant.repository';
export type { TransactionRow, NewTransaction } from './repositories/transaction.repository';
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
} from './generated/client';
