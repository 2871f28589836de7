import { createHash } from 'node:crypto';
import { type FileHandle, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { ChunkSealer, FILE_CHUNK_BYTES, openChunk } from '@conduit/crypto';

/**
 * Sealed file contents in a directory (FILE_STORAGE_DIR), shared by every gateway replica and
 * worker through a common volume. A file is `MAGIC` then frames of `[u32 length][sealed chunk]`
 * (chunks.ts: AES-256-GCM, each authenticated with the file id, its position and whether it is
 * the last). Every chunk but the last holds exactly FILE_CHUNK_BYTES, so frame `i` starts at a
 * fixed offset and a download can read any range without reading what precedes it.
 *
 * Writes go to `incoming/` and are renamed into place only when complete, so a reader never sees
 * a file being written; the database row that names a file is committed after the rename.
 */
const MAGIC = Buffer.from('CONDUIT-FILE-1\n\0', 'latin1');
const SEALED_OVERHEAD = 12 + 16;
const FRAME_BYTES = 4 + FILE_CHUNK_BYTES + SEALED_OVERHEAD;

export interface SealedFileSummary {
  size: number;
  chunks: number;
  sha256: string;
}

export class DiskFileStore {
  constructor(readonly dir: string) {}

  private finalPath(fileId: string) {
    return path.join(this.dir, fileId.slice(0, 2), fileId);
  }

  private incomingPath(fileId: string) {
    return path.join(this.dir, 'incoming', fileId);
  }

  /** A new file: `write` in order, then `finish` (renames it into place) or `discard`. */
  async create(fileId: string, key: Buffer): Promise<DiskFileWriter> {
    await mkdir(path.join(this.dir, 'incoming'), { recursive: true, mode: 0o700 });
    const file = await open(this.incomingPath(fileId), 'wx', 0o600);
    await file.write(MAGIC);
    return new DiskFileWriter(file, new ChunkSealer(key, fileId), MAGIC.length, async (durable) => {
      if (!durable) return rm(this.incomingPath(fileId), { force: true });
      await mkdir(path.dirname(this.finalPath(fileId)), { recursive: true, mode: 0o700 });
      await rename(this.incomingPath(fileId), this.finalPath(fileId));
    });
  }

  async open(fileId: string, key: Buffer, header: { size: number; chunks: number }) {
    const file = await open(this.finalPath(fileId), 'r').catch(() => {
      throw new Error('Stored file is missing');
    });
    return new DiskFileReader(file, fileId, key, header);
  }

  remove(fileId: string) {
    return rm(this.finalPath(fileId), { force: true });
  }

  /** Writes abandoned by a crashed process (older than `olderThanMs`; another replica's are younger). */
  async sweepIncoming(olderThanMs: number): Promise<number> {
    const dir = path.join(this.dir, 'incoming');
    const names = await readdir(dir).catch(() => [] as string[]);
    let removed = 0;
    for (const name of names) {
      const info = await stat(path.join(dir, name)).catch(() => null);
      if (info && Date.now() - info.mtimeMs > olderThanMs) {
        await rm(path.join(dir, name), { force: true });
        removed++;
      }
    }
    return removed;
  }
}

/** Positional writes in flight at once: sealing the next chunk overlaps the disk's work. */
const WRITES_IN_FLIGHT = 8;
/**
 * A large upload is flushed to disk as it arrives (every this many bytes, in the background), so
 * the flush that must finish before the file is registered is only its tail.
 */
const FLUSH_EVERY_BYTES = 16 * 1024 * 1024;
const WRITE_BYTES = 512 * 1024;

export class DiskFileWriter {
  private readonly hash = createHash('sha256');
  private size = 0;
  private done = false;
  private readonly inFlight = new Set<Promise<unknown>>();
  private failure: Error | null = null;
  private unflushed = 0;
  private frames: Buffer[] = [];
  private framed = 0;

  constructor(
    private readonly file: FileHandle,
    private readonly sealer: ChunkSealer,
    private position: number,
    private readonly settle: (durable: boolean) => Promise<void>,
  ) {}

  get bytesWritten() {
    return this.size;
  }

  async write(data: Buffer): Promise<void> {
    this.hash.update(data);
    this.size += data.length;
    const sealed = this.sealer.write(data);
    if (sealed.length) await this.append(sealed);
  }

  /** Frames are gathered into writes of about WRITE_BYTES: fewer, larger system calls. */
  private async append(chunks: Buffer[], flush = false) {
    for (const c of chunks) {
      const length = Buffer.allocUnsafe(4);
      length.writeUInt32BE(c.length);
      this.frames.push(length, c);
      this.framed += 4 + c.length;
    }
    if (!flush && this.framed < WRITE_BYTES) return;
    const bytes = Buffer.concat(this.frames, this.framed);
    this.frames = [];
    this.framed = 0;
    // Each frame has its own place in the file, so writes need not wait for one another.
    const write = this.file.write(bytes, 0, bytes.length, this.position).then(
      () => undefined,
      (err: Error) => {
        this.failure ??= err;
      },
    );
    this.position += bytes.length;
    this.track(write);
    this.unflushed += bytes.length;
    if (this.unflushed >= FLUSH_EVERY_BYTES) {
      this.unflushed = 0;
      this.track(
        this.file.datasync().catch((err: Error) => {
          this.failure ??= err;
        }),
      );
    }
    if (this.inFlight.size >= WRITES_IN_FLIGHT) await Promise.race(this.inFlight);
    if (this.failure) throw this.failure;
  }

  private track(p: Promise<unknown>) {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }

  private async drain() {
    await Promise.all(this.inFlight);
    if (this.failure) throw this.failure;
  }

  /** Seals the last chunk, flushes to disk and moves the file into place. */
  async finish(): Promise<SealedFileSummary> {
    const { last, chunks } = this.sealer.finish();
    await this.append([last], true);
    await this.drain();
    await this.file.sync();
    await this.file.close();
    this.done = true;
    await this.settle(true);
    return { size: this.size, chunks, sha256: this.hash.digest('hex') };
  }

  async discard(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await Promise.allSettled(this.inFlight);
    await this.file.close().catch(() => undefined);
    await this.settle(false);
  }
}

export class DiskFileReader {
  private cached: { seq: number; plain: Buffer } | null = null;

  constructor(
    private readonly file: FileHandle,
    private readonly fileId: string,
    private readonly key: Buffer,
    readonly header: { size: number; chunks: number },
  ) {}

  get size() {
    return this.header.size;
  }

  /** Chunk `seq`, authenticated; throws 'Stored file is damaged' on any mismatch. */
  async chunk(seq: number): Promise<Buffer> {
    if (this.cached?.seq === seq) return this.cached.plain;
    const at = MAGIC.length + seq * FRAME_BYTES;
    const frame = Buffer.allocUnsafe(FRAME_BYTES);
    const { bytesRead } = await this.file.read(frame, 0, FRAME_BYTES, at);
    if (bytesRead < 4) throw new Error('Stored file is damaged');
    const length = frame.readUInt32BE(0);
    if (length > FRAME_BYTES - 4 || 4 + length > bytesRead) throw new Error('Stored file is damaged');
    const last = seq === this.header.chunks - 1;
    const plain = openChunk(this.key, this.fileId, seq, last, frame.subarray(4, 4 + length));
    if (!last && plain.length !== FILE_CHUNK_BYTES) throw new Error('Stored file is damaged');
    this.cached = { seq, plain };
    return plain;
  }

  /** Up to `length` bytes at `offset` (empty at or past the end). */
  async read(offset: number, length: number): Promise<Buffer> {
    const end = Math.min(this.header.size, offset + length);
    if (offset >= end) return Buffer.alloc(0);
    const parts: Buffer[] = [];
    for (let pos = offset; pos < end;) {
      const seq = Math.floor(pos / FILE_CHUNK_BYTES);
      const plain = await this.chunk(seq);
      const from = pos - seq * FILE_CHUNK_BYTES;
      const take = Math.min(plain.length - from, end - pos);
      if (take <= 0) throw new Error('Stored file is damaged');
      parts.push(plain.subarray(from, from + take));
      pos += take;
    }
    return parts.length === 1 ? parts[0] : Buffer.concat(parts);
  }

  /** Every chunk in order; the caller checks the whole file's hash at the end. */
  async *chunks(): AsyncIterable<Buffer> {
    for (let seq = 0; seq < this.header.chunks; seq++) yield await this.chunk(seq);
  }

  close() {
    return this.file.close();
  }
}
