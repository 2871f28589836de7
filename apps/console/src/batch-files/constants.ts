import type { StatusChipFieldProps } from '../common/fields';

export const BATCH_FILE_KINDS: StatusChipFieldProps['states'] = {
  POSTING: ['Posting file', 'info'],
  ERA_835: ['ERA (X12 835)', 'success'],
  IMPORT: ['Payment import', 'default'],
  ACK: ['Acknowledgement', 'default'],
};

export const BATCH_FILE_KIND_CHOICES = Object.entries(BATCH_FILE_KINDS).map(([id, [name]]) => ({ id, name }));

export const BATCH_FILE_STATUSES: StatusChipFieldProps['states'] = {
  READY: ['Ready', 'success'],
  RECEIVED: ['Received', 'default'],
  PROCESSING: ['Processing', 'info'],
  PROCESSED: ['Processed', 'success'],
  REJECTED: ['Rejected', 'error'],
};

export const DIRECTION_CHOICES = [
  { id: 'INBOUND', name: 'Inbound (uploaded)' },
  { id: 'OUTBOUND', name: 'Outbound (from Conduit)' },
];

export const RECORD_RESULTS: StatusChipFieldProps['states'] = {
  A: ['Accepted', 'success'],
  R: ['Rejected', 'error'],
};
