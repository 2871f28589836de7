import { createHmac, randomBytes } from 'node:crypto';

const PREFIX = 'whsec_';

/** A new signing secret: `whsec_` + base64 of 32 random bytes (Standard Webhooks). */
export function newSigningSecret(): string {
  return PREFIX + randomBytes(32).toString('base64');
}

export function isSigningSecret(value: string): boolean {
  if (!value.startsWith(PREFIX)) return false;
  const raw = value.slice(PREFIX.length);
  return /^[A-Za-z0-9+/]+={0,2}$/.test(raw) && Buffer.from(raw, 'base64').length >= 24;
}

/** `v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">` keyed by the secret's base64 part. */
export function signPayload(secret: string, msgId: string, timestampSec: number, body: string): string {
  const key = Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, 'base64');
  const mac = createHmac('sha256', key).update(`${msgId}.${timestampSec}.${body}`).digest('base64');
  return `v1,${mac}`;
}

/** Every secret's signature, space-separated (current first; the previous one during rotation). */
export function signatureHeader(
  secrets: string[],
  msgId: string,
  timestampSec: number,
  body: string,
): string {
  return secrets.map((s) => signPayload(s, msgId, timestampSec, body)).join(' ');
}

export function webhookHeaders(p: {
  msgId: string;
  timestampSec: number;
  body: string;
  secrets: string[];
}): Record<string, string> {
  return {
    'webhook-id': p.msgId,
    'webhook-timestamp': String(p.timestampSec),
    'webhook-signature': signatureHeader(p.secrets, p.msgId, p.timestampSec, p.body),
  };
}
