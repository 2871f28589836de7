import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { generateMasterKey, parseMasterKeys } from './master-keys';

const key = (fill: number) => Buffer.alloc(32, fill).toString('base64');

/** The error thrown by `fn`, which must throw. */
function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('generateMasterKey', () => {
  it('makes base64 of 32 random bytes that parses', () => {
    const a = generateMasterKey();
    const b = generateMasterKey();
    expect(Buffer.from(a, 'base64')).toHaveLength(32);
    expect(a).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(a).not.toBe(b);
    expect(parseMasterKeys(`1:${a},2:${b}`).versions()).toEqual([1, 2]);
  });
});

describe('parseMasterKeys', () => {
  it('reads versioned keys; the highest version is current', () => {
    const ring = parseMasterKeys(`2:${key(2)},1:${key(1)}`);
    expect(ring.current).toBe(2);
    expect(ring.versions()).toEqual([1, 2]);
    expect(ring.get(1)).toEqual(Buffer.alloc(32, 1));
    expect(ring.get(2)).toEqual(Buffer.alloc(32, 2));
  });

  it('tolerates surrounding whitespace and a trailing newline (a secret file)', () => {
    const ring = parseMasterKeys(` 1:${key(1)} ,\n 3:${key(3)}\n`);
    expect(ring.current).toBe(3);
    expect(ring.versions()).toEqual([1, 3]);
  });

  it('hands out copies, so a caller cannot change or wipe the ring', () => {
    const ring = parseMasterKeys(`1:${key(1)}`);
    ring.get(1).fill(0);
    ring.versions().push(9);
    expect(ring.get(1)).toEqual(Buffer.alloc(32, 1));
    expect(ring.versions()).toEqual([1]);
  });

  it('does not show key material when the ring is printed or serialised', () => {
    const secret = generateMasterKey();
    const ring = parseMasterKeys(`1:${secret}`);
    const hex = Buffer.from(secret, 'base64').toString('hex');
    for (const shown of [
      JSON.stringify(ring),
      String(Object.values(ring)),
      inspect(ring, { showHidden: true, depth: 5 }),
    ]) {
      expect(shown).not.toContain(secret);
      expect(shown).not.toContain(hex);
    }
  });

  it('refuses an unknown version', () => {
    expect(() => parseMasterKeys(`1:${key(1)}`).get(2)).toThrow(
      'Vault master key version 2 is not configured',
    );
  });

  const secret = randomBytes(32).toString('base64');
  const cases: [string, string, RegExp][] = [
    ['empty', '', /no keys configured/],
    ['blank', '  \n', /no keys configured/],
    ['a key without a version', secret, /entry 1 is not in the form/],
    ['a trailing comma', `1:${secret},`, /entry 2 is not in the form/],
    ['version 0', `0:${secret}`, /entry 1 has no valid version/],
    ['a negative version', `-1:${secret}`, /entry 1 has no valid version/],
    ['a fractional version', `1.5:${secret}`, /entry 1 has no valid version/],
    ['key and version swapped', `${secret}:1`, /entry 1 has no valid version/],
    ['a duplicate version', `1:${secret},1:${key(1)}`, /version 1 is configured twice/],
    ['bad base64 characters', `1:${secret.slice(0, 40)}*!?=`, /version 1 is not valid base64/],
    ['base64url instead of base64', `1:${Buffer.alloc(32, 0xfb).toString('base64url')}`, /not valid base64/],
    ['missing padding', `1:${secret.replace(/=$/, '')}`, /version 1 is not valid base64/],
    ['no key', '1:', /version 1 is not valid base64/],
    [
      'non-canonical base64 (a changed last character)',
      `1:${key(1).replace(/E=$/, 'F=')}`,
      /version 1 is not valid base64/,
    ],
    ['16 bytes', `1:${randomBytes(16).toString('base64')}`, /version 1 must decode to exactly 32 bytes/],
    ['33 bytes', `1:${randomBytes(33).toString('base64')}`, /version 1 must decode to exactly 32 bytes/],
    ['64 bytes', `1:${randomBytes(64).toString('base64')}`, /version 1 must decode to exactly 32 bytes/],
    ['an all-zero key', `1:${key(0)}`, /version 1 is all zeros/],
    ['the same key twice', `1:${secret},2:${secret}`, /versions 1 and 2 have the same key/],
  ];

  it.each(cases)('refuses %s without showing key material', (_name, raw, message) => {
    const error = errorOf(() => parseMasterKeys(raw));
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain(secret);
    expect(error.message).not.toContain(secret.slice(0, 8));
    expect(error.message).not.toContain(Buffer.from(secret, 'base64').toString('hex').slice(0, 8));
    // Nothing that looks like key text (a long base64 or hex run) appears at all.
    expect(error.message).not.toMatch(/[A-Za-z0-9+/_=-]{12,}/);
  });
});
