import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StoredResponse } from '@conduit/db';
import { DomainError, ErrorCode } from '@conduit/domain';
import type { IdempotencyService, IdempotentRequest } from '@conduit/payments';
import { canonicalForm, canonicalJson } from './canonical-request';
import { originalTransactionOf } from './original-transaction';

/**
 * Runs a payment under an Idempotency-Key when one is given: the first request runs and its
 * answer is stored; a repeat of the same request (compared in canonical form, decision 0030)
 * gets that answer byte for byte, with `Idempotent-Replayed: true`. Errors release the key, so a
 * corrected request can use it again.
 */
export async function sendIdempotent(
  idempotency: IdempotencyService,
  req: FastifyRequest,
  reply: FastifyReply,
  organizationId: string,
  key: string | undefined,
  run: () => Promise<StoredResponse>,
): Promise<void> {
  if (!key) return send(reply, await run(), false);
  const claim = await idempotency.claim(organizationId, key, idempotentRequest(req));
  if (claim.kind === 'replay') return send(reply, claim.response, true);
  let response: StoredResponse;
  try {
    response = await run();
  } catch (err) {
    await idempotency.release(organizationId, key).catch(() => undefined);
    throw err;
  }
  await idempotency.complete(organizationId, key, response);
  send(reply, response, false);
}

function send(reply: FastifyReply, response: StoredResponse, replayed: boolean) {
  if (replayed) reply.header('idempotent-replayed', 'true');
  reply.status(response.status).header('content-type', response.contentType).send(response.body);
}

/**
 * The request as idempotency compares it: method, lower-cased path and the body in canonical form
 * for JSON and form bodies (exact for anything else, such as SOAP's XML). Canonical texts start
 * with a line no request line can be, so they never equal an exact one; `legacy` is the exact
 * text keys claimed before canonical forms were fingerprinted by (decision 0030).
 */
export function idempotentRequest(req: FastifyRequest): IdempotentRequest {
  const line = `${req.method} ${req.url.split('?')[0].toLowerCase()}`;
  const legacy = `${line}\n${rawBody(req)}`;
  const type = (header(req, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
  const body =
    req.body === undefined
      ? undefined
      : type === 'application/json'
        ? `json\n${canonicalJson(req.body)}`
        : type === 'application/x-www-form-urlencoded'
          ? `form\n${canonicalForm(req.body)}`
          : undefined;
  return {
    canonical: body === undefined ? legacy : `${CANONICAL_MARK}\n${line}\n${body}`,
    legacy,
    originalOf: (stored) => originalTransactionOf(req.url, stored),
  };
}

const CANONICAL_MARK = 'canonical/v1';

/** The body as the client sent it, for comparing repeats (kept by the content parsers). */
export function rawBody(req: FastifyRequest): string {
  const raw = (req as FastifyRequest & { rawBody?: string }).rawBody;
  return raw ?? JSON.stringify(req.body ?? null);
}

export function header(req: FastifyRequest, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

export function requireContentType(req: FastifyRequest, expected: string): void {
  const type = (header(req, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== expected) {
    throw new DomainError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, `Content-Type must be ${expected}`);
  }
}
