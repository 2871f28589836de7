import type { StatusChipFieldProps } from '../common/fields';

export const BATCH_FILE_KINDS: StatusChipFieldProps['states'] = {
  POSTING: ['conduit.batch_files.kinds.posting', 'info'],
  ERA_835: ['conduit.batch_files.kinds.era_835', 'success'],
  IMPORT: ['conduit.batch_files.kinds.import', 'default'],
  ACK: ['conduit.batch_files.kinds.ack', 'default'],
};

export const BATCH_FILE_KIND_CHOICES = Object.entries(BATCH_FILE_KINDS).map(([id, [name]]) => ({ id, name }));

export const BATCH_FILE_STATUSES: StatusChipFieldProps['states'] = {
  READY: ['conduit.batch_files.states.ready', 'success'],
  RECEIVED: ['conduit.batch_files.states.received', 'default'],
  PROCESSING: ['conduit.batch_files.states.processing', 'info'],
  PROCESSED: ['conduit.batch_files.states.processed', 'success'],
  REJECTED: ['conduit.batch_files.states.rejected', 'error'],
};

export const DIRECTION_CHOICES = [
  { id: 'INBOUND', name: 'conduit.batch_files.directions.inbound' },
  { id: 'OUTBOUND', name: 'conduit.batch_files.directions.outbound' },
];

export const RECORD_RESULTS: StatusChipFieldProps['states'] = {
  A: ['conduit.batch_files.states.accepted', 'success'],
  R: ['conduit.batch_files.states.rejected', 'error'],
};
