export const ROLES = ['PLATFORM_ADMIN', 'PRACTICE_ADMIN', 'FINANCE', 'PARTNER_DEVELOPER'] as const;
export type Role = (typeof ROLES)[number];

export interface ConsoleUser {
  id: string;
  email: string;
  role: Role;
  organizationId: string;
  organizationName: string;
  twoFactorEnabled?: boolean;
  twoFactorRequired?: boolean;
}

/** The password was right; a second step follows (docs/two-factor.md). */
export interface TwoFactorChallenge {
  twoFactor: 'verify' | 'enrol';
  challenge: string;
  expiresInSeconds: number;
}

export interface LoginResponse {
  token: string;
  user: ConsoleUser;
}

export interface Organization {
  id: string;
  name: string;
  slug: string;
  kind: 'PRACTICE' | 'PARTNER';
  ipAllowlist: string[];
  requireTwoFactor: boolean;
  createdAt: string;
}

export interface Merchant {
  id: string;
  merchantId: string;
  organizationId: string;
  name: string;
  timeZone: string;
  settlementCutoff: string;
  status: 'ACTIVE' | 'SUSPENDED';
  ipAllowlist: string[];
  allowUnreferencedRefunds: boolean;
  allowedFrameOrigins: string[];
  /** Decimal string, e.g. "99999.99"; set by platform admins only. */
  maxTransactionAmount: string;
  /** The batch close also renders an X12 835 (ERA) beside the posting file. */
  era835Enabled: boolean;
  /** The processor connector; only `SANDBOX` merchants can be settled on demand. */
  processor: string;
  createdAt: string;
}

export interface Outlet {
  id: string;
  merchantId: string;
  storeId: string;
  terminalId: string;
  name: string;
  active: boolean;
  createdAt: string;
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  organizationId: string;
  disabled: boolean;
  twoFactorEnabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface Credential {
  id: string;
  kind: 'ACCOUNT' | 'API_KEY';
  identifier: string;
  description: string | null;
  enabled: boolean;
  merchantIds: string[];
  organizationId: string;
  lastUsedAt: string | null;
  rotatedAt: string | null;
  createdAt: string;
}

/** The create and rotate answers: the record plus a secret that is shown once. */
export interface CredentialWithSecret extends Credential {
  secret: string;
}

export interface PartnerGrant {
  id: string;
  merchantId: string;
  partnerOrganizationId: string;
  partnerOrganizationName: string;
  partnerOrganizationSlug: string;
  scope: 'payments' | 'read';
  revokedAt: string | null;
  createdAt: string;
}

export interface AuditLogEntry {
  id: string;
  createdAt: string;
  actorLabel: string;
  actorType: string;
  action: string;
  resource: string;
  resourceId: string | null;
  ip: string | null;
  changes: Record<string, unknown> | null;
}

export interface PlatformInfo {
  name: string;
  version: string;
  environment: string;
  urls: { api: string; console: string; nvp: string; rest: string; restDocs: string };
  webhookSourceIps: string[];
  sftp: { host: string; port: number; ftpsPort: number; hostKeyFingerprints: string[] };
  fileGateway: {
    host: string;
    sftpPasswordPort: number;
    sftpKeyPort: number;
    ftpsPort: number;
    ftpsPassivePorts: string;
    /** Published by a running gateway; null before one has started. */
    hostKeyFingerprints: { ed25519: string; rsa: string } | null;
  };
}

export interface VolumePoint {
  /** Hour of the day, 0–23, in the summary's time zone. */
  hour: number;
  amountCents: number;
  count: number;
  approvedCount: number;
}

export interface DashboardSummary {
  /** The calendar day summarized, YYYY-MM-DD. */
  date: string;
  timeZone: string;
  /** Only the hours that had transactions. */
  volumeByHour: VolumePoint[];
  totals: { count: number; approvedCount: number; amountCents: number };
  /** 0–1; 0 when there were no transactions. */
  approvalRate: number;
}

export type { Transaction, TransactionStatus, WebhookDelivery } from './transactionTypes';

/** The error body every Conduit API answers with. */
export interface ApiErrorBody {
  statusCode: number;
  error?: string;
  message?: string | string[];
  errors?: { field: string; message: string }[];
  referenceNumber?: string;
}
