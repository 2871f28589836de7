import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ChunkSealer, openChunk } from '@conduit/crypto';
import type { Repositories } from '@conduit/db';
import { DataKeys } from '../data-keys.service';
import { newId } from '../ids';

const READ_AHEAD = 8;

/**
 * Files at rest (posting files, dispute evidence): sealed in authenticated chunks under the
 * platform's current data key and written inside the caller's database transaction, so a file
 * and the row that names it commit together or not at all (decision 0022).
 */
@Injectable()
export class FileVault {
  constructor(private readonly dataKeys: DataKeys) {}

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
    const dataKey = await r.dataKeys.get(header.dataKeyId);
    if (!dataKey) throw new Error('Stored file key is missing');
    const key = this.dataKeys.key(dataKey);
    const hash = createHash('sha256');
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
