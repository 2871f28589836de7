/** An authenticated API credential (NVP/SOAP Basic account or REST key pair). */
export interface CredentialPrincipal {
  credentialId: string;
  identifier: string;
  kind: 'ACCOUNT' | 'API_KEY';
  organizationId: string;
  organizationSlug: string;
  organizationKind: 'PRACTICE' | 'PARTNER';
  /** 13-digit MerchantIDs the credential is restricted to; empty means all it may reach. */
  merchantIds: string[];
  ip: string | null;
}

/**
 * A console user taking a payment on a hosted page (the console's "Take a payment"). It is not an
 * API credential: IP allowlists, which restrict API callers, do not apply, and the transaction
 * carries no credential; the token records the user.
 */
export interface StaffPrincipal {
  kind: 'STAFF';
  credentialId: null;
  userId: string;
  /** The user's email, shown as the token's creator. */
  identifier: string;
  organizationId: string;
  organizationSlug: string;
  organizationKind: 'PRACTICE';
  merchantIds: string[];
  ip: string | null;
}

/**
 * An SFTP/FTPS account's payment import file (batch-files.md), processed by the worker. The
 * account signed in to the gateway, not to the API: merchant IP allowlists, which restrict API
 * callers, do not apply to the file channel, and the transaction carries no credential. It is
 * always restricted to the account's merchants.
 */
export interface BatchPrincipal {
  kind: 'BATCH';
  credentialId: null;
  accountId: string;
  /** `sftp:<username>`, the audit label of the account. */
  identifier: string;
  organizationId: string;
  /** 13-digit MerchantIDs of the account's merchants; never empty. */
  merchantIds: string[];
  ip: null;
}

/**
 * A payment plan's scheduled charge, made by the worker for the plan's merchant (payment-plans.md):
 * nobody is at a keyboard, so IP allowlists do not apply; it reaches only that merchant, and is
 * audited as `system:payment-plans`.
 */
export interface PlanPrincipal {
  kind: 'PLAN';
  credentialId: null;
  identifier: 'system:payment-plans';
  organizationId: string;
  /** The plan's merchant (13 digits), the only one it reaches. */
  merchantIds: string[];
  ip: null;
}

/**
 * A paired terminal taking the card for an action a vendor's credential asked for (devices.md
 * "Server-driven terminals"): the vendor's request passed its own access checks; the terminal
 * reaches only its outlet's merchant, IP allowlists do not apply to the device, and it is audited
 * as `terminal:<TerminalDeviceID>`.
 */
export interface TerminalPrincipal {
  kind: 'TERMINAL';
  credentialId: null;
  terminalRef: string;
  identifier: string;
  organizationId: string;
  /** The terminal's merchant (13 digits), the only one it reaches. */
  merchantIds: string[];
  ip: null;
}

/** Whoever a payment is made for: an API credential, a console user, an import file, a plan or a terminal. */
export type PaymentPrincipal =
  | CredentialPrincipal
  | StaffPrincipal
  | BatchPrincipal
  | PlanPrincipal
  | TerminalPrincipal;
