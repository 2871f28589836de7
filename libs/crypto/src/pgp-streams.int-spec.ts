import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import * as openpgp from 'openpgp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptPgpStream, encryptPgpStream, inspectPgpPublicKey, PgpError } from './pgp-streams';

/**
 * Interoperability with GnuPG (Debian's gpg, the tool most senders use): files we encrypt open in
 * gpg, files gpg encrypts open here, and damaged or misaddressed files are refused.
 */

const MIB = 1024 * 1024;
const work = mkdtempSync(path.join(os.tmpdir(), 'conduit-pgp-'));
const home = path.join(work, 'gnupg');
const GPG_BASE = ['--homedir', home, '--batch', '--yes', '--pinentry-mode', 'loopback', '--passphrase', ''];

interface Run {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** gpg with a private home; `stdoutTo` streams stdout to a file instead of memory. */
function gpg(args: string[], options: { stdoutTo?: string } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('gpg', [...GPG_BASE, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    const sink = options.stdoutTo ? createWriteStream(options.stdoutTo) : null;
    if (sink) child.stdout.pipe(sink);
    else child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const done = () => resolve({ code: code ?? -1, stdout: Buffer.concat(out), stderr: err });
      if (sink) sink.end(done);
      else done();
    });
  });
}

async function gpgOk(args: string[], options: { stdoutTo?: string } = {}): Promise<Buffer> {
  const run = await gpg(args, options);
  if (run.code !== 0) throw new Error(`gpg ${args.join(' ')} failed (${run.code}): ${run.stderr}`);
  return run.stdout;
}

async function gpgFingerprint(uid: string): Promise<string> {
  const listing = (await gpgOk(['--with-colons', '--list-keys', uid])).toString();
  const fpr = listing.split('\n').find((line) => line.startsWith('fpr:'));
  if (!fpr) throw new Error(`no fingerprint for ${uid}`);
  return fpr.split(':')[9];
}

/** Pseudo-random chunks (incompressible) and their SHA-256, without holding the whole file. */
function* randomChunks(total: number, chunkSize = 64 * 1024): Generator<Buffer> {
  for (let sent = 0; sent < total; sent += chunkSize) yield randomBytes(Math.min(chunkSize, total - sent));
}

async function* fromFile(file: string): AsyncGenerator<Buffer> {
  for await (const chunk of createReadStream(file)) yield chunk as Buffer;
}

async function* fromBuffer(data: Buffer, chunkSize = 16 * 1024): AsyncGenerator<Buffer> {
  for (let i = 0; i < data.length; i += chunkSize) yield data.subarray(i, i + chunkSize);
}

async function collect(iterable: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of iterable) parts.push(chunk);
  return Buffer.concat(parts);
}

/** Consumes as a careful caller does: counts what arrived before the iterator threw. */
async function consumeUntilError(
  iterable: AsyncIterable<Buffer>,
): Promise<{ bytes: number; error: unknown }> {
  let bytes = 0;
  try {
    for await (const chunk of iterable) bytes += chunk.length;
  } catch (error) {
    return { bytes, error };
  }
  return { bytes, error: null };
}

// Buffers are compared by digest: toEqual walks them byte by byte (seconds for a few hundred KiB).
function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function sha256File(file: string): string {
  return sha256(readFileSync(file));
}

/**
 * Consumes `run(source)` and measures how far it reads ahead of what it gives out: the largest
 * (bytes pulled from `source` − bytes yielded before it) seen at any output chunk. A streaming transform
 * keeps this near its chunk sizes; one that buffers the whole message lets it reach the file's
 * size. Peak RSS growth is measured as well, for the report (GC timing makes it no assertion).
 */
