import { HttpException } from '@nestjs/common';
import { DomainError, ErrorCode, type FieldError, httpStatusOf } from '@conduit/domain';

/** Any thrown thing, reduced to what a transport needs to render an error. */
export interface NormalizedError {
  status: number;
  code: ErrorCode | 'HTTP' | 'INTERNAL';
  message: string;
  fieldErrors: FieldError[];
  retryAfterSeconds?: number;
  /** The cause, for the server log only. */
  cause?: unknown;
}

const FASTIFY_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'Request body is larger than the 64 KiB limit',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Unsupported Content-Type for this endpoint',
  FST_ERR_CTP_INVALID_JSON_BODY: 'Request body is not valid JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Request body is empty but Content-Type is application/json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Content-Length does not match the body',
};

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
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status >= 500) return internal(exception);
    const message = status === 401 ? 'Authentication required' : nestMessage(exception);
    return { status, code: 'HTTP', message, fieldErrors: [] };
  }
  const fastify = exception as { statusCode?: number; code?: string; message?: string };
  if (typeof fastify?.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500) {
    const message =
      (fastify.code && FASTIFY_MESSAGES[fastify.code]) ||
      (exception instanceof SyntaxError || /JSON/i.test(fastify.message ?? '')
        ? 'Request body is not valid JSON'
        : 'Bad request');
    return { status: fastify.statusCode, code: 'HTTP', message, fieldErrors: [] };
  }
  return internal(exception);
}

function internal(cause: unknown): NormalizedError {
  return { status: 500, code: 'INTERNAL', message: 'An unexpected error occurred', fieldErrors: [], cause };
}
