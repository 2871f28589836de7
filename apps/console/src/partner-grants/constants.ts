export const SCOPE_CHOICES = [
  { id: 'payments', name: 'conduit.partner_grants.scopes.payments_choice' },
  { id: 'read', name: 'conduit.partner_grants.scopes.read_choice' },
];

/** i18n keys of the scopes' short names. */
export const SCOPE_LABELS: Record<string, string> = {
  payments: 'conduit.partner_grants.scopes.payments',
  read: 'conduit.partner_grants.scopes.read',
};
