import type { FastifyReply, FastifyRequest } from 'fastify';
import { referenceNumber } from '@conduit/crypto';
import { loggedPath, type Logger, scrubText } from '@conduit/observability';
import { normalizeError } from './normalize';
import { rendererFor } from './renderers';

/**
 * The one place errors leave the api, for Nest's exception filter and for the routes Fastify
 * serves directly alike. Every error gets a reference number that is logged with its cause;
 * clients never see a stack trace or an internal message.
 */
export function renderError(logger: Logger, exception: unknown, req: FastifyRequest, reply: FastifyReply) {
  const error = normalizeError(exception);
  const reference = referenceNumber();
  const path = req.url.split('?')[0];
  // Logged as the access log logs it (no query, no token), and free text scrubbed: a message
  // can quote what the request carried.
  const fields = {
    referenceNumber: reference,
    status: error.status,
    code: error.code,
    method: req.method,
    path: loggedPath(req.url),
  };
  if (error.status >= 500) {
    const cause =
      error.cause instanceof Error
        ? { message: scrubText(error.cause.message), stack: scrubText(error.cause.stack ?? '') }
        : { value: scrubText(String(error.cause)) };
    logger.error({ ...fields, cause }, 'request failed');
  } else {
    logger.warn({ ...fields, reason: scrubText(error.message) }, 'request refused');
  }
  if (reply.sent) return;
  if (error.retryAfterSeconds) reply.header('retry-after', String(error.retryAfterSeconds));
  rendererFor(path)(error, reference, req, reply);
}
