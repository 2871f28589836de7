import { describe, expect, it } from 'vitest';
import {
  DataKeyCache,
  decryptField,
  encryptField,
  newDataKey,
  rewrapDataKey,
  unwrapDataKey,
} from './envelope';
import { generateMasterKey, parseMasterKeys } from './master-keys';

const PAN = '4111111111111111';
const V1 = generateMasterKey();
const V2 = generateMasterKey();
const ringV1 = parseMasterKeys(`1:${V1}`);
const ringV1V2 = parseMasterKeys(`1:${V1},2:${V2}`);
const ringV2 = parseMasterKeys(`2:${V2}`);

/** The error thrown by `fn`, which must throw. */
function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

/** Every copy of `blob` with one byte flipped, labelled by region. */
function* tampered(blob: Buffer): Generator<[string, Buffer]> {
  for (let i = 0; i < blob.length; i++) {
    const region = i === 0 ? 'format' : i < 13 ? 'IV' : i < 29 ? 'tag' : 'ciphertext';
    const copy = Buffer.from(blob);
    copy[i] ^= 0x01;
    yield [`${region} byte ${i}`, copy];
  }
}

describe('data keys', () => {
  it('wraps a random 32-byte DEK under the current master key and unwraps it', () => {
    const dek = newDataKey(ringV1V2);
    expect(dek.plaintext).toHaveLength(32);
    expect(dek.masterVersion).toBe(2);
    expect(dek.wrapped).toHaveLength(1 + 12 + 16 + 32);
    expect(dek.wrapped[0]).toBe(1);
    expect(dek.wrapped.includes(dek.plaintext)).toBe(false);
    expect(unwrapDataKey(ringV1V2, dek.wrapped, 2)).toEqual(dek.plaintext);
  });

  it('makes a different DEK, and a different wrapping, every time', () => {
    const a = newDataKey(ringV1);
    const b = newDataKey(ringV1);
    expect(a.plaintext.equals(b.plaintext)).toBe(false);
    expect(a.wrapped.subarray(1, 13).equals(b.wrapped.subarray(1, 13))).toBe(false);
  });

  it('refuses a wrapped DEK with any byte changed', () => {
    const { wrapped } = newDataKey(ringV1);
    for (const [where, bad] of tampered(wrapped)) {
      expect(() => unwrapDataKey(ringV1, bad, 1), where).toThrow('Vault data key unwrap failed');
    }
    expect(() => unwrapDataKey(ringV1, wrapped.subarray(0, 60), 1)).toThrow('Vault data key unwrap failed');
    expect(() => unwrapDataKey(ringV1, Buffer.concat([wrapped, Buffer.of(0)]), 1)).toThrow(
      'Vault data key unwrap failed',
    );
  });

  it('binds the wrapping to its master version', () => {
    // Same key material under two version numbers: the AAD alone must tell them apart.
    const sameKeyTwice = parseMasterKeys(`1:${V1}`);
    const relabelled = parseMasterKeys(`7:${V1}`);
    const { wrapped } = newDataKey(sameKeyTwice);
    expect(() => unwrapDataKey(relabelled, wrapped, 7)).toThrow('Vault data key unwrap failed');
    // And a v1 wrapping presented as v2 fails under v2's key.
    const v1 = newDataKey(ringV1);
    expect(() => unwrapDataKey(ringV1V2, v1.wrapped, 2)).toThrow('Vault data key unwrap failed');
  });

  it('names a missing master version without showing key material', () => {
    const { wrapped } = newDataKey(ringV1);
    const error = errorOf(() => unwrapDataKey(ringV2, wrapped, 1));
    expect(error.message).toBe('Vault master key version 1 is not configured');
    expect(() => unwrapDataKey(ringV1, wrapped, 0)).toThrow('positive integer');
  });

  it('still unwraps a v1 DEK after v2 becomes current; rewrapping moves it to v2', () => {
    const v1 = newDataKey(ringV1);
    expect(v1.masterVersion).toBe(1);
    const pan = encryptField(v1.plaintext, 'dek-1', PAN, 'pm:1');

    // v2 added: new DEKs go under v2, the old one still unwraps under v1.
    expect(newDataKey(ringV1V2).masterVersion).toBe(2);
    expect(unwrapDataKey(ringV1V2, v1.wrapped, 1)).toEqual(v1.plaintext);

    const moved = rewrapDataKey(ringV1V2, v1.wrapped, 1);
    expect(moved.masterVersion).toBe(2);
    expect(moved.wrapped.equals(v1.wrapped)).toBe(false);

    // v1 removed from the configuration: the re-wrapped DEK still opens, and so does the PAN.
    const dek = unwrapDataKey(ringV2, moved.wrapped, 2);
    expect(dek).toEqual(v1.plaintext);
    expect(decryptField(dek, 'dek-1', pan, 'pm:1')).toBe(PAN);
    expect(() => unwrapDataKey(ringV2, v1.wrapped, 1)).toThrow('version 1 is not configured');
  });

  it('refuses to rewrap from the wrong version', () => {
    const v1 = newDataKey(ringV1);
    expect(() => rewrapDataKey(ringV1V2, v1.wrapped, 2)).toThrow('Vault data key unwrap failed');
  });
});

