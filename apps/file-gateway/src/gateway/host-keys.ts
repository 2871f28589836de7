import { createHash, createPublicKey } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ParsedKey, utils } from 'ssh2';

/** batch-files.md: host keys are Ed25519 and RSA of at least 3072 bits. */
export const MIN_RSA_HOST_KEY_BITS = 3072;
const NEW_RSA_HOST_KEY_BITS = 3072;

export interface HostKeyOptions {
  /** Where keys are made on first start (development, test) when no path is configured. */
  dir: string;
  /** Production: an existing Ed25519 private key (OpenSSH or PEM format). */
  ed25519Path?: string | null;
  /** Production: an existing RSA private key of at least 3072 bits. */
  rsaPath?: string | null;
}

export interface HostKeys {
  /** Private keys for ssh2's `hostKeys`, Ed25519 first. */
  keys: Buffer[];
  /** OpenSSH `SHA256:…` fingerprints, as `ssh-keygen -lf` prints them (shown to accounts). */
  fingerprints: { ed25519: string; rsa: string };
}

/**
 * The SFTP listeners' host keys. They must persist across restarts (a changed key makes every
 * client refuse the server), so a key made here is written once, mode 0600, and read back on every
 * later start; a configured path is only ever read.
 */
export function loadOrCreateHostKeys(options: HostKeyOptions): HostKeys {
  const ed25519 = loadKey(options.ed25519Path ?? null, join(options.dir, 'ssh_host_ed25519_key'), 'ed25519');
  const rsa = loadKey(options.rsaPath ?? null, join(options.dir, 'ssh_host_rsa_key'), 'rsa');
  return {
    keys: [ed25519.raw, rsa.raw],
    fingerprints: { ed25519: fingerprintOf(ed25519.key), rsa: fingerprintOf(rsa.key) },
  };
}

/** OpenSSH's fingerprint of a key: SHA-256 of the public wire blob, base64 without padding. */
export function fingerprintOf(key: ParsedKey | Buffer): string {
  const blob = Buffer.isBuffer(key) ? key : key.getPublicSSH();
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

function loadKey(configured: string | null, generatedPath: string, type: 'ed25519' | 'rsa') {
  const path = configured ?? generatedPath;
  if (!configured && !existsSync(path)) create(path, type);
  const raw = readFileSync(path);
  const parsed = utils.parseKey(raw);
  if (parsed instanceof Error) throw new Error(`host key ${path} cannot be read: ${parsed.message}`);
  const key = Array.isArray(parsed) ? (parsed[0] as ParsedKey) : parsed;
  if (!key.isPrivateKey()) throw new Error(`host key ${path} is not a private key`);
  const expected = type === 'ed25519' ? 'ssh-ed25519' : 'ssh-rsa';
  if (key.type !== expected) throw new Error(`host key ${path} is ${key.type}, expected ${expected}`);
  if (type === 'rsa') {
    const bits = createPublicKey(key.getPublicPEM()).asymmetricKeyDetails?.modulusLength ?? 0;
    if (bits < MIN_RSA_HOST_KEY_BITS)
      throw new Error(`host key ${path} has ${bits} bits; at least ${MIN_RSA_HOST_KEY_BITS} are required`);
  }
  return { raw, key };
}

function create(path: string, type: 'ed25519' | 'rsa') {
  const dir = path.slice(0, path.lastIndexOf('/')) || '/';
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const pair = generatePair(type);
  // 'wx': two replicas starting at once on a shared directory must not overwrite each other's key.
  try {
    writeFileSync(path, pair.private, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return;
  }
  chmodSync(path, 0o600);
  writeFileSync(`${path}.pub`, `${pair.public}\n`, { mode: 0o644 });
}

/**
 * A new key pair that ssh2 itself can read back. ssh2 1.17's keygen strips leading zero bytes
 * from an Ed25519 public key, so about 1 in 256 generated pairs does not parse (mscdex/ssh2
 * #1390, #1513, open): a gateway would fail its first start. Such a pair is thrown away and
 * another made; 16 tries leave a failure chance of 2^-128.
 */
export function generatePair(
  type: 'ed25519' | 'rsa',
  generate: typeof utils.generateKeyPairSync = utils.generateKeyPairSync,
): { private: string; public: string } {
  for (let attempt = 0; attempt < 16; attempt++) {
    const pair =
      type === 'ed25519'
        ? generate('ed25519', { comment: 'conduit-file-gateway' })
        : generate('rsa', { bits: NEW_RSA_HOST_KEY_BITS, comment: 'conduit-file-gateway' });
    if (!(utils.parseKey(pair.private) instanceof Error) && !(utils.parseKey(pair.public) instanceof Error))
      return pair;
  }
  throw new Error(`could not generate a readable ${type} host key`);
}
