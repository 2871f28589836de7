import { HttpException } from '@nestjs/common';
import { DomainError, ErrorCode, type FieldError, httpStatusOf } from '@conduit/domain';

/** Any thrown thing, reduced to what a transport needs to render an error. */
export interface NormalizedError {
  status: number;
  code: ErrorCode | 'HTTP' | 'INTERNAL';
  message: string;
  fieldErrors: FieldError[];
  retryAfterSeconds?: number;
  /** The transaction the error is about, rendered as a field of the error body. */
  transactionId?: string;
  /** The cause, for the server log only. */
  cause?: unknown;
}

/**
 * Fastify's body-parsing refusals, reworded for vendors. Nest re-throws them as HttpException
 * with Fastify's message, so they are recognised by message as well as by code.
 */
const FASTIFY_REFUSALS: [code: string, fastifyMessage: RegExp, ours: string][] = [
  [
    'FST_ERR_CTP_BODY_TOO_LARGE',
    /^Request body is too large/,
    'Request body is larger than this endpoint allows (64 KiB; 4 MiB for a payment sale, which may carry check images)',
  ],
  ['FST_ERR_CTP_INVALID_MEDIA_TYPE', /^Unsupported Media Type/, 'Unsupported Content-Type for this endpoint'],
  ['FST_ERR_CTP_INVALID_JSON_BODY', /^Body is not valid JSON/, 'Request body is not valid JSON'],
  [
    'FST_ERR_CTP_EMPTY_JSON_BODY',
    /^Body cannot be empty/,
    'Request body is empty but Content-Type is application/json',
  ],
  [
    'FST_ERR_CTP_INVALID_CONTENT_LENGTH',
    /^Request body size did not match/,
    'Content-Length does not match the body',
  ],
];

/** Nest's messages for a request no route takes; they end in the request's whole URL. */
const NO_ROUTE = /^Cannot [A-Z]+ /;
export const NO_ROUTE_MESSAGE = 'No such endpoint: check the method and path';

function reworded(code: string | undefined, message: string): string | undefined {
  return FASTIFY_REFUSALS.find(([c, m]) => c === code || m.test(message))?.[2];
}

function nestMessage(exception: HttpException): string {
  const body = exception.getResponse();
  if (typeof body === 'string') return body;
  const message = (body as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  if (typeof message === 'string') return message;
  return exception.message;
}

export function normalizeError(exception: unknown): NormalizedError {
  if (exception instanceof DomainError) {
    return {
      status: httpStatusOf[exception.code],
      code: exception.code,
      message: exception.message,
      fieldErrors: exception.details.fieldErrors ?? [],
      retryAfterSeconds: exception.details.retryAfterSeconds,
      transactionId: exception.details.transactionId,
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status >= 500) return internal(exception);
    const raw = nestMessage(exception);
    const message =
      status === 401
        ? 'Authentication required'
        : // The router's "Cannot GET /path?query": the URL can carry a card number or a token.
          status === 404 && NO_ROUTE.test(raw)
          ? NO_ROUTE_MESSAGE
          : (reworded(undefined, raw) ?? raw);
    return { status, code: 'HTTP', message, fieldErrors: [] };
  }
  const fastify = exception as { statusCode?: number; code?: string; message?: string };
  if (typeof fastify?.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500) {
    const message = reworded(fastify.code, fastify.message ?? '') ?? 'Bad request';
    return { status: fastify.statusCode, code: 'HTTP', message, fieldErrors: [] };
  }
  return internal(exception);
}

function internal(cause: unknown): NormalizedError {
  return { status: 500, code: 'INTERNAL', message: 'An unexpected error occurred', fieldErrors: [], cause };
}
