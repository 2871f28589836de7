import { hash, randomBytes, randomInt } from 'node:crypto';

const REFERENCE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Support reference number: 10 upper-case alphanumerics (spec README), logged with the cause. */
export function referenceNumber(): string {
  let out = '';
  for (let i = 0; i < 10; i++) out += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return out;
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** One-shot `crypto.hash` (Node ≥ 20.12): a third of `createHash`'s cost, on every API call. */
export function sha256Hex(value: string): string {
  return hash('sha256', value, 'hex');
}

/** REST key pairs: a public `ak_test_…`/`ak_live_…` key and a secret shown once. */
export function newApiKeyPair(live: boolean): { apiKey: string; apiSecret: string } {
  const mode = live ? 'live' : 'test';
  return {
    apiKey: `ak_${mode}_${randomBytes(12).toString('hex')}`,
    apiSecret: `sk_${mode}_${randomToken(24)}`,
  };
}

export function newAccountPassword(): string {
  return randomToken(18);
}
