import type { StatusChipFieldProps } from '../common/fields';

export const PLAN_STATES: StatusChipFieldProps['states'] = {
  Active: ['Active', 'success'],
  Paused: ['Paused', 'warning'],
  PastDue: ['Past due', 'error'],
  Completed: ['Completed', 'info'],
  Cancelled: ['Cancelled', 'default'],
};

export const PLAN_STATUS_CHOICES = Object.entries(PLAN_STATES).map(([id, [name]]) => ({ id, name }));

export const PLAN_TYPE_CHOICES = [
  { id: 'Installment', name: 'Installment' },
  { id: 'Recurring', name: 'Recurring' },
];

export const CHARGE_STATES: StatusChipFieldProps['states'] = {
  PENDING: ['Pending', 'info'],
  APPROVED: ['Approved', 'success'],
  DECLINED: ['Declined', 'error'],
  RETURNED: ['Returned', 'warning'],
};

export const CHARGE_KIND_LABELS: Record<string, string> = {
  SCHEDULED: 'Scheduled',
  RETRY: 'Retry',
  CHARGE_NOW: 'Charge now',
  DOWN_PAYMENT: 'Down payment',
  REPRESENTMENT: 'Re-presentment',
};

/** "$1,234.50" from the API's decimal strings (never via floating point arithmetic). */
export const formatAmount = (amount: string | null | undefined): string => {
  if (amount === null || amount === undefined || amount === '') return '—';
  const [whole, cents = '00'] = amount.replace(/^-/, '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${amount.startsWith('-') ? '-' : ''}$${grouped}.${cents.padEnd(2, '0')}`;
};
