import type { StatusChipFieldProps } from '../common/fields';

export const MERCHANT_STATUS_CHOICES = [
  { id: 'ACTIVE', name: 'conduit.states.active' },
  { id: 'SUSPENDED', name: 'conduit.states.suspended' },
];

export const MERCHANT_STATES: StatusChipFieldProps['states'] = {
  ACTIVE: ['conduit.states.active', 'success'],
  SUSPENDED: ['conduit.states.suspended', 'warning'],
};
