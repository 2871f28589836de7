import { ReadableStream, TextDecoderStream } from 'node:stream/web';
import * as openpgp from 'openpgp';

/**
 * OpenPGP on top of the channel (batch-files.md): an account uploads `NAME.pgp` encrypted to its
 * Conduit PGP key, and may register its own public key so its outbound files are encrypted to it.
 * Everything here streams, so memory stays bounded whatever the file size.
 *
 * Integrity rule (docs/file-gateway-security.md): most senders (GnuPG 2.2, most vendor tools)
 * write SEIPDv1 messages, whose integrity check (the MDC) covers the whole file and can only be
 * checked at its very end. To stream them, openpgp's `allowUnauthenticatedStream` is on, so
 * plaintext comes out before it is authenticated. `decryptPgpStream` therefore throws at the end
 * for a tampered or truncated file, and holds back its last chunk until the check has passed: the
 * caller must treat the plaintext as provisional (staging only, nothing processed or committed)
 * until the iterator has finished without throwing.
 */

export type PgpErrorCode =
  /** The message is encrypted, but not to this key. */
  | 'NOT_FOR_THIS_KEY'
  /** Not an OpenPGP message encrypted to a public key (plain literal data, password-only, …). */
  | 'NOT_ENCRYPTED'
  /** Not OpenPGP at all, cut short, or altered: the integrity check failed. */
  | 'DAMAGED'
  /** A key that cannot be used: unreadable, a private key where a public one belongs, no usable
   * encryption subkey (expired, revoked), or a private key still locked by a passphrase. */
  | 'BAD_KEY'
  /** The plaintext is larger than the caller allows (a compressed "bomb" among others). */
  | 'TOO_LARGE';

/** Messages are fixed sentences plus public key IDs: never key material, never plaintext. */
export class PgpError extends Error {
  constructor(
    readonly code: PgpErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PgpError';
  }
}

export interface DecryptPgpOptions {
  /** Refuse with TOO_LARGE once the plaintext passes this many bytes. */
  maxBytes?: number;
}

export interface EncryptPgpOptions {
  /** The file name recorded in the literal data packet (what `gpg --decrypt` may use). */
  filename?: string;
}

export interface PgpPublicKeyInfo {
  /** Upper-case hex, no spaces (40 digits for a v4 key). */
  fingerprint: string;
  /** Whether the key (or a subkey) can be encrypted to now: not expired, not revoked. */
  canEncrypt: boolean;
  userIds: string[];
}

const STREAM_PIECE_BYTES = 64 * 1024;
const DAMAGED = 'The PGP file is damaged, incomplete or was altered (its integrity check failed)';

/** The plaintext of a `NAME.pgp` upload, binary or ASCII-armored, in chunks. See the file comment
 * for the integrity rule: a caller may commit only after this iterator finished without throwing. */
export async function* decryptPgpStream(
  input: AsyncIterable<Buffer>,
  privateKeyArmored: string,
  options: DecryptPgpOptions = {},
): AsyncGenerator<Buffer, void, undefined> {
  const key = await readDecryptionKey(privateKeyArmored);
  const source = new TrackedSource(input);
  try {
    const armored = await source.isArmored();
    const message = await readMessage(source, armored);
    assertAddressedTo(message, key);

    let decrypted;
    try {
      decrypted = await openpgp.decrypt({
        message,
        decryptionKeys: key,
        format: 'binary',
        // Streams SEIPDv1 instead of buffering the whole file; the MDC error then arrives at the
        // end of the stream, which is why the last chunk is held back below.
        config: { allowUnauthenticatedStream: true },
      });
    } catch (error) {
      throw source.failure ?? classifyDecryptError(error);
    }
    // Signatures are not checked (no sender keys are registered for that); their promises must
    // not surface as unhandled rejections.
    for (const signature of decrypted.signatures) signature.verified.catch(() => undefined);

    const data = decrypted.data as unknown as ReadableStream<Uint8Array>;
    let held: Buffer | null = null;
    let total = 0;
    try {
      for await (const chunk of data) {
        if (chunk.byteLength === 0) continue;
        total += chunk.byteLength;
        if (options.maxBytes !== undefined && total > options.maxBytes) {
          throw new PgpError('TOO_LARGE', `The decrypted file is larger than ${options.maxBytes} bytes`);
        }
        if (held) yield held;
        held = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      }
    } catch (error) {
      if (error instanceof PgpError) throw error;
      throw source.failure ?? new PgpError('DAMAGED', DAMAGED);
    }
    // The stream ended cleanly: openpgp has verified the MDC (or every AEAD chunk and the final tag).
    if (held) yield held;
  } finally {
    await source.close();
  }
}

