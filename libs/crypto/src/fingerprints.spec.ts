import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RequestFingerprints } from './fingerprints';
import { parseMasterKeys } from './master-keys';

const key = (fill: number) => Buffer.alloc(32, fill).toString('base64');
const v1 = parseMasterKeys(`1:${key(1)}`);
const v12 = parseMasterKeys(`1:${key(1)},2:${key(2)}`);
const v2 = parseMasterKeys(`2:${key(2)}`);
const body = 'POST /nvp\ncardNumber=4111111111111111&cardVerificationNumber=123&amount=10.00';

describe('RequestFingerprints', () => {
  it('is a keyed HMAC under the current version, not a plain hash of the request', () => {
    const f = new RequestFingerprints(v1).of(body);
    expect(f.keyVersion).toBe(1);
    expect(f.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(f.fingerprint).not.toBe(createHash('sha256').update(body).digest('hex'));
    expect(new RequestFingerprints(v1).of(body)).toEqual(f); // stable across processes
    expect(new RequestFingerprints(v2).of(body).fingerprint).not.toBe(f.fingerprint);
  });

  it('compares a stored fingerprint under its own version after a rotation', () => {
    const old = new RequestFingerprints(v1).of(body);
    const rotated = new RequestFingerprints(v12);
    expect(rotated.of(body).keyVersion).toBe(2);
    expect(rotated.matches(old.keyVersion, old.fingerprint, body)).toBe(true);
    expect(rotated.matches(old.keyVersion, old.fingerprint, `${body}0`)).toBe(false);
    expect(rotated.matches(old.keyVersion, 'abc', body)).toBe(false);
    // Once version 1 is dropped, its rows cannot be compared any more.
    expect(new RequestFingerprints(v2).matches(old.keyVersion, old.fingerprint, body)).toBeNull();
  });

  it('keeps the idempotency fingerprint byte-identical to the one stored since decision 0019', () => {
    // A fixed known value: if this changes, every stored idempotency row stops matching.
    const known = 'f6fc98910b0d60c32a2e25362dc402d941ba5c32a0a2b5741ea1fbd1f5ee41b6';
    expect(new RequestFingerprints(v1).of(body).fingerprint).toBe(known);
    expect(new RequestFingerprints(v1, 'idempotency').of(body).fingerprint).toBe(known);
  });

  it('derives a different key per purpose', () => {
    const code = 'ABCDEFGH';
    const idem = new RequestFingerprints(v1, 'idempotency').of(code).fingerprint;
    const pairing = new RequestFingerprints(v1, 'terminal-pairing').of(code);
    expect(pairing.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(pairing.fingerprint).not.toBe(idem);
    expect(pairing.fingerprint).not.toBe(createHash('sha256').update(code).digest('hex'));
    expect(new RequestFingerprints(v1, 'idempotency').matches(1, pairing.fingerprint, code)).toBe(false);
    expect(new RequestFingerprints(v1, 'terminal-pairing').matches(1, pairing.fingerprint, code)).toBe(true);
  });

  it('offers the fingerprint under every configured version, current first', () => {
    const code = 'ABCDEFGH';
    const old = new RequestFingerprints(v1, 'terminal-pairing').of(code).fingerprint;
    const now = new RequestFingerprints(v2, 'terminal-pairing').of(code).fingerprint;
    expect(new RequestFingerprints(v12, 'terminal-pairing').candidates(code)).toEqual([now, old]);
    expect(new RequestFingerprints(v1, 'terminal-pairing').candidates(code)).toEqual([old]);
  });
});
