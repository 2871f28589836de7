export const SCOPE_CHOICES = [
  { id: 'payments', name: 'Payments — process transactions for this merchant' },
  { id: 'read', name: 'Read — view only' },
];

export const SCOPE_LABELS: Record<string, string> = { payments: 'Payments', read: 'Read only' };
