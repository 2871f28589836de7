import { createLogger, type Logger } from '@conduit/observability';

export const WORKER_LOGGER = Symbol('WORKER_LOGGER');

let logger: Logger | null = null;
export function workerLogger(): Logger {
  logger ??= createLogger('worker');
  return logger;
}
