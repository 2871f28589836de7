import type { StatusChipFieldProps } from '../common/fields';

export const KIND_CHOICES = [
  { id: 'ACCOUNT', name: 'Account (Account ID and password)' },
  { id: 'API_KEY', name: 'API key' },
];

export const KIND_FILTER_CHOICES = [
  { id: 'ACCOUNT', name: 'Account' },
  { id: 'API_KEY', name: 'API key' },
];

export const KIND_STATES: StatusChipFieldProps['states'] = {
  ACCOUNT: ['Account', 'info'],
  API_KEY: ['API key', 'default'],
};

export const GRACE_PERIODS = [
  { seconds: 0, label: 'Immediately — the old secret stops working now' },
  { seconds: 3600, label: 'After 1 hour' },
  { seconds: 86400, label: 'After 24 hours' },
  { seconds: 604800, label: 'After 7 days' },
];
