import type { StatusChipFieldProps } from '../common/fields';

export const MERCHANT_STATUS_CHOICES = [
  { id: 'ACTIVE', name: 'Active' },
  { id: 'SUSPENDED', name: 'Suspended' },
];

export const MERCHANT_STATES: StatusChipFieldProps['states'] = {
  ACTIVE: ['Active', 'success'],
  SUSPENDED: ['Suspended', 'warning'],
};
