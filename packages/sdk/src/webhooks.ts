import { ConduitError } from './errors.js';
import type { WebhookEvent, WebhookFormat } from './webhook-event.js';

/** Headers as a receiver has them: a fetch Headers, or Node's / a framework's plain object. */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

export interface VerifyOptions {
  /** How far webhook-timestamp may be from now, either way; default 300 s (Standard Webhooks). */
  toleranceSeconds?: number;
  /** The clock, for tests. */
  now?: () => number;
}

const SECRET_PREFIX = 'whsec_';
const encoder = new TextEncoder();

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const record = headers as Record<string, string | string[] | undefined>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  return Array.isArray(value) ? value[0] : value;
}

function fromBase64(text: string): Uint8Array | undefined {
  try {
    const binary = atob(text);
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

function invalid(message: string): ConduitError {
  return new ConduitError({ status: 0, code: 'invalid_signature', message });
}

/** The signature was good but the body is not an event. */
function unreadable(message: string): ConduitError {
  return new ConduitError({ status: 0, code: 'invalid_response', message });
}

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** True when one of the `v1,<base64>` signatures is the HMAC of the signed content under `secret`. */
async function signedBy(secret: string, content: Uint8Array<ArrayBuffer>, signatures: Uint8Array[]) {
  const raw = fromBase64(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret);
  if (!raw || raw.length === 0) throw invalid('The webhook signing secret is not a whsec_ base64 secret');
  const key = await crypto.subtle.importKey('raw', concat(raw), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'verify',
  ]);
  for (const signature of signatures)
    // WebCrypto's verify compares in constant time.
    if (await crypto.subtle.verify('HMAC', key, concat(signature), content)) return true;
  return false;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function xmlText(text: string): string {
  return text.replace(/&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g, (_, name, dec, hex) =>
    name ? XML_ENTITIES[name] : String.fromCodePoint(dec ? Number(dec) : parseInt(hex, 16)),
  );
}

/** The body's format: from its Content-Type when there is one, else from its first character. */
export function webhookFormat(body: string, contentType?: string): WebhookFormat {
  const type = (contentType ?? '').toLowerCase();
  if (type.includes('json')) return 'JSON';
  if (type.includes('xml')) return 'XML';
  if (type.includes('x-www-form-urlencoded')) return 'NVP';
  const first = body.trimStart()[0];
  return first === '{' ? 'JSON' : first === '<' ? 'XML' : 'NVP';
}

/** The event's fields from a JSON, XML (`<PaymentTransaction>`) or NVP body. */
export function parseWebhookBody(body: string, format: WebhookFormat): WebhookEvent {
  let fields: Record<string, unknown>;
  if (format === 'JSON') {
    try {
      fields = JSON.parse(body) as Record<string, unknown>;
    } catch {
      throw unreadable('The webhook body is not JSON');
    }
    if (!fields || typeof fields !== 'object' || Array.isArray(fields))
      throw unreadable('The webhook body is not a JSON object');
  } else if (format === 'XML') {
    const inner = /<PaymentTransaction>([\s\S]*)<\/PaymentTransaction>/.exec(body)?.[1];
    if (inner === undefined) throw unreadable('The XML webhook body has no PaymentTransaction element');
    fields = {};
    for (const m of inner.matchAll(/<([A-Za-z0-9_]+)>([\s\S]*?)<\/\1>/g)) fields[m[1]] = xmlText(m[2]);
  } else {
    fields = Object.fromEntries(new URLSearchParams(body));
  }
  // XML and NVP carry text only; the one boolean is made a boolean, as in JSON.
  if (typeof fields.IsPartiallyApproved === 'string')
    fields.IsPartiallyApproved = fields.IsPartiallyApproved === 'true';
  return fields as WebhookEvent;
}

/**
 * Verifies a webhook's Standard Webhooks signature and answers its event.
 *
 * `rawBody` must be the exact bytes received (read the body raw, before any JSON or form
 * parser). `secret` is the endpoint's `whsec_…` signing secret; during a rotation pass both the
 * new and the old one. Throws a ConduitError `invalid_signature` when no signature matches, a
 * header is missing, or the timestamp is further than the tolerance from now (a replay).
 */
export async function verifyWebhook(
  rawBody: string | Uint8Array,
  headers: WebhookHeaders,
  secret: string | string[],
  options: VerifyOptions = {},
): Promise<WebhookEvent> {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatureHeader = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatureHeader)
    throw invalid('The webhook-id, webhook-timestamp and webhook-signature headers are required');
  if (!/^\d+$/.test(timestamp)) throw invalid('webhook-timestamp is not a number of seconds');
  const now = Math.floor((options.now ?? Date.now)() / 1000);
  const tolerance = options.toleranceSeconds ?? 300;
  if (Math.abs(now - Number(timestamp)) > tolerance)
    throw invalid(`webhook-timestamp is more than ${tolerance} s from now`);
  const signatures = signatureHeader
    .split(' ')
    .filter((s) => s.startsWith('v1,'))
    .map((s) => fromBase64(s.slice(3)))
    .filter((s): s is Uint8Array => s !== undefined);
  const body = typeof rawBody === 'string' ? encoder.encode(rawBody) : rawBody;
  const content = concat(encoder.encode(`${id}.${timestamp}.`), body);
  const secrets = Array.isArray(secret) ? secret : [secret];
  if (secrets.length === 0) throw invalid('No webhook signing secret given');
  let matched = false;
  for (const s of secrets) if (!matched && (await signedBy(s, content, signatures))) matched = true;
  if (!matched) throw invalid('The webhook signature does not match');
  const text = typeof rawBody === 'string' ? rawBody : new TextDecoder().decode(rawBody);
  return parseWebhookBody(text, webhookFormat(text, header(headers, 'content-type')));
}

/** `conduit.webhooks.verify(…)`: the same as verifyWebhook, for those who hold a client. */
export class Webhooks {
  verify(
    rawBody: string | Uint8Array,
    headers: WebhookHeaders,
    secret: string | string[],
    options?: VerifyOptions,
  ): Promise<WebhookEvent> {
    return verifyWebhook(rawBody, headers, secret, options);
  }
}