/** A binary OpenPGP message (what `NAME.pgp` holds) encrypted to `publicKeyArmored`, streamed. */
export async function* encryptPgpStream(
  input: AsyncIterable<Buffer>,
  publicKeyArmored: string,
  options: EncryptPgpOptions = {},
): AsyncGenerator<Buffer, void, undefined> {
  const key = await readPublicKey(publicKeyArmored);
  try {
    await key.getEncryptionKey();
  } catch {
    throw new PgpError('BAD_KEY', 'The PGP public key has no usable encryption key (expired or revoked?)');
  }
  const source = new TrackedSource(input);
  try {
    const message = await openpgp.createMessage({
      binary: source.stream() as never,
      format: 'binary',
      ...(options.filename ? { filename: options.filename } : {}),
    });
    let encrypted;
    try {
      encrypted = await openpgp.encrypt({ message, encryptionKeys: key, format: 'binary' });
    } catch (error) {
      throw source.failure ?? error;
    }
    try {
      for await (const chunk of encrypted as unknown as ReadableStream<Uint8Array>) {
        if (chunk.byteLength > 0) yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      }
    } catch (error) {
      throw source.failure ?? error;
    }
  } finally {
    await source.close();
  }
}

/** What the console shows for a registered (or Conduit's own) public key. */
export async function inspectPgpPublicKey(armored: string): Promise<PgpPublicKeyInfo> {
  const key = await readPublicKey(armored);
  let canEncrypt = true;
  try {
    await key.getEncryptionKey();
  } catch {
    canEncrypt = false;
  }
  return { fingerprint: key.getFingerprint().toUpperCase(), canEncrypt, userIds: key.getUserIDs() };
}

async function readPublicKey(armored: string): Promise<openpgp.Key> {
  let key: openpgp.Key;
  try {
    key = await openpgp.readKey({ armoredKey: armored });
  } catch {
    throw new PgpError('BAD_KEY', 'Not a readable ASCII-armored PGP public key');
  }
  // A private key pasted where a public one belongs must never be kept.
  if (key.isPrivate()) throw new PgpError('BAD_KEY', 'This is a PGP private key; give the public key only');
  return key;
}

async function readDecryptionKey(armored: string): Promise<openpgp.PrivateKey> {
  let key: openpgp.PrivateKey;
  try {
    key = await openpgp.readPrivateKey({ armoredKey: armored });
  } catch {
    throw new PgpError('BAD_KEY', 'The PGP private key could not be read');
  }
  if (!key.isDecrypted()) throw new PgpError('BAD_KEY', 'The PGP private key is locked by a passphrase');
  return key;
}

async function readMessage(source: TrackedSource, armored: boolean): Promise<openpgp.Message<never>> {
  try {
    if (armored) {
      const text = source.stream().pipeThrough(new TextDecoderStream('utf-8'));
      return (await openpgp.readMessage({ armoredMessage: text as never })) as openpgp.Message<never>;
    }
    return (await openpgp.readMessage({ binaryMessage: source.stream() as never })) as openpgp.Message<never>;
  } catch {
    throw source.failure ?? new PgpError('DAMAGED', 'Not an OpenPGP message');
  }
}

