import { createLogger, type Logger } from '@conduit/observability';

export const GATEWAY_LOGGER = Symbol('GATEWAY_LOGGER');

let logger: Logger | null = null;
export function gatewayLogger(): Logger {
  logger ??= createLogger('file-gateway');
  return logger;
}