describe('field encryption', () => {
  const dek = newDataKey(ringV1).plaintext;

  it('round-trips a PAN (and other UTF-8 text)', () => {
    const blob = encryptField(dek, 'dek-1', PAN, 'pm:abc');
    expect(blob[0]).toBe(1);
    expect(blob).toHaveLength(1 + 12 + 16 + PAN.length);
    expect(blob.toString('latin1')).not.toContain(PAN);
    expect(decryptField(dek, 'dek-1', blob, 'pm:abc')).toBe(PAN);
    const text = 'Zoë Ærø — ✓';
    expect(decryptField(dek, 'dek-1', encryptField(dek, 'dek-1', text, 'x'), 'x')).toBe(text);
  });

  it('encrypts the same PAN differently every time (random IV)', () => {
    const blobs = Array.from({ length: 20 }, () => encryptField(dek, 'dek-1', PAN, 'pm:abc'));
    expect(new Set(blobs.map((b) => b.toString('hex'))).size).toBe(20);
    expect(new Set(blobs.map((b) => b.subarray(1, 13).toString('hex'))).size).toBe(20);
    for (const blob of blobs) expect(decryptField(dek, 'dek-1', blob, 'pm:abc')).toBe(PAN);
  });

  it('fails when any byte of the format, IV, tag or ciphertext changes', () => {
    const blob = encryptField(dek, 'dek-1', PAN, 'pm:abc');
    const regions = new Set<string>();
    for (const [where, bad] of tampered(blob)) {
      regions.add(where.split(' ')[0]);
      expect(() => decryptField(dek, 'dek-1', bad, 'pm:abc'), where).toThrow('Vault decryption failed');
    }
    expect([...regions]).toEqual(['format', 'IV', 'tag', 'ciphertext']);
  });

  it('fails on a truncated, extended or empty blob', () => {
    const blob = encryptField(dek, 'dek-1', PAN, 'pm:abc');
    for (const bad of [
      blob.subarray(0, blob.length - 1),
      blob.subarray(0, 29),
      blob.subarray(0, 10),
      Buffer.concat([blob, Buffer.of(0)]),
      Buffer.alloc(0),
    ]) {
      expect(() => decryptField(dek, 'dek-1', bad, 'pm:abc')).toThrow('Vault decryption failed');
    }
  });

  it('fails in another context (a ciphertext moved to another row)', () => {
    const blob = encryptField(dek, 'dek-1', PAN, 'pm:abc');
    expect(() => decryptField(dek, 'dek-1', blob, 'pm:abd')).toThrow('Vault decryption failed');
  });

  it('fails under another DEK ID, even with the same key', () => {
    const blob = encryptField(dek, 'dek-1', PAN, 'pm:abc');
    expect(() => decryptField(dek, 'dek-2', blob, 'pm:abc')).toThrow('Vault decryption failed');
  });

  it('fails under another DEK', () => {
    const blob = encryptField(dek, 'dek-1', PAN, 'pm:abc');
    const other = newDataKey(ringV1).plaintext;
    expect(() => decryptField(other, 'dek-1', blob, 'pm:abc')).toThrow('Vault decryption failed');
  });

  it('refuses a DEK ID with ":" so DEK ID and context cannot be re-split', () => {
    expect(() => encryptField(dek, 'a:b', PAN, 'c')).toThrow('without ":"');
    expect(() => encryptField(dek, '', PAN, 'c')).toThrow('non-empty');
    expect(() => encryptField(dek, 'a', PAN, '')).toThrow('non-empty');
  });

  it('refuses a key that is not 32 bytes or has been zeroed', () => {
    expect(() => encryptField(Buffer.alloc(16, 1), 'dek-1', PAN, 'x')).toThrow('Data key must be 32 bytes');
    expect(() => encryptField(Buffer.alloc(32), 'dek-1', PAN, 'x')).toThrow('Data key is all zeros');
    expect(() => decryptField(Buffer.alloc(32), 'dek-1', Buffer.alloc(45), 'x')).toThrow('all zeros');
  });

  it('never puts the plaintext, key or ciphertext in a failure', () => {
    const blob = encryptField(dek, 'dek-1', PAN, 'pm:abc');
    const failures = [
      errorOf(() => decryptField(dek, 'dek-1', blob, 'pm:other')),
      errorOf(() => decryptField(dek, 'dek-2', blob, 'pm:abc')),
      errorOf(() => decryptField(newDataKey(ringV1).plaintext, 'dek-1', blob, 'pm:abc')),
      errorOf(() =>
        decryptField(dek, 'dek-1', Buffer.concat([blob.subarray(0, 40), Buffer.of(0)]), 'pm:abc'),
      ),
    ];
    for (const error of failures) {
      expect(error.message).toBe('Vault decryption failed');
      const shown = `${error.message} ${error.stack ?? ''} ${JSON.stringify(error)}`;
      for (const secret of [
        PAN,
        PAN.slice(-4),
        dek.toString('hex'),
        dek.toString('base64'),
        blob.toString('hex'),
        blob.toString('base64'),
      ]) {
        expect(shown).not.toContain(secret);
      }
      expect(error.cause).toBeUndefined();
    }
  });
});

