import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Files at rest: AES-256-GCM in chunks of `FILE_CHUNK_BYTES`, each sealed on its own
 * (`[12 IV][16 tag][ciphertext]`) and authenticated with the file's id, the chunk's position and
 * whether it is the last one. So memory stays bounded for any file size, and a chunk that is
 * altered, moved, replayed from another file, or a file cut short at a chunk boundary, fails to
 * open (docs/decisions/0022).
 */
export const FILE_CHUNK_BYTES = 64 * 1024;
const IV_BYTES = 12;
const TAG_BYTES = 16;

function aad(fileId: string, seq: number, last: boolean): Buffer {
  return Buffer.from(`conduit-file:${fileId}:${seq}:${last ? 'last' : 'more'}`, 'utf8');
}

export function sealChunk(key: Buffer, fileId: string, seq: number, last: boolean, plain: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(fileId, seq, last));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function openChunk(key: Buffer, fileId: string, seq: number, last: boolean, sealed: Buffer): Buffer {
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new Error('Stored file is damaged');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(aad(fileId, seq, last));
    decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    throw new Error('Stored file is damaged');
  }
}

/**
 * Cuts a stream of writes into sealed chunks. The chunk in hand is sealed only when more data
 * follows it or at `finish`, because only then is it known whether it is the last.
 */
export class ChunkSealer {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private seq = 0;

  constructor(
    private readonly key: Buffer,
    private readonly fileId: string,
  ) {}

  /** Sealed chunks that are complete now (not the last one: it waits for `finish`). */
  write(data: Buffer): Buffer[] {
    this.pending.push(data);
    this.pendingBytes += data.length;
    const out: Buffer[] = [];
    while (this.pendingBytes > FILE_CHUNK_BYTES) {
      const all = Buffer.concat(this.pending);
      out.push(sealChunk(this.key, this.fileId, this.seq++, false, all.subarray(0, FILE_CHUNK_BYTES)));
      const rest = all.subarray(FILE_CHUNK_BYTES);
      this.pending = [rest];
      this.pendingBytes = rest.length;
    }
    return out;
  }

  finish(): { last: Buffer; chunks: number } {
    const last = sealChunk(this.key, this.fileId, this.seq++, true, Buffer.concat(this.pending));
    this.pending = [];
    this.pendingBytes = 0;
    return { last, chunks: this.seq };
  }
}
