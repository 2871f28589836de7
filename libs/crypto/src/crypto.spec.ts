import { describe, expect, it } from 'vitest';
import { hashSecret, verifySecret } from './passwords';
import { newApiKeyPair, referenceNumber, sha256Hex } from './tokens';

describe('secret hashing (scrypt)', () => {
  it('verifies the right secret and refuses a wrong one', async () => {
    const hash = await hashSecret('correct horse battery');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(hash).not.toContain('correct horse');
    expect(await verifySecret('correct horse battery', hash)).toBe(true);
    expect(await verifySecret('correct horse batterY', hash)).toBe(false);
  });

  it('salts each hash', async () => {
    expect(await hashSecret('same')).not.toBe(await hashSecret('same'));
  });

  it('refuses malformed stored hashes instead of throwing', async () => {
    expect(await verifySecret('x', 'plain-text')).toBe(false);
    expect(await verifySecret('x', 'bcrypt$1$2$3$4$5')).toBe(false);
  });
});

describe('tokens', () => {
  it('makes 10-character upper-case alphanumeric reference numbers', () => {
    for (let i = 0; i < 50; i++) expect(referenceNumber()).toMatch(/^[A-Z0-9]{10}$/);
  });

  it('makes test-mode API key pairs', () => {
    const { apiKey, apiSecret } = newApiKeyPair(false);
    expect(apiKey).toMatch(/^ak_test_[0-9a-f]{24}$/);
    expect(apiSecret).toMatch(/^sk_test_/);
  });

  it('hashes with SHA-256', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
