import { STATUS_CODES } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { NormalizedError } from './normalize';

/**
 * Each transport renders errors in its own format; this is where the admin/console JSON shape
 * lives. NVP, REST and SOAP add their renderers here as they arrive, chosen by path.
 */
export type ErrorRenderer = (
  error: NormalizedError,
  reference: string,
  req: FastifyRequest,
  reply: FastifyReply,
) => void;

export const adminJsonRenderer: ErrorRenderer = (error, reference, _req, reply) => {
  const message =
    error.status === 500 ? `${error.message} with Reference Number ${reference}` : error.message;
  reply.status(error.status).header('content-type', 'application/json; charset=utf-8');
  reply.send({
    statusCode: error.status,
    error: STATUS_CODES[error.status] ?? 'Error',
    message,
    ...(error.fieldErrors.length ? { errors: error.fieldErrors } : {}),
    referenceNumber: reference,
  });
};

export function rendererFor(_path: string): ErrorRenderer {
  return adminJsonRenderer;
}
