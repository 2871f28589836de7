import { createHmac, timingSafeEqual } from 'node:crypto';
import type { EmvSignedData, ResponseCode } from '@conduit/domain';
import { encodeTlv } from '@conduit/domain';

/** The documented sandbox issuer key (devices.md): test terminals sign with it, so it is public. */
export const SANDBOX_ISSUER_KEY = 'sandbox-issuer-key-0001';

const hmac = (text: string) =>
  createHmac('sha256', Buffer.from(SANDBOX_ISSUER_KEY, 'utf8')).update(text).digest();

/**
 * The sandbox application cryptogram (9F26): the first 8 bytes of HMAC-SHA256 over the
 * upper-case hex of 9F02|5F2A|9A|9C|9F37|9F36|5A, as upper-case hex.
 */
export function sandboxCryptogram(d: EmvSignedData): string {
  const text = [d.amount, d.currency, d.date, d.type, d.unpredictableNumber, d.atc, d.pan]
    .map((v) => v.toUpperCase())
    .join('|');
  return hmac(text).subarray(0, 8).toString('hex').toUpperCase();
}

/** Whether a cryptogram is the one the sandbox issuer would have computed (constant time). */
export function sandboxCryptogramValid(cryptogram: string, signed: EmvSignedData): boolean {
  const expected = Buffer.from(sandboxCryptogram(signed), 'hex');
  const given = Buffer.from(cryptogram, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The issuer's answer for the card's second step: 8A (the authorisation response code, two
 * characters: the last two digits of ours) and 91 (issuer authentication data: an 8-byte ARPC,
 * the first 8 bytes of HMAC-SHA256 over "ARQC|8A", then the two 8A bytes).
 */
export function sandboxIssuerResponse(cryptogram: string, code: ResponseCode): string {
  const arc = Buffer.from(code.slice(-2), 'ascii');
  const arpc = hmac(`${cryptogram.toUpperCase()}|${arc.toString('hex').toUpperCase()}`).subarray(0, 8);
  return encodeTlv([
    { tag: '8A', value: arc },
    { tag: '91', value: Buffer.concat([arpc, arc]) },
  ]);
}
