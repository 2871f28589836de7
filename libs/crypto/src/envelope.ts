import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { MasterKeyRing } from './master-keys';

/**
 * Envelope encryption for the card vault. A field (the PAN) is encrypted with AES-256-GCM under
 * a data key (DEK); the DEK is stored wrapped (AES-256-GCM) under a master key from
 * VAULT_MASTER_KEYS, with the master key version beside it. Rotating the master key only
 * re-wraps the DEKs (`rewrapDataKey`); field ciphertexts are not touched.
 *
 * Both blobs have the same layout: `[1 byte format=1][12 IV][16 tag][ciphertext]`.
 * - A wrapped DEK is authenticated with `conduit-dek:v<masterVersion>`, so it cannot be presented
 *   as wrapped under another version.
 * - A field is authenticated with `conduit-field:<dekId>:<context>`; the context is the row it
 *   belongs to (e.g. `pm:<payment method ID>`), so a ciphertext copied to another row, or paired
 *   with another DEK record, does not decrypt.
 *
 * Failures never carry plaintext, key bytes or ciphertext in their messages.
 */

const FORMAT = 1;
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;
export const DATA_KEY_BYTES = 32;
const WRAPPED_KEY_BYTES = HEADER_BYTES + DATA_KEY_BYTES;

const DECRYPTION_FAILED = 'Vault decryption failed';
const UNWRAP_FAILED = 'Vault data key unwrap failed';

export interface NewDataKey {
  /** The DEK itself: keep it in memory only (DataKeyCache), never store or log it. */
  plaintext: Buffer;
  /** What to store: the DEK wrapped under the current master key. */
  wrapped: Buffer;
  masterVersion: number;
}

/** A copy outside Node's shared small-buffer pool, so zeroing it touches nothing else. */
function copyKey(key: Buffer): Buffer {
  const copy = Buffer.alloc(key.length);
  key.copy(copy);
  return copy;
}

function assertKey(key: Buffer, what: string): void {
  if (!Buffer.isBuffer(key) || key.length !== DATA_KEY_BYTES) throw new Error(`${what} must be 32 bytes`);
  // An all-zero key is a key that has been wiped (or never filled): refuse rather than use it.
  if (key.every((byte) => byte === 0)) throw new Error(`${what} is all zeros`);
}

function assertVersion(version: number): void {
  if (!Number.isSafeInteger(version) || version < 1)
    throw new Error('Master key version must be a positive integer');
}

function seal(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.of(FORMAT), iv, cipher.getAuthTag(), ciphertext]);
}

/** Answers null on any failure (wrong key, wrong AAD, tampering, malformed blob). */
function open(key: Buffer, blob: Buffer, aad: string): Buffer | null {
  if (!Buffer.isBuffer(blob) || blob.length < HEADER_BYTES || blob[0] !== FORMAT) return null;
  const iv = blob.subarray(1, 1 + IV_BYTES);
  const tag = blob.subarray(1 + IV_BYTES, HEADER_BYTES);
  try {
    const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    decipher.setAuthTag(tag);
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    const plaintext = decipher.update(blob.subarray(HEADER_BYTES));
    try {
      return Buffer.concat([plaintext, decipher.final()]);
    } finally {
      plaintext.fill(0);
    }
  } catch {
    return null;
  }
}

function dekAad(masterVersion: number): string {
  return `conduit-dek:v${masterVersion}`;
}

function wrapUnderCurrent(ring: MasterKeyRing, dek: Buffer): { wrapped: Buffer; masterVersion: number } {
  const masterVersion = ring.current;
  const master = ring.get(masterVersion);
  try {
    return { wrapped: seal(master, dek, dekAad(masterVersion)), masterVersion };
  } finally {
    master.fill(0);
  }
}

/** A fresh random DEK, wrapped under the ring's current master key. */
export function newDataKey(ring: MasterKeyRing): NewDataKey {
  const plaintext = randomBytes(DATA_KEY_BYTES);
  return { plaintext, ...wrapUnderCurrent(ring, plaintext) };
}

/** The DEK in `wrapped`, which was wrapped under master key `masterVersion` (still configured). */
export function unwrapDataKey(ring: MasterKeyRing, wrapped: Buffer, masterVersion: number): Buffer {
  assertVersion(masterVersion);
  const master = ring.get(masterVersion); // throws, naming the version, if it is not configured
  try {
    const dek =
      Buffer.isBuffer(wrapped) && wrapped.length === WRAPPED_KEY_BYTES
        ? open(master, wrapped, dekAad(masterVersion))
        : null;
    if (!dek) throw new Error(UNWRAP_FAILED);
    if (dek.length !== DATA_KEY_BYTES) {
      dek.fill(0);
      throw new Error(UNWRAP_FAILED);
    }
    return dek;
  } finally {
    master.fill(0);
  }
}

