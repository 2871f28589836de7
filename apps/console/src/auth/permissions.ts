import type { Role } from '../api/types';

export const ROLE_LABELS: Record<Role, string> = {
  PLATFORM_ADMIN: 'Platform admin',
  PRACTICE_ADMIN: 'Practice admin',
  FINANCE: 'Finance',
  PARTNER_DEVELOPER: 'Partner developer',
};

/** The i18n keys of the role names (en.ts `conduit.roles`), for pages that translate. */
export const ROLE_KEYS: Record<Role, string> = {
  PLATFORM_ADMIN: 'conduit.roles.platform_admin',
  PRACTICE_ADMIN: 'conduit.roles.practice_admin',
  FINANCE: 'conduit.roles.finance',
  PARTNER_DEVELOPER: 'conduit.roles.partner_developer',
};

const ALL: readonly Role[] = ['PLATFORM_ADMIN', 'PRACTICE_ADMIN', 'FINANCE', 'PARTNER_DEVELOPER'];
const ADMINS: readonly Role[] = ['PLATFORM_ADMIN', 'PRACTICE_ADMIN'];
const NONE: readonly Role[] = [];

interface ResourceRules {
  read: readonly Role[];
  create: readonly Role[];
  edit: readonly Role[];
  delete: readonly Role[];
  /** Actions beyond react-admin's CRUD, e.g. `settle-now` on merchants. */
  actions?: Record<string, readonly Role[]>;
}

const READ_ONLY = { create: NONE, edit: NONE, delete: NONE } as const;
const FINANCE_STAFF: readonly Role[] = [...ADMINS, 'FINANCE'];

/**
 * Who may do what in the console. The API enforces the same rules; this table only
 * decides which menu items, pages and buttons are shown.
 */
const RULES: Record<string, ResourceRules> = {
  organizations: { read: ALL, create: ['PLATFORM_ADMIN'], edit: NONE, delete: NONE },
  // Settle now closes a sandbox merchant's batch on demand (docs/settlement.md).
  merchants: { read: ALL, create: ADMINS, edit: ADMINS, delete: NONE, actions: { 'settle-now': ADMINS } },
  outlets: { read: ALL, create: ADMINS, edit: ADMINS, delete: NONE },
  'partner-grants': { read: ALL, create: ADMINS, edit: NONE, delete: ADMINS },
  credentials: {
    read: [...ADMINS, 'PARTNER_DEVELOPER'],
    create: [...ADMINS, 'PARTNER_DEVELOPER'],
    edit: [...ADMINS, 'PARTNER_DEVELOPER'],
    delete: NONE,
  },
  users: { read: ADMINS, create: ADMINS, edit: ADMINS, delete: NONE },
  transactions: { read: ALL, create: NONE, edit: NONE, delete: NONE },
  // "Take a payment" creates one; the API also refuses users without an organization.
  'sso-tokens': { read: ALL, create: ['PRACTICE_ADMIN'], edit: NONE, delete: NONE },
  'audit-log': { read: ADMINS, create: NONE, edit: NONE, delete: NONE },
  // Finance reviews endpoints and deliveries and resends; only practice admins configure.
  'webhook-endpoints': { read: [...ADMINS, 'FINANCE'], create: ADMINS, edit: ADMINS, delete: ADMINS },
  'webhook-deliveries': { read: [...ADMINS, 'FINANCE'], create: NONE, edit: NONE, delete: NONE },
  // Settlement (docs/settlement.md "Who may do what"): partner developers see their granted
  // merchants' batches, reconciliation and posting files, but not disputes.
  settlements: { read: ALL, ...READ_ONLY },
  'settlement-items': { read: ALL, ...READ_ONLY },
  reconciliation: { read: ALL, ...READ_ONLY },
  'batch-files': { read: ALL, ...READ_ONLY },
  disputes: { read: FINANCE_STAFF, ...READ_ONLY, actions: { respond: FINANCE_STAFF } },
  // The file gateway's accounts: finance reads, admins configure; partners see none.
  'sftp-accounts': { read: FINANCE_STAFF, create: ADMINS, edit: ADMINS, delete: ADMINS },
  'batch-file-records': { read: ALL, ...READ_ONLY },
  // Payment plans (payment-plans.md): everyone reads and exports; admins pause, resume, cancel,
  // charge now, replace the card and (sandbox merchants) run the next charge.
  'payment-plans': { read: ALL, ...READ_ONLY, actions: { manage: ADMINS } },
  // Payment terminals (devices.md): every role sees which are online; admins pair and revoke.
  terminals: {
    read: ALL,
    create: ADMINS,
    edit: NONE,
    delete: ADMINS,
    actions: { 'pairing-code': ADMINS },
  },
};

const READ_ACTIONS = new Set(['list', 'show', 'read', 'export']);

export const can = (role: Role | undefined, resource: string, action: string): boolean => {
  if (!role) return false;
  const [name] = resource.split('.');
  const rules = RULES[name];
  if (!rules) return true; // custom pages (dashboard, platform info) are open to every role
  if (READ_ACTIONS.has(action)) return rules.read.includes(role);
  if (action === 'create' || action === 'clone') return rules.create.includes(role);
  if (action === 'edit') return rules.edit.includes(role);
  if (action === 'delete') return rules.delete.includes(role);
  return rules.actions?.[action]?.includes(role) ?? false;
};

/** Roles a user with `role` may hand out. Only platform admins can create platform admins. */
export const assignableRoles = (role: Role | undefined): Role[] =>
  role === 'PLATFORM_ADMIN' ? [...ALL] : ALL.filter((r) => r !== 'PLATFORM_ADMIN');

export const roleChoices = (roles: readonly Role[]) => roles.map((id) => ({ id, name: ROLE_KEYS[id] }));
