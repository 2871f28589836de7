/** Console roles (tenancy.md) and what each may do. One table, read by every guard and service. */
export enum Role {
  PLATFORM_ADMIN = 'PLATFORM_ADMIN',
  PRACTICE_ADMIN = 'PRACTICE_ADMIN',
  FINANCE = 'FINANCE',
  PARTNER_DEVELOPER = 'PARTNER_DEVELOPER',
}

export enum Permission {
  ORGANIZATIONS_READ = 'organizations:read',
  ORGANIZATIONS_CREATE = 'organizations:create',
  ORGANIZATIONS_UPDATE = 'organizations:update',
  MERCHANTS_READ = 'merchants:read',
  MERCHANTS_WRITE = 'merchants:write',
  /**
   * A merchant's platform risk controls: suspension, unreferenced refunds and the per-transaction
   * amount limit (decision 0020). Platform admins only: practice admins configure the rest.
   */
  MERCHANTS_RISK_WRITE = 'merchants:risk-write',
  USERS_READ = 'users:read',
  USERS_WRITE = 'users:write',
  CREDENTIALS_READ = 'credentials:read',
  CREDENTIALS_WRITE = 'credentials:write',
  GRANTS_READ = 'grants:read',
  GRANTS_WRITE = 'grants:write',
  AUDIT_READ = 'audit:read',
  TRANSACTIONS_READ = 'transactions:read',
  PLATFORM_INFO_READ = 'platform-info:read',
  WEBHOOKS_READ = 'webhooks:read',
  WEBHOOKS_WRITE = 'webhooks:write',
  WEBHOOKS_RESEND = 'webhooks:resend',
  /** The console's "Take a payment": a hosted page opened by a staff user (decision 0011). */
  PAYMENTS_TAKE = 'payments:take',
  /** Settlement batches, reconciliation and posting files (docs/settlement.md). */
  SETTLEMENTS_READ = 'settlements:read',
  /** Close a sandbox merchant's open batch now (settlement.md `settle-now`). */
  SETTLEMENTS_SETTLE_NOW = 'settlements:settle-now',
  DISPUTES_READ = 'disputes:read',
  DISPUTES_RESPOND = 'disputes:respond',
  /** SFTP/FTPS accounts of the file gateway (batch-files.md): finance reads, admins configure. */
  SFTP_ACCOUNTS_READ = 'sftp-accounts:read',
  SFTP_ACCOUNTS_MANAGE = 'sftp-accounts:manage',
  /** Payment plans (payment-plans.md): everyone reads and exports; practice admins act on them. */
  PAYMENT_PLANS_READ = 'payment-plans:read',
  PAYMENT_PLANS_MANAGE = 'payment-plans:manage',
  /** Server-driven terminals (devices.md): everyone lists them; practice admins pair and revoke. */
  TERMINALS_READ = 'terminals:read',
  TERMINALS_MANAGE = 'terminals:manage',
  /** Bull Board at /admin/queues (decision 0036): every tenant's jobs, so platform admins only. */
  QUEUES_READ = 'queues:read',
}

const P = Permission;
const everyone = [
  P.ORGANIZATIONS_READ,
  P.MERCHANTS_READ,
  P.PLATFORM_INFO_READ,
  P.TRANSACTIONS_READ,
  P.SETTLEMENTS_READ,
  P.PAYMENT_PLANS_READ,
  P.TERMINALS_READ,
];
/** What a practice's finance office does with money after the fact. */
const finance = [P.DISPUTES_READ, P.DISPUTES_RESPOND];
const configure = [
  P.ORGANIZATIONS_UPDATE,
  P.MERCHANTS_WRITE,
  P.USERS_READ,
  P.USERS_WRITE,
  P.CREDENTIALS_READ,
  P.CREDENTIALS_WRITE,
  P.GRANTS_READ,
  P.GRANTS_WRITE,
  P.AUDIT_READ,
  P.WEBHOOKS_READ,
  P.WEBHOOKS_WRITE,
  P.WEBHOOKS_RESEND,
  P.SFTP_ACCOUNTS_READ,
  P.SFTP_ACCOUNTS_MANAGE,
];

export const permissionsOf: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  [Role.PLATFORM_ADMIN]: new Set(Object.values(Permission)),
  [Role.PRACTICE_ADMIN]: new Set([
    ...everyone,
    ...configure,
    ...finance,
    P.PAYMENTS_TAKE,
    P.SETTLEMENTS_SETTLE_NOW,
    P.PAYMENT_PLANS_MANAGE,
    P.TERMINALS_MANAGE,
  ]),
  [Role.FINANCE]: new Set([
    ...everyone,
    ...finance,
    P.GRANTS_READ,
    P.WEBHOOKS_READ,
    P.WEBHOOKS_RESEND,
    P.SFTP_ACCOUNTS_READ,
  ]),
  [Role.PARTNER_DEVELOPER]: new Set([...everyone, P.CREDENTIALS_READ, P.CREDENTIALS_WRITE, P.GRANTS_READ]),
};

export function can(role: Role, permission: Permission): boolean {
  return permissionsOf[role].has(permission);
}
