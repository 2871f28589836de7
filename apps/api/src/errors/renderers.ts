import { STATUS_CODES } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { renamed } from '@conduit/payments';
import { encodeNvp, soapContentType, soapFault, soapVersionOf } from '@conduit/wire';
import type { NormalizedError } from './normalize';
import { restFieldName } from '../rest/rest-fields';

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
    // Always present, like REST's `Errors`: clients read one shape (admin/openapi `AdminError`).
    errors: error.fieldErrors.map(({ field, message: m }) => ({ field, message: m })),
    referenceNumber: reference,
  });
};

/** nvp.md: `errorCode=<status>&errorMessage=<text>&referenceNumber=<ref>`, status = errorCode. */
export const nvpRenderer: ErrorRenderer = (error, reference, _req, reply) => {
  const message =
    error.status === 500 ? `${error.message} with Reference Number ${reference}` : error.message;
  if (error.status === 401) reply.header('www-authenticate', 'Basic realm="Conduit", charset="UTF-8"');
  reply.status(error.status).header('content-type', 'application/x-www-form-urlencoded; charset=utf-8');
  reply.send(
    encodeNvp([
      ['errorCode', error.status],
      ['errorMessage', message],
      ['referenceNumber', reference],
      ['transactionID', error.transactionId],
    ]),
  );
};

/**
 * rest.md: `{ErrorCode, ErrorMessage, ReferenceNumber, Errors: [{Field, Message}]}`. A field the
 * core names in its NVP spelling (a rule deep in the core, not the edge's parser) is re-spelled
 * as REST names it, in the field and at the head of its message, so REST never shows NVP names.
 */
export const restRenderer: ErrorRenderer = (error, reference, _req, reply) => {
  const fields = error.fieldErrors.map((e) => renamed(e, restFieldName));
  const message =
    error.status === 500
      ? `${error.message} with Reference Number ${reference}`
      : fields.length && error.message === error.fieldErrors.map((e) => e.message).join('; ')
        ? fields.map((e) => e.message).join('; ')
        : error.message;
  reply.status(error.status).header('content-type', 'application/json; charset=utf-8');
  reply.send({
    ErrorCode: error.status,
    ErrorMessage: message,
    ReferenceNumber: reference,
    Errors: fields.map((e) => ({ Field: e.field, Message: e.message })),
    ...(error.transactionId ? { TransactionID: error.transactionId } : {}),
  });
};

/** soap.md: a fault in the request's SOAP version; HTTP 500 (401 for authentication). */
export const soapRenderer: ErrorRenderer = (error, reference, req, reply) => {
  const version = soapVersionOf(req.headers['content-type']);
  const message =
    error.status === 500 ? `${error.message} with Reference Number ${reference}` : error.message;
  if (error.status === 401) reply.header('www-authenticate', 'Basic realm="Conduit", charset="UTF-8"');
  reply
    .status(error.status === 401 ? 401 : 500)
    .header('content-type', soapContentType(version))
    .send(soapFault(version, error.status < 500, message, error.status, reference));
};

export function rendererFor(path: string): ErrorRenderer {
  const lower = path.toLowerCase();
  if (lower.endsWith('.asmx')) return soapRenderer;
  if (lower === '/payment/nvp.aspx' || lower === '/nvp' || lower === '/sso') return nvpRenderer;
  if (lower === '/rest' || lower.startsWith('/rest/')) return restRenderer;
  return adminJsonRenderer;
}
