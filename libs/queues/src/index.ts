export * from './queue-names';
export * from './redis';
export * from './outbox-signal';
export * from './retention';
export * from './heartbeats';
export * from './job-queues';