describe('DataKeyCache', () => {
  function clock(start = 0) {
    let now = start;
    return { now: () => now, advance: (ms: number) => (now += ms) };
  }

  it('caches a DEK by ID for the TTL (5 minutes by default)', () => {
    const time = clock();
    const cache = new DataKeyCache({ now: time.now });
    const dek = newDataKey(ringV1).plaintext;
    expect(cache.get('dek-1')).toBeUndefined();
    expect(cache.set('dek-1', dek)).toBe(dek);
    expect(cache.get('dek-1')).toEqual(dek);
    time.advance(5 * 60_000 - 1);
    expect(cache.get('dek-1')).toEqual(dek);
    time.advance(1);
    expect(cache.get('dek-1')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('supports the get ?? set pattern', () => {
    const cache = new DataKeyCache();
    const { plaintext, wrapped } = newDataKey(ringV1);
    const first = cache.get('k') ?? cache.set('k', unwrapDataKey(ringV1, wrapped, 1));
    const second = cache.get('k') ?? cache.set('k', unwrapDataKey(ringV1, wrapped, 1));
    expect(first).toEqual(plaintext);
    expect(second).toEqual(plaintext);
  });

  it('keeps at most maxEntries, dropping the least recently used', () => {
    const cache = new DataKeyCache({ maxEntries: 2 });
    const [a, b, c] = [1, 2, 3].map(() => newDataKey(ringV1).plaintext);
    cache.set('a', a);
    cache.set('b', b);
    cache.get('a'); // a is now more recent than b
    cache.set('c', c);
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toEqual(a);
    expect(cache.get('c')).toEqual(c);
  });

  it('zeroes its own copies on eviction and clear(), never a buffer a caller holds', () => {
    const time = clock();
    const cache = new DataKeyCache({ ttlMs: 1000, maxEntries: 2, now: time.now });
    const dek = newDataKey(ringV1).plaintext;
    const original = Buffer.from(dek);
    cache.set('a', dek);
    const held = cache.get('a')!;

    // Reach into the cache to see its own copy (test only).
    const internal = () =>
      (cache as unknown as { entries: Map<string, { key: Buffer }> }).entries.get('a')?.key;
    const own = internal()!;
    expect(own).not.toBe(dek);
    expect(own).not.toBe(held);

    cache.set('b', newDataKey(ringV1).plaintext);
    cache.set('c', newDataKey(ringV1).plaintext); // evicts a
    expect(own.every((byte) => byte === 0)).toBe(true);
    expect(dek).toEqual(original);
    expect(held).toEqual(original);

    const owns = ['b', 'c'].map(
      (id) => (cache as unknown as { entries: Map<string, { key: Buffer }> }).entries.get(id)!.key,
    );
    cache.clear();
    expect(cache.size).toBe(0);
    for (const key of owns) expect(key.every((byte) => byte === 0)).toBe(true);
  });

  it('a key in use survives an eviction that happens before it is used', async () => {
    const cache = new DataKeyCache({ maxEntries: 1 });
    const { plaintext, wrapped } = newDataKey(ringV1);
    const key = cache.get('a') ?? cache.set('a', unwrapDataKey(ringV1, wrapped, 1));
    await Promise.resolve();
    cache.set('b', newDataKey(ringV1).plaintext); // another request evicts 'a'
    const blob = encryptField(key, 'a', PAN, 'pm:1');
    expect(decryptField(plaintext, 'a', blob, 'pm:1')).toBe(PAN);
  });

  it('replacing an ID zeroes the old copy and keeps the new key', () => {
    const cache = new DataKeyCache();
    const [a, b] = [1, 2].map(() => newDataKey(ringV1).plaintext);
    cache.set('k', a);
    cache.set('k', b);
    expect(cache.size).toBe(1);
    expect(cache.get('k')).toEqual(b);
    cache.delete('k');
    expect(cache.get('k')).toBeUndefined();
  });

  it('refuses bad options and bad keys', () => {
    expect(() => new DataKeyCache({ ttlMs: 0 })).toThrow('ttlMs');
    expect(() => new DataKeyCache({ maxEntries: 0 })).toThrow('maxEntries');
    expect(() => new DataKeyCache().set('k', Buffer.alloc(31, 1))).toThrow('32 bytes');
    expect(() => new DataKeyCache().set('k', Buffer.alloc(32))).toThrow('all zeros');
  });
});
