export * from './ack-line';
export * from './import-lines';
export * from './import-record';
