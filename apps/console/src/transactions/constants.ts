import type { StatusChipFieldProps } from '../common/fields';

const choices = (entries: [string, string][]) => entries.map(([id, name]) => ({ id, name }));
const same = (ids: string[]) => ids.map((id) => ({ id, name: id }));

/** Status code → word, in the order people look for them. */
export const STATUS_LABELS: Record<string, string> = {
  A: 'Authorized',
  C: 'Captured',
  O: 'Saved on file',
  D: 'Declined',
  V: 'Voided',
  X: 'Cancelled',
  S: 'Settled',
  SE: 'Settlement error',
  RI: 'Returned item',
  CB: 'Chargeback',
};

export const STATUS_CHOICES = choices(Object.entries(STATUS_LABELS));

const STATUS_COLOURS: Record<string, StatusChipFieldProps['states'][string][1]> = {
  A: 'info',
  C: 'success',
  S: 'success',
  O: 'default',
  V: 'default',
  D: 'error',
  X: 'error',
  SE: 'warning',
  RI: 'warning',
  CB: 'warning',
};

export const TRANSACTION_STATES: StatusChipFieldProps['states'] = Object.fromEntries(
  Object.entries(STATUS_LABELS).map(([code, label]) => [code, [label, STATUS_COLOURS[code] ?? 'default']]),
);

export const ACTION_CHOICES = same([
  'Sale',
  'Authorization',
  'Capture',
  'Void',
  'SimpleRefund',
  'Refund',
  'SaveOnFile',
]);

export const TENDER_CHOICES = choices([
  ['CreditCard', 'Credit card'],
  ['DebitCard', 'Debit card'],
  ['eCheck', 'eCheck'],
]);

export const WORKFLOW_STATUS_CHOICES = choices([
  ['PENDING', 'Pending'],
  ['COMPLETE', 'Complete'],
  ['PENDING_POSTING_RETRY', 'Pending posting retry'],
  ['POSTING_ERROR', 'Posting error'],
]);

export const WORKFLOW_STATES: StatusChipFieldProps['states'] = {
  PENDING: ['Pending', 'info'],
  COMPLETE: ['Complete', 'success'],
  PENDING_POSTING_RETRY: ['Retrying', 'warning'],
  POSTING_ERROR: ['Posting error', 'error'],
};

export const ADDITIONAL_INFO_FIELDS = [
  'additionalInfo1',
  'additionalInfo2',
  'additionalInfo3',
  'additionalInfo4',
  'additionalInfo5',
  'additionalInfo6',
] as const;