async function streamingProfile(
  source: AsyncIterable<Buffer>,
  run: (input: AsyncIterable<Buffer>) => AsyncIterable<Buffer>,
  onChunk: (chunk: Buffer) => Promise<void> | void,
): Promise<{ maxLead: number; rssGrowth: number }> {
  let pulled = 0;
  async function* counted() {
    for await (const chunk of source) {
      pulled += chunk.length;
      yield chunk;
    }
  }
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  let emitted = 0;
  let maxLead = 0;
  for await (const chunk of run(counted())) {
    // Before counting this chunk: a transform that buffers everything hands it out as one.
    maxLead = Math.max(maxLead, pulled - emitted);
    emitted += chunk.length;
    await onChunk(chunk);
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  return { maxLead, rssGrowth: peak - baseline };
}

function flipByteAt(data: Buffer, index: number): Buffer {
  const copy = Buffer.from(data);
  copy[index] ^= 0x5a;
  return copy;
}

describe('OpenPGP streams against GnuPG', () => {
  let gpgPublic: string;
  let gpgFpr: string;
  let conduit: { publicKey: string; privateKey: string };
  let other: { publicKey: string; privateKey: string };
  const text = Buffer.from(
    Array.from({ length: 20_000 }, (_, i) => `claim-${i},patient-${i % 977},${(i * 37) % 100000}\n`).join(''),
  );
  const textFile = path.join(work, 'claims.csv');

  beforeAll(async () => {
    mkdirSync(home, { mode: 0o700 });
    await gpgOk(['--quick-gen-key', 'Sender <sender@example.com>', 'ed25519', 'sign', '0']);
    gpgFpr = await gpgFingerprint('sender@example.com');
    await gpgOk(['--quick-add-key', gpgFpr, 'cv25519', 'encr', '0']);
    gpgPublic = (await gpgOk(['--armor', '--export', gpgFpr])).toString();

    // The Conduit key pair as the console makes it, and a stranger's.
    const make = (name: string) =>
      openpgp.generateKey({
        type: 'ecc',
        curve: 'curve25519Legacy',
        userIDs: [{ name, email: 'pgp@conduit.test' }],
        format: 'armored',
      });
    conduit = await make('Conduit account key');
    other = await make('Someone else');
    writeFileSync(path.join(work, 'conduit.asc'), conduit.publicKey);
    await gpgOk(['--import', path.join(work, 'conduit.asc')]);
    writeFileSync(textFile, text);
  }, 60_000);

  afterAll(async () => {
    // The agent gpg started for this home goes with it.
    await new Promise((resolve) =>
      spawn('gpgconf', ['--homedir', home, '--kill', 'gpg-agent']).on('close', resolve),
    );
    rmSync(work, { recursive: true, force: true });
  });

  async function gpgEncryptToConduit(input: string, extra: string[] = []): Promise<Buffer> {
    return gpgOk([
      '--trust-model',
      'always',
      '--encrypt',
      '--recipient',
      'pgp@conduit.test',
      ...extra,
      '--output',
      '-',
      input,
    ]);
  }

  it('inspects a public key: fingerprint, encryption capability, user IDs', async () => {
    const info = await inspectPgpPublicKey(gpgPublic);
    expect(info).toEqual({ fingerprint: gpgFpr, canEncrypt: true, userIds: ['Sender <sender@example.com>'] });

    const signOnly = await openpgp.generateKey({
      type: 'ecc',
      curve: 'ed25519Legacy',
      userIDs: [{ email: 'sign@example.com' }],
      subkeys: [],
      format: 'armored',
    });
    expect((await inspectPgpPublicKey(signOnly.publicKey)).canEncrypt).toBe(false);

    await expect(inspectPgpPublicKey(conduit.privateKey)).rejects.toMatchObject({ code: 'BAD_KEY' });
    await expect(inspectPgpPublicKey('not a key')).rejects.toMatchObject({ code: 'BAD_KEY' });
  });

  it('encrypts 50 MiB that gpg decrypts to the same bytes, in bounded memory', async () => {
    const size = 50 * MIB;
    const inputHash = createHash('sha256');
    async function* plaintext() {
      for (const chunk of randomChunks(size)) {
        inputHash.update(chunk);
        yield chunk;
      }
    }
    const encryptedFile = path.join(work, 'outbound.pgp');
    const sink = createWriteStream(encryptedFile);
    const profile = await streamingProfile(
      plaintext(),
      (input) => encryptPgpStream(input, gpgPublic, { filename: 'result.csv' }),
      async (chunk) => {
        if (!sink.write(chunk)) await once(sink, 'drain');
      },
    );
    await new Promise<void>((resolve) => sink.end(resolve));
    console.info(
      `encryptPgpStream 50 MiB: reads ahead ≤ ${(profile.maxLead / MIB).toFixed(2)} MiB, ` +
        `peak RSS growth ${(profile.rssGrowth / MIB).toFixed(1)} MiB`,
    );

    // Binary, not armored: an OpenPGP packet header has its top bit set.
    expect(readFileSync(encryptedFile).subarray(0, 1)[0] & 0x80).toBe(0x80);
    const decryptedFile = path.join(work, 'outbound.out');
    await gpgOk(['--decrypt', encryptedFile], { stdoutTo: decryptedFile });
    expect(sha256File(decryptedFile)).toBe(inputHash.digest('hex'));
    expect(profile.maxLead).toBeLessThan(4 * MIB);
    rmSync(decryptedFile);
  }, 120_000);

  it('decrypts 50 MiB that gpg encrypted to an openpgp curve25519Legacy key, in bounded memory', async () => {
    const size = 50 * MIB;
    const plainFile = path.join(work, 'big.bin');
    await pipeline(randomChunks(size), createWriteStream(plainFile));
    const encryptedFile = path.join(work, 'big.bin.pgp');
    await gpgOk([
      '--trust-model',
      'always',
      '--encrypt',
      '--recipient',
      'pgp@conduit.test',
      '--output',
      encryptedFile,
      plainFile,
    ]);

    const hash = createHash('sha256');
    const profile = await streamingProfile(
      fromFile(encryptedFile),
      (input) => decryptPgpStream(input, conduit.privateKey),
      (chunk) => {
        hash.update(chunk);
      },
    );
    console.info(
      `decryptPgpStream 50 MiB: reads ahead ≤ ${(profile.maxLead / MIB).toFixed(2)} MiB, ` +
        `peak RSS growth ${(profile.rssGrowth / MIB).toFixed(1)} MiB`,
    );
    expect(hash.digest('hex')).toBe(sha256File(plainFile));
    // openpgp's default for SEIPDv1 buffers the whole message: it would read 50 MiB ahead.
    expect(profile.maxLead).toBeLessThan(4 * MIB);
    rmSync(plainFile);
    rmSync(encryptedFile);
  }, 120_000);

  it('decrypts binary and ASCII-armored gpg output, compressed or not, signed or not', async () => {
    const variants: string[][] = [
      [],
      ['--armor'],
      ['--compress-algo', 'zlib'],
      ['--armor', '--compress-algo', 'zip'],
      ['--sign', '--local-user', gpgFpr],
      ['--throw-keyids'],
    ];
    for (const extra of variants) {
      const encrypted = await gpgEncryptToConduit(textFile, extra);
      const decrypted = await collect(decryptPgpStream(fromBuffer(encrypted), conduit.privateKey));
      expect(sha256(decrypted), extra.join(' ')).toBe(sha256(text));
    }
    // Armor with a leading blank line and CRLF line ends, as mail clients and Windows tools save it.
    const armored = (await gpgEncryptToConduit(textFile, ['--armor'])).toString().replace(/\n/g, '\r\n');
    const crlf = Buffer.from(`\r\n${armored}`);
    expect(sha256(await collect(decryptPgpStream(fromBuffer(crlf, 997), conduit.privateKey)))).toBe(
      sha256(text),
    );
  });

  it('round-trips its own output', async () => {
    const encrypted = await collect(encryptPgpStream(fromBuffer(text), conduit.publicKey));
    expect(sha256(await collect(decryptPgpStream(fromBuffer(encrypted), conduit.privateKey)))).toBe(
      sha256(text),
    );
  });

  describe('refuses what it must not trust', () => {
    let plain: Buffer;
    let compressed: Buffer;
    let armored: Buffer;
    const big = randomBytes(2 * MIB);
    let bigEncrypted: Buffer;

    beforeAll(async () => {
      plain = await gpgEncryptToConduit(textFile, ['--compress-algo', 'none']);
      compressed = await gpgEncryptToConduit(textFile, ['--compress-algo', 'zlib']);
      armored = await gpgEncryptToConduit(textFile, ['--armor']);
      const bigFile = path.join(work, 'big2.bin');
      writeFileSync(bigFile, big);
      bigEncrypted = await gpgEncryptToConduit(bigFile, ['--compress-algo', 'none']);
    });

    async function expectDamaged(data: Buffer, chunkSize?: number) {
      const { bytes, error } = await consumeUntilError(
        decryptPgpStream(fromBuffer(data, chunkSize), conduit.privateKey),
      );
      expect(error).toBeInstanceOf(PgpError);
      expect((error as PgpError).code).toBe('DAMAGED');
      return bytes;
    }

    it('a byte flipped in the middle (uncompressed, compressed, armored)', async () => {
      await expectDamaged(flipByteAt(plain, Math.floor(plain.length / 2)));
      await expectDamaged(flipByteAt(compressed, Math.floor(compressed.length / 2)));
      const body = armored.toString();
      const middle = body.indexOf('\n', Math.floor(body.length / 2)) + 5;
      const swapped = body[middle] === 'A' ? 'B' : 'A';
      await expectDamaged(Buffer.from(body.slice(0, middle) + swapped + body.slice(middle + 1)));
    });

    it('a flip in the integrity code itself: all plaintext right, still refused, last chunk withheld', async () => {
      // The last 20 bytes of an uncompressed SEIPDv1 message are the encrypted SHA-1 MDC.
      const bytes = await expectDamaged(flipByteAt(bigEncrypted, bigEncrypted.length - 3), 64 * 1024);
      expect(bytes).toBeLessThan(big.length);
    });

    it('a truncated file (half, or short by one byte; binary and armored)', async () => {
      await expectDamaged(plain.subarray(0, Math.floor(plain.length / 2)));
      await expectDamaged(plain.subarray(0, plain.length - 1));
      await expectDamaged(compressed.subarray(0, compressed.length - 1));
      const bytes = await expectDamaged(bigEncrypted.subarray(0, bigEncrypted.length - 1), 64 * 1024);
      expect(bytes).toBeLessThan(big.length);
      const body = armored.toString();
      await expectDamaged(Buffer.from(body.slice(0, Math.floor(body.length / 2))));
    });

    it('something that is not an OpenPGP message at all', async () => {
      await expectDamaged(text);
      await expectDamaged(Buffer.alloc(0));
    });

    it('a file encrypted to another key, with a clear error and no key material', async () => {
      const forGpgKey = await gpgOk([
        '--trust-model',
        'always',
        '--encrypt',
        '--recipient',
        gpgFpr,
        '--output',
        '-',
        textFile,
      ]);
      const { bytes, error } = await consumeUntilError(
        decryptPgpStream(fromBuffer(forGpgKey), conduit.privateKey),
      );
      expect(bytes).toBe(0);
      expect(error).toMatchObject({ code: 'NOT_FOR_THIS_KEY' });
      const message = (error as Error).message;
      expect(message).toMatch(
        /encrypted to PGP key [0-9A-F]{16}, not to this account's Conduit key [0-9A-F]{40}/,
      );
      expect(message).not.toMatch(/PRIVATE|BEGIN PGP/);

      const forOther = await collect(encryptPgpStream(fromBuffer(text), other.publicKey));
      await expect(collect(decryptPgpStream(fromBuffer(forOther), conduit.privateKey))).rejects.toMatchObject(
        {
          code: 'NOT_FOR_THIS_KEY',
        },
      );
      // A hidden recipient (wildcard key ID) is found out only by trying to decrypt.
      const hiddenGpg = await gpgOk([
        '--trust-model',
        'always',
        '--encrypt',
        '--throw-keyids',
        '--recipient',
        gpgFpr,
        '--output',
        '-',
        textFile,
      ]);
      await expect(
        collect(decryptPgpStream(fromBuffer(hiddenGpg), conduit.privateKey)),
      ).rejects.toMatchObject({
        code: 'NOT_FOR_THIS_KEY',
      });
    });

    it('a file not encrypted to a public key (literal data only, or password only)', async () => {
      const stored = await gpgOk(['--store', '--output', '-', textFile]);
      await expect(collect(decryptPgpStream(fromBuffer(stored), conduit.privateKey))).rejects.toMatchObject({
        code: 'NOT_ENCRYPTED',
      });
      const symmetric = await gpgOk(['--symmetric', '--passphrase', 'pw', '--output', '-', textFile]);
      await expect(
        collect(decryptPgpStream(fromBuffer(symmetric), conduit.privateKey)),
      ).rejects.toMatchObject({
        code: 'NOT_ENCRYPTED',
      });
    });

    it('plaintext past the caller limit (a compression bomb among others)', async () => {
      const zeros = path.join(work, 'zeros.bin');
      writeFileSync(zeros, Buffer.alloc(8 * MIB));
      const bomb = await gpgEncryptToConduit(zeros, ['--compress-algo', 'zlib', '--compress-level', '9']);
      expect(bomb.length).toBeLessThan(MIB);
      const { bytes, error } = await consumeUntilError(
        decryptPgpStream(fromBuffer(bomb), conduit.privateKey, { maxBytes: MIB }),
      );
      expect(error).toMatchObject({ code: 'TOO_LARGE' });
      expect(bytes).toBeLessThanOrEqual(MIB);
    });

    it('a source failure surfaces as itself, not as a damaged file', async () => {
      const storageError = new Error('storage read failed');
      async function* failing() {
        yield plain.subarray(0, 200);
        throw storageError;
      }
      await expect(collect(decryptPgpStream(failing(), conduit.privateKey))).rejects.toBe(storageError);
    });
  });

  it('refuses unusable keys', async () => {
    const locked = await openpgp.generateKey({
      type: 'ecc',
      curve: 'curve25519Legacy',
      userIDs: [{ email: 'locked@example.com' }],
      passphrase: 'secret',
      format: 'armored',
    });
    const encrypted = await collect(encryptPgpStream(fromBuffer(text), locked.publicKey));
    await expect(collect(decryptPgpStream(fromBuffer(encrypted), locked.privateKey))).rejects.toMatchObject({
      code: 'BAD_KEY',
    });
    await expect(collect(decryptPgpStream(fromBuffer(encrypted), conduit.publicKey))).rejects.toMatchObject({
      code: 'BAD_KEY',
    });
    await expect(collect(encryptPgpStream(fromBuffer(text), conduit.privateKey))).rejects.toMatchObject({
      code: 'BAD_KEY',
    });
  });
});
