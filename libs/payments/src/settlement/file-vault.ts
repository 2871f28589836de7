import { createHash } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { CONDUIT_CONFIG, type ConduitConfig } from '@conduit/config';
import { ChunkSealer, FILE_CHUNK_BYTES, openChunk } from '@conduit/crypto';
import type { Repositories } from '@conduit/db';
import { DataKeys } from '../data-keys.service';
import { DiskFileStore, type DiskFileWriter } from '../files/disk-file-store';
import { newId } from '../ids';

const READ_AHEAD = 8;

/** A file being uploaded to disk: written in order, then registered in a transaction. */
export class DiskUpload {
  private summary: { size: number; chunks: number; sha256: string } | null = null;

  constructor(
    readonly fileRef: string,
    readonly dataKeyId: string,
    private readonly writer: DiskFileWriter,
  ) {}

  get bytesWritten() {
    return this.writer.bytesWritten;
  }

  write(data: Buffer) {
    return this.writer.write(data);
  }

  /** Seals the end and moves the file into place; `FileVault.register` then names it. */
  async finish() {
    this.summary = await this.writer.finish();
    return this.summary;
  }

  discard() {
    return this.writer.discard();
  }

  finished() {
    if (!this.summary) throw new Error('Upload is not finished');
    return { id: this.fileRef, dataKeyId: this.dataKeyId, location: 'DISK' as const, ...this.summary };
  }
}

/** Random-access reads of a stored file's plaintext (downloads). */
export interface StoredFileRange {
  readonly size: number;
  read(offset: number, length: number): Promise<Buffer>;
  close(): Promise<void>;
}

/**
 * Files at rest: sealed in authenticated chunks under the platform's current data key. Files
 * Conduit writes (posting files, acknowledgements, dispute evidence) live in the database and are
 * written inside the caller's transaction, so a file and the row that names it commit together
 * (decision 0022). Uploads through the file gateway are streamed to a directory on disk
 * (DiskFileStore) while they arrive, then registered in one transaction with the entry that shows
 * them (decision 0023).
 */
@Injectable()
export class FileVault {
  private readonly disk: DiskFileStore;

  constructor(
    private readonly dataKeys: DataKeys,
    // Optional so the services that only keep database files can be built without settings.
    @Optional() @Inject(CONDUIT_CONFIG) config?: Pick<ConduitConfig, 'fileGateway'>,
  ) {
    this.disk = new DiskFileStore(config?.fileGateway.storageDir ?? '.data/files');
  }

  /** A new file on disk, sealed under the current data key (read through `r`). */
  async beginUpload(r: Repositories): Promise<DiskUpload> {
    const key = await this.dataKeys.current(r);
    const fileRef = newId();
    return new DiskUpload(fileRef, key.id, await this.disk.create(fileRef, key.key));
  }

  /** Names a finished upload in the database (inside the transaction that shows it). */
  async register(r: Repositories, upload: DiskUpload) {
    const row = upload.finished();
    await r.storedFiles.createFinished(row);
    return { fileRef: row.id, size: row.size, sha256: row.sha256 };
  }

  /** Uploads a crashed process left half-written (older than `olderThanMs`): removed. */
  sweepIncomingUploads(olderThanMs: number): Promise<number> {
    return this.disk.sweepIncoming(olderThanMs);
  }

  /** Deletes a stored file's row and, for a disk file, its content. */
  async remove(r: Repositories, fileRef: string) {
    const header = await r.storedFiles.header(fileRef);
    if (!header) return;
    await r.storedFiles.remove(fileRef);
    if (header.location === 'DISK') await this.disk.remove(fileRef);
  }

  private async keyOf(r: Repositories, dataKeyId: string) {
    const dataKey = await r.dataKeys.get(dataKeyId);
    if (!dataKey) throw new Error('Stored file key is missing');
    return this.dataKeys.key(dataKey);
  }

