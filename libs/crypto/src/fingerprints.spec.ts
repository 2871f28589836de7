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
});
