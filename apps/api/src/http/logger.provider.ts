import { createLogger, type Logger } from '@conduit/observability';

export const APP_LOGGER = Symbol('APP_LOGGER');

let logger: Logger | null = null;
export function appLogger(): Logger {
  logger ??= createLogger('api');
  return logger;
}

export const loggerProvider = { provide: APP_LOGGER, useFactory: appLogger };