/** Fails early, with the key IDs involved (public), when the file was made for someone else. */
function assertAddressedTo(message: openpgp.Message<never>, key: openpgp.PrivateKey): void {
  const recipients = message.getEncryptionKeyIDs();
  if (recipients.length === 0) {
    throw new PgpError('NOT_ENCRYPTED', 'The file is not encrypted to a PGP public key');
  }
  // A wildcard ID (a hidden recipient, `gpg --throw-keyids`) may be anyone: decryption decides.
  if (recipients.some((id) => /^0+$/.test(id.toHex()))) return;
  const ours = key.getKeyIDs();
  if (recipients.some((id) => ours.some((mine) => mine.equals(id)))) return;
  const listed = recipients.map((id) => id.toHex().toUpperCase()).join(', ');
  throw new PgpError(
    'NOT_FOR_THIS_KEY',
    `The file is encrypted to PGP key ${listed}, not to this account's Conduit key ${key.getFingerprint().toUpperCase()}`,
  );
}

function classifyDecryptError(error: unknown): PgpError {
  const text = error instanceof Error ? error.message : '';
  // "Session key decryption failed" (a listed key ID), "Key Data Integrity failed" (ECDH key
  // unwrap with the wrong key, as for a hidden recipient).
  if (/session key|key data integrity/i.test(text)) {
    return new PgpError('NOT_FOR_THIS_KEY', "The file is not encrypted to this account's Conduit PGP key");
  }
  if (/no (symmetrically )?encrypted|not encrypted|no encrypted/i.test(text)) {
    return new PgpError('NOT_ENCRYPTED', 'The file is not encrypted to a PGP public key');
  }
  return new PgpError('DAMAGED', DAMAGED);
}

/**
 * The caller's chunks as a pull-driven web stream (openpgp v6 takes web streams only), peeking
 * at the start to tell armor from binary. A failure of the source itself (a storage error) is
 * kept so it reaches the caller as it was, not disguised as a damaged file.
 */
class TrackedSource {
  failure: unknown = undefined;
  private readonly iterator: AsyncIterator<Buffer>;
  private readonly peeked: Buffer[] = [];
  private done = false;

  constructor(input: AsyncIterable<Buffer>) {
    this.iterator = input[Symbol.asyncIterator]();
  }

  /** ASCII armor starts with `-----BEGIN PGP` (after optional blank space); a binary packet
   * header always has its top bit set. */
  async isArmored(): Promise<boolean> {
    for (;;) {
      for (const chunk of this.peeked) {
        for (const byte of chunk) {
          if (byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d) continue;
          return (byte & 0x80) === 0;
        }
      }
      const chunk = await this.next();
      if (!chunk) return false;
      this.peeked.push(chunk);
    }
  }

  stream(): ReadableStream<Uint8Array> {
    return new ReadableStream<Uint8Array>(
      {
        // openpgp's cost is mostly per chunk (armor decoding above all), so small writes are
        // gathered into pieces of at least STREAM_PIECE_BYTES.
        pull: async (controller) => {
          const parts: Buffer[] = [];
          let size = 0;
          while (size < STREAM_PIECE_BYTES) {
            const chunk = this.peeked.shift() ?? (await this.next());
            if (!chunk) break;
            parts.push(chunk);
            size += chunk.length;
          }
          if (size > 0) {
            const piece = parts.length === 1 ? parts[0] : Buffer.concat(parts, size);
            controller.enqueue(new Uint8Array(piece.buffer, piece.byteOffset, piece.byteLength));
          }
          if (size < STREAM_PIECE_BYTES) controller.close();
        },
        cancel: () => this.close(),
      },
      { highWaterMark: 0 },
    );
  }

  async close(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await this.iterator.return?.();
  }

  private async next(): Promise<Buffer | null> {
    if (this.done) return null;
    try {
      const { value, done } = await this.iterator.next();
      if (done) {
        this.done = true;
        return null;
      }
      return value;
    } catch (error) {
      this.failure = error;
      this.done = true;
      throw error;
    }
  }
}
