import type {
  ApiCredential,
  AuditLogEntry,
  Merchant,
  Organization,
  Outlet,
  PartnerGrant,
  User,
} from '@conduit/db';
import { formatAmount } from '@conduit/domain';

/** What the admin API answers for each resource. Secrets never appear here. */
export const organizationView = (o: Organization) => ({
  id: o.id,
  name: o.name,
  slug: o.slug,
  kind: o.kind,
  ipAllowlist: o.ipAllowlist,
  requireTwoFactor: o.requireTwoFactor,
  createdAt: o.createdAt,
  updatedAt: o.updatedAt,
});

/** A merchant's resource ID is its 13-digit MerchantID: unique on the platform and what people use. */
export const merchantView = (m: Merchant) => ({
  id: m.merchantId,
  merchantId: m.merchantId,
  organizationId: m.organizationId,
  name: m.name,
  timeZone: m.timeZone,
  settlementCutoff: m.settlementCutoff,
  status: m.status,
  ipAllowlist: m.ipAllowlist,
  allowUnreferencedRefunds: m.allowUnreferencedRefunds,
  ignoreUnknownNvpFields: m.ignoreUnknownNvpFields,
  allowedFrameOrigins: m.allowedFrameOrigins,
  /** The per-transaction amount limit, a decimal string like every amount (decision 0020). */
  maxTransactionAmount: formatAmount(Number(m.maxTransactionCents)),
  /** The processor connector it settles through (only SANDBOX today), and its 835 setting. */
  processor: m.processor,
  era835Enabled: m.era835Enabled,
  /** Payment plans (payment-plans.md): the local hour of the daily charge run and the retry days. */
  planChargeHour: m.planChargeHour,
  planRetryDays: m.planRetryDays,
  createdAt: m.createdAt,
  updatedAt: m.updatedAt,
});

export const outletView = (o: Outlet & { merchant: { merchantId: string } }) => ({
  id: o.id,
  organizationId: o.organizationId,
  merchantId: o.merchant.merchantId,
  storeId: o.storeId,
  terminalId: o.terminalId,
  name: o.name,
  active: o.active,
  createdAt: o.createdAt,
  updatedAt: o.updatedAt,
});

export const userView = (u: User) => ({
  id: u.id,
  organizationId: u.organizationId,
  email: u.email,
  name: u.name,
  role: u.role,
  disabled: u.disabled,
  twoFactorEnabled: !!u.totpEnabledAt,
  lastLoginAt: u.lastLoginAt,
  createdAt: u.createdAt,
  updatedAt: u.updatedAt,
});

type CredentialRow = ApiCredential & { merchants: { merchant: { merchantId: string } }[] };
export const credentialView = (c: CredentialRow) => ({
  id: c.id,
  organizationId: c.organizationId,
  kind: c.kind,
  identifier: c.identifier,
  description: c.description,
  enabled: c.enabled,
  merchantIds: c.merchants.map((m) => m.merchant.merchantId).sort(),
  hasSecret: true,
  previousSecretValidUntil: c.previousSecretValidUntil,
  lastUsedAt: c.lastUsedAt,
  rotatedAt: c.rotatedAt,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});

type GrantRow = PartnerGrant & {
  merchant: { merchantId: string };
  partnerOrganization: { id: string; name: string; slug: string };
};
export const grantView = (g: GrantRow) => ({
  id: g.id,
  organizationId: g.organizationId,
  merchantId: g.merchant.merchantId,
  partnerOrganizationId: g.partnerOrganizationId,
  partnerOrganizationName: g.partnerOrganization.name,
  partnerOrganizationSlug: g.partnerOrganization.slug,
  scope: g.scope,
  revokedAt: g.revokedAt,
  createdAt: g.createdAt,
});

export const auditView = (a: AuditLogEntry) => ({ ...a });

export interface ListResult<T> {
  rows: T[];
  total: number;
}
