import { randomBytes } from 'node:crypto';

/**
 * Card-vault master keys (VAULT_MASTER_KEYS): `1:<base64 32 bytes>,2:<base64 32 bytes>`.
 * The highest version is current: new data keys are wrapped under it, older versions stay
 * only so existing data keys can still be unwrapped until they are re-wrapped.
 *
 * Rotation (see `rewrapDataKey` in envelope.ts):
 *   1. Make a key with `generateMasterKey()` and append it as the next version
 *      (`1:<old>,2:<new>`) in every api and worker instance; v2 is current from then on. Until
 *      every instance has the new list, one still on `1:<old>` cannot open a card stored under a
 *      data key that an updated instance wrapped under v2, so roll it out to all at once.
 *   2. Re-wrap every data key still wrapped under an older version (`npm run vault:rotate`,
 *      scripts/vault-rotate.mjs, with `rewrapDataKey`). PAN ciphertexts are not touched.
 *   3. When no data key is wrapped under v1 any more, remove `1:<old>` from the configuration.
 *
 * Error messages name entry positions and versions only, never the configured text.
 */
export interface MasterKeyRing {
  /** The highest configured version; new data keys are wrapped under it. */
  readonly current: number;
  /** A copy of the key of `version` (the caller may zero it); throws if not configured. */
  get(version: number): Buffer;
  /** Configured versions, ascending. */
  versions(): number[];
}

export const MASTER_KEY_BYTES = 32;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const VERSION = /^[1-9][0-9]{0,8}$/;

/** A copy outside Node's shared small-buffer pool, so zeroing it touches nothing else. */
function copyKey(key: Buffer): Buffer {
  const copy = Buffer.alloc(key.length);
  key.copy(copy);
  return copy;
}

export function generateMasterKey(): string {
  return randomBytes(MASTER_KEY_BYTES).toString('base64');
}

/** Strict standard base64 (Buffer.from alone skips characters it does not know). */
function decodeBase64(text: string): Buffer | null {
  if (text === '' || !BASE64.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  if (bytes.toString('base64') !== text) {
    bytes.fill(0);
    return null;
  }
  return bytes;
}

export function parseMasterKeys(raw: string): MasterKeyRing {
  if (typeof raw !== 'string' || raw.trim() === '') {
    throw new Error('Vault master keys: no keys configured');
  }
  const keys = new Map<number, Buffer>();
  const entries = raw.trim().split(',');
  try {
    entries.forEach((entry, index) => {
      const where = `entry ${index + 1}`;
      const separator = entry.indexOf(':');
      if (separator < 0)
        throw new Error(`Vault master keys: ${where} is not in the form <version>:<base64 key>`);
      const versionText = entry.slice(0, separator).trim();
      const keyText = entry.slice(separator + 1).trim();
      if (!VERSION.test(versionText)) {
        throw new Error(`Vault master keys: ${where} has no valid version (a positive integer)`);
      }
      const version = Number(versionText);
      if (keys.has(version)) throw new Error(`Vault master keys: version ${version} is configured twice`);
      const key = decodeBase64(keyText);
      if (!key) throw new Error(`Vault master keys: the key of version ${version} is not valid base64`);
      if (key.length !== MASTER_KEY_BYTES) {
        key.fill(0);
        throw new Error(`Vault master keys: the key of version ${version} must decode to exactly 32 bytes`);
      }
      if (key.every((byte) => byte === 0)) {
        throw new Error(`Vault master keys: the key of version ${version} is all zeros`);
      }
      for (const [other, existing] of keys) {
        if (existing.equals(key)) {
          key.fill(0);
          throw new Error(`Vault master keys: versions ${other} and ${version} have the same key`);
        }
      }
      keys.set(version, key);
    });
  } catch (error) {
    // Do not leave the keys read so far in memory when the configuration is refused.
    for (const key of keys.values()) key.fill(0);
    throw error;
  }

  const sorted = [...keys.keys()].sort((a, b) => a - b);
  const current = sorted[sorted.length - 1];
  // The keys live only in this closure: the ring has no property that prints or serialises them.
  return Object.freeze({
    current,
    get(version: number): Buffer {
      const key = keys.get(version);
      if (!key) throw new Error(`Vault master key version ${String(version)} is not configured`);
      return copyKey(key);
    },
    versions: () => [...sorted],
  });
}