/**
 * Master key rotation: unwraps a DEK wrapped under `fromVersion` and wraps it again under the
 * ring's current version. Store both results on the DEK record (wrapped key and version).
 */
export function rewrapDataKey(
  ring: MasterKeyRing,
  wrapped: Buffer,
  fromVersion: number,
): { wrapped: Buffer; masterVersion: number } {
  const dek = unwrapDataKey(ring, wrapped, fromVersion);
  try {
    return wrapUnderCurrent(ring, dek);
  } finally {
    dek.fill(0);
  }
}

function fieldAad(dekId: string, context: string): string {
  // dekId may not contain ':' so `<dekId>:<context>` can be split only one way.
  if (typeof dekId !== 'string' || dekId === '' || dekId.includes(':')) {
    throw new Error('Data key ID must be a non-empty string without ":"');
  }
  if (typeof context !== 'string' || context === '') throw new Error('Encryption context must be non-empty');
  return `conduit-field:${dekId}:${context}`;
}

/** Encrypts a field (UTF-8) under `dek`, bound to the DEK's ID and the row it is stored in. */
export function encryptField(dek: Buffer, dekId: string, plaintext: string, context: string): Buffer {
  assertKey(dek, 'Data key');
  const aad = fieldAad(dekId, context);
  if (typeof plaintext !== 'string') throw new Error('Vault plaintext must be a string');
  const bytes = Buffer.from(plaintext, 'utf8');
  try {
    return seal(dek, bytes, aad);
  } finally {
    bytes.fill(0);
  }
}

/** The field encrypted by `encryptField` with the same DEK, DEK ID and context. */
export function decryptField(dek: Buffer, dekId: string, blob: Buffer, context: string): string {
  assertKey(dek, 'Data key');
  const bytes = open(dek, blob, fieldAad(dekId, context));
  if (!bytes) throw new Error(DECRYPTION_FAILED);
  try {
    return bytes.toString('utf8');
  } finally {
    bytes.fill(0);
  }
}

export interface DataKeyCacheOptions {
  /** How long an unwrapped DEK is kept after it was stored; 5 minutes by default. */
  ttlMs?: number;
  /** Most DEKs kept at once; the least recently used goes first. 1000 by default. */
  maxEntries?: number;
  /** Clock, for tests. */
  now?: () => number;
}

/**
 * Unwrapped DEKs by DEK ID, so a payment does not unwrap on every call.
 *
 * The cache keeps its own copy of each DEK and zeroes that copy when it is evicted (expiry, size,
 * `delete`, `clear`). It never zeroes a buffer a caller holds: `set` hands back the caller's own
 * buffer and `get` answers a fresh copy, so an eviction between a lookup and its use (another
 * request, across an `await`) cannot turn a key in use into zeros. Copies handed out are the
 * caller's; the garbage collector reclaims them (JavaScript offers no guaranteed wipe).
 */
export class DataKeyCache {
  private readonly entries = new Map<string, { key: Buffer; expiresAt: number }>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: DataKeyCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? 5 * 60_000;
    this.maxEntries = options.maxEntries ?? 1000;
    this.now = options.now ?? Date.now;
    if (!(this.ttlMs > 0)) throw new Error('DataKeyCache ttlMs must be positive');
    if (!Number.isSafeInteger(this.maxEntries) || this.maxEntries < 1) {
      throw new Error('DataKeyCache maxEntries must be a positive integer');
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /** A copy of the cached DEK, or undefined when absent or expired. */
  get(dekId: string): Buffer | undefined {
    const entry = this.entries.get(dekId);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.evict(dekId);
      return undefined;
    }
    // Most recently used last, so size eviction takes the least recently used first.
    this.entries.delete(dekId);
    this.entries.set(dekId, entry);
    return copyKey(entry.key);
  }

  /** Caches a copy of `key` under `dekId` and answers `key` itself, for `get(id) ?? set(id, …)`. */
  set(dekId: string, key: Buffer): Buffer {
    assertKey(key, 'Data key');
    this.evict(dekId);
    this.evictExpired();
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.evict(oldest.value);
    }
    this.entries.set(dekId, { key: copyKey(key), expiresAt: this.now() + this.ttlMs });
    return key;
  }

  delete(dekId: string): void {
    this.evict(dekId);
  }

  clear(): void {
    for (const entry of this.entries.values()) entry.key.fill(0);
    this.entries.clear();
  }

  private evictExpired(): void {
    const now = this.now();
    for (const [dekId, entry] of this.entries) if (entry.expiresAt <= now) this.evict(dekId);
  }

  private evict(dekId: string): void {
    const entry = this.entries.get(dekId);
    if (!entry) return;
    entry.key.fill(0);
    this.entries.delete(dekId);
  }
}
