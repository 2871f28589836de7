import type { StatusChipFieldProps } from '../common/fields';

export const PLAN_STATES: StatusChipFieldProps['states'] = {
  Active: ['conduit.states.active', 'success'],
  Paused: ['conduit.payment_plans.states.paused', 'warning'],
  PastDue: ['conduit.payment_plans.states.past_due', 'error'],
  Completed: ['conduit.payment_plans.states.completed', 'info'],
  Cancelled: ['conduit.payment_plans.states.cancelled', 'default'],
};

export const PLAN_STATUS_CHOICES = Object.entries(PLAN_STATES).map(([id, [name]]) => ({ id, name }));

export const PLAN_TYPE_CHOICES = [
  { id: 'Installment', name: 'conduit.payment_plans.types.installment' },
  { id: 'Recurring', name: 'conduit.payment_plans.types.recurring' },
];

export const CHARGE_STATES: StatusChipFieldProps['states'] = {
  PENDING: ['conduit.payment_plans.charges.pending', 'info'],
  APPROVED: ['conduit.payment_plans.charges.approved', 'success'],
  DECLINED: ['conduit.payment_plans.charges.declined', 'error'],
  RETURNED: ['conduit.payment_plans.charges.returned', 'warning'],
};

/** i18n keys of the charge kinds. */
export const CHARGE_KIND_LABELS: Record<string, string> = {
  SCHEDULED: 'conduit.payment_plans.kinds.scheduled',
  RETRY: 'conduit.payment_plans.kinds.retry',
  CHARGE_NOW: 'conduit.payment_plans.actions.charge_now',
  DOWN_PAYMENT: 'conduit.payment_plans.facts.down_payment',
  REPRESENTMENT: 'conduit.payment_plans.kinds.representment',
};

/** "$1,234.50" from the API's decimal strings (never via floating point arithmetic). */
export const formatAmount = (amount: string | null | undefined): string => {
  if (amount === null || amount === undefined || amount === '') return '—';
  const [whole, cents = '00'] = amount.replace(/^-/, '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${amount.startsWith('-') ? '-' : ''}$${grouped}.${cents.padEnd(2, '0')}`;
};
