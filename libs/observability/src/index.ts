export * from './context';
export * from './logger';
export type { Logger } from 'pino';
export * from './scrub';
export * from './metrics/conduit-metrics';
export * from './metrics/labels';
export * from './tracing/start-tracing';
export * from './tracing/trace-context';
// tracing/sdk.ts is not exported: it loads the SDK, which only startTracing may do.
export * from './tracing/flush-traces';
