import type { StatusChipFieldProps } from '../common/fields';

export const KIND_CHOICES = [
  { id: 'PRACTICE', name: 'Practice' },
  { id: 'PARTNER', name: 'Partner' },
];

export const KIND_STATES: StatusChipFieldProps['states'] = {
  PRACTICE: ['Practice', 'info'],
  PARTNER: ['Partner', 'default'],
};
