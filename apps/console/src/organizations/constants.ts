import type { StatusChipFieldProps } from '../common/fields';

export const KIND_CHOICES = [
  { id: 'PRACTICE', name: 'conduit.organizations.kinds.practice' },
  { id: 'PARTNER', name: 'conduit.organizations.kinds.partner' },
];

export const KIND_STATES: StatusChipFieldProps['states'] = {
  PRACTICE: ['conduit.organizations.kinds.practice', 'info'],
  PARTNER: ['conduit.organizations.kinds.partner', 'default'],
};
