import type { StatusChipFieldProps } from '../common/fields';

export const KIND_CHOICES = [
  { id: 'ACCOUNT', name: 'conduit.credentials.kinds.account_choice' },
  { id: 'API_KEY', name: 'conduit.credentials.kinds.api_key' },
];

export const KIND_FILTER_CHOICES = [
  { id: 'ACCOUNT', name: 'conduit.credentials.kinds.account' },
  { id: 'API_KEY', name: 'conduit.credentials.kinds.api_key' },
];

export const KIND_STATES: StatusChipFieldProps['states'] = {
  ACCOUNT: ['conduit.credentials.kinds.account', 'info'],
  API_KEY: ['conduit.credentials.kinds.api_key', 'default'],
};

/** `label` is an i18n key. */
export const GRACE_PERIODS = [
  { seconds: 0, label: 'conduit.credentials.grace.immediately' },
  { seconds: 3600, label: 'conduit.credentials.grace.hour' },
  { seconds: 86400, label: 'conduit.credentials.grace.day' },
  { seconds: 604800, label: 'conduit.credentials.grace.week' },
];