  /** Any range of a stored file's plaintext, each chunk authenticated as it is read. */
  async openRange(r: Repositories, fileRef: string): Promise<StoredFileRange> {
    const header = await r.storedFiles.header(fileRef);
    if (!header) throw new Error('Stored file is missing');
    const key = await this.keyOf(r, header.dataKeyId);
    const meta = { size: Number(header.size), chunks: header.chunks };
    if (header.location === 'DISK') return this.disk.open(fileRef, key, meta);
    let cached: { seq: number; plain: Buffer } | null = null;
    const chunk = async (seq: number) => {
      if (cached?.seq === seq) return cached.plain;
      const [row] = await r.storedFiles.chunks(fileRef, seq, 1);
      if (!row || row.seq !== seq) throw new Error('Stored file is damaged');
      const plain = openChunk(key, fileRef, seq, seq === meta.chunks - 1, Buffer.from(row.cipher));
      cached = { seq, plain };
      return plain;
    };
    return {
      size: meta.size,
      read: async (offset, length) => {
        const end = Math.min(meta.size, offset + length);
        const parts: Buffer[] = [];
        for (let pos = offset; pos < end;) {
          const seq = Math.floor(pos / FILE_CHUNK_BYTES);
          const plain = await chunk(seq);
          const from = pos - seq * FILE_CHUNK_BYTES;
          const take = Math.min(plain.length - from, end - pos);
          if (take <= 0) throw new Error('Stored file is damaged');
          parts.push(plain.subarray(from, from + take));
          pos += take;
        }
        return Buffer.concat(parts);
      },
      close: async () => undefined,
    };
  }

  async store(r: Repositories, content: AsyncIterable<string | Buffer> | Iterable<string | Buffer>) {
    const file = await this.create(r);
    for await (const part of content) await file.write(part);
    return file.close();
  }

  /** A file being written: `write` as often as needed, then `close` once. */
  async create(r: Repositories) {
    const key = await this.dataKeys.current(r);
    const id = newId();
    await r.storedFiles.create({ id, dataKeyId: key.id });
    const sealer = new ChunkSealer(key.key, id);
    const hash = createHash('sha256');
    let size = 0;
    let seq = 0;
    return {
      write: async (part: string | Buffer) => {
        const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
        hash.update(bytes);
        size += bytes.length;
        for (const sealed of sealer.write(bytes)) await r.storedFiles.addChunk(id, seq++, sealed);
      },
      close: async () => {
        const { last, chunks } = sealer.finish();
        await r.storedFiles.addChunk(id, seq, last);
        const sha256 = hash.digest('hex');
        await r.storedFiles.finish(id, { size, chunks, sha256 });
        return { fileRef: id, size, sha256 };
      },
    };
  }

  /** The plaintext, chunk by chunk; throws before yielding a chunk that does not authenticate. */
  async *read(r: Repositories, fileRef: string): AsyncIterable<Buffer> {
    const header = await r.storedFiles.header(fileRef);
    if (!header) throw new Error('Stored file is missing');
    const key = await this.keyOf(r, header.dataKeyId);
    const hash = createHash('sha256');
    if (header.location === 'DISK') {
      const file = await this.disk.open(fileRef, key, { size: Number(header.size), chunks: header.chunks });
      try {
        for await (const plain of file.chunks()) {
          hash.update(plain);
          yield plain;
        }
      } finally {
        await file.close();
      }
      if (hash.digest('hex') !== header.sha256) throw new Error('Stored file is damaged');
      return;
    }
    for (let seq = 0; seq < header.chunks;) {
      const rows = await r.storedFiles.chunks(fileRef, seq, READ_AHEAD);
      if (!rows.length) throw new Error('Stored file is damaged');
      for (const row of rows) {
        if (row.seq !== seq) throw new Error('Stored file is damaged');
        const plain = openChunk(key, fileRef, seq, seq === header.chunks - 1, Buffer.from(row.cipher));
        hash.update(plain);
        seq++;
        yield plain;
      }
    }
    if (hash.digest('hex') !== header.sha256) throw new Error('Stored file is damaged');
  }

  async readAll(r: Repositories, fileRef: string): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const p of this.read(r, fileRef)) parts.push(p);
    return Buffer.concat(parts);
  }
}
