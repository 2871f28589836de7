export * from './context';
export * from './logger';
export type { Logger } from 'pino';
export * from './scrub';
