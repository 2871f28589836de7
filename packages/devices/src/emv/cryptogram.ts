import { createHmac } from 'node:crypto';

/** The sandbox issuer's documented key (devices.md): real issuers' keys never leave an HSM. */
export const SANDBOX_ISSUER_KEY = 'sandbox-issuer-key-0001';

/** The data objects the sandbox cryptogram covers, in the order they are joined. */
export const CRYPTOGRAM_TAGS = ['9F02', '5F2A', '9A', '9C', '9F37', '9F36', '5A'] as const;

export type CryptogramInput = Record<(typeof CRYPTOGRAM_TAGS)[number], string>;

/**
 * The sandbox application cryptogram (9F26): the first 8 bytes of HMAC-SHA256, keyed with the
 * UTF-8 bytes of the sandbox issuer key, over the upper-case hex values of 9F02, 5F2A, 9A, 9C,
 * 9F37, 9F36 and 5A joined by "|". Answers upper-case hex (16 characters).
 */
export function sandboxCryptogram(values: CryptogramInput, key: string = SANDBOX_ISSUER_KEY): string {
  const message = CRYPTOGRAM_TAGS.map((tag) => values[tag].toUpperCase()).join('|');
  return createHmac('sha256', Buffer.from(key, 'utf8'))
    .update(message, 'utf8')
    .digest()
    .subarray(0, 8)
    .toString('hex')
    .toUpperCase();
}
