import { describe, expect, it, vi } from 'vitest';
import * as crypto from '@conduit/crypto';
import { VerifiedSecrets } from './verified-secrets';

vi.mock('@conduit/crypto', async (original) => {
  const actual = await original<typeof import('@conduit/crypto')>();
  return { ...actual, verifySecret: vi.fn(actual.verifySecret) };
});

describe('VerifiedSecrets', () => {
  it('shares one hash check among concurrent requests with the same secret, then remembers it', async () => {
    const stored = await crypto.hashSecret('s3cret-value');
    const calls = vi.mocked(crypto.verifySecret);
    calls.mockClear();
    const verified = new VerifiedSecrets();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => verified.verify('s3cret-value', stored)),
    );
    expect(answers.every(Boolean)).toBe(true);
    expect(calls).toHaveBeenCalledTimes(1);
    expect(verified.isFresh('s3cret-value', stored)).toBe(true);
  });

  it('does not share a check between different secrets, and remembers no failure', async () => {
    const stored = await crypto.hashSecret('right-secret');
    const calls = vi.mocked(crypto.verifySecret);
    calls.mockClear();
    const verified = new VerifiedSecrets();
    const [wrong, right] = await Promise.all([
      verified.verify('wrong-secret', stored),
      verified.verify('right-secret', stored),
    ]);
    expect([wrong, right]).toEqual([false, true]);
    expect(calls).toHaveBeenCalledTimes(2);
    expect(verified.isFresh('wrong-secret', stored)).toBe(false);
    expect(await verified.verify('wrong-secret', stored)).toBe(false);
    expect(calls).toHaveBeenCalledTimes(3);
  });
});
