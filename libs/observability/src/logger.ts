import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import { currentCorrelationId } from './context';

/**
 * Structured JSON logs. Anything that could hold a secret or card data is redacted by key, and
 * the correlation ID of the current request or job is added to every line.
 */
export const REDACTED_KEYS = [
  'password',
  'secret',
  'apiSecret',
  'token',
  'authorization',
  'cookie',
  'cardNumber',
  'pan',
  'cvn',
  'cardVerificationNumber',
  'trackData',
  'accountNumber',
];

export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  const paths = REDACTED_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`, `req.headers.${k}`]);
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths, censor: '[REDACTED]' },
    mixin: () => {
      const correlationId = currentCorrelationId();
      return correlationId ? { correlationId } : {};
    },
    formatters: { level: (label) => ({ level: label }) },
  });
}

/** Nest's framework logs, routed through the same JSON logger. */
export class JsonNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}
