/**
 * The admin API's shapes, as the server documents them (GET /admin/api/openapi.json): aliases of
 * the generated ./generated/admin-api.ts, so the console type-checks against the server. Names
 * the console had before are kept; regenerate with `node scripts/admin-openapi.mjs`.
 */
import type { components } from './generated/admin-api';

export type AdminSchemas = components['schemas'];

export const ROLES = [
  'PLATFORM_ADMIN',
  'PRACTICE_ADMIN',
  'FINANCE',
  'PARTNER_DEVELOPER',
] as const satisfies readonly AdminSchemas['User']['role'][];
export type Role = AdminSchemas['User']['role'];

/** Who is signed in (`/auth/me`, and the login answer's `user`). */
export type ConsoleUser = AdminSchemas['SessionUser'];
/** The password was right; a second step follows (docs/two-factor.md). */
export type TwoFactorChallenge = AdminSchemas['TwoFactorChallenge'];
export type LoginResponse = AdminSchemas['LoginResponse'];

export type Organization = AdminSchemas['Organization'];
export type Merchant = AdminSchemas['Merchant'];
export type Outlet = AdminSchemas['Outlet'];
export type User = AdminSchemas['User'];
export type Credential = AdminSchemas['Credential'];
/** The create and rotate answers: the record plus a secret that is shown once. */
export type CredentialWithSecret = AdminSchemas['CredentialWithSecret'];
export type PartnerGrant = AdminSchemas['PartnerGrant'];
export type AuditLogEntry = AdminSchemas['AuditLogEntry'];
export type PlatformInfo = AdminSchemas['PlatformInfo'];
export type DashboardSummary = AdminSchemas['DashboardSummary'];
export type VolumePoint = DashboardSummary['volumeByHour'][number];
export type SsoToken = AdminSchemas['SsoToken'];
export type HostedPage = AdminSchemas['HostedPage'];
export type SftpAccount = AdminSchemas['SftpAccount'];
export type SftpPublicKey = AdminSchemas['SftpPublicKey'];
export type PaymentPlan = AdminSchemas['PaymentPlan'];
export type PaymentPlanDetail = AdminSchemas['PaymentPlanDetail'];

export type { CheckImage, Transaction, TransactionStatus, WebhookDelivery } from './transactionTypes';

/** The one error body of the admin API (`AdminError`). */
export type ApiErrorBody = AdminSchemas['AdminError'];
