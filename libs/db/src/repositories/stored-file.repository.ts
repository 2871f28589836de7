import type { Db } from '../client';

/**
 * Encrypted file bytes in authenticated chunks. A stored file has no tenant of its own: it is
 * reached only through the row that owns it (a batch file, a dispute's evidence), which the
 * caller has already found within its scope.
 */
export class StoredFileRepository {
  constructor(private readonly db: Db) {}

  async create(data: { id: string; dataKeyId: string }) {
    await this.db.storedFile.create({ data: { ...data, size: 0n, chunks: 0, sha256: '0'.repeat(64) } });
  }

  /** A file whose content is elsewhere (on disk) and already complete. */
  async createFinished(data: {
    id: string;
    dataKeyId: string;
    location: 'DISK';
    size: number;
    chunks: number;
    sha256: string;
  }) {
    await this.db.storedFile.create({ data: { ...data, size: BigInt(data.size) } });
  }

  remove(id: string) {
    return this.db.storedFile.delete({ where: { id } });
  }

  addChunk(fileRef: string, seq: number, cipher: Buffer) {
    return this.db.storedFileChunk.create({ data: { fileRef, seq, cipher: new Uint8Array(cipher) } });
  }

  finish(id: string, data: { size: number; chunks: number; sha256: string }) {
    return this.db.storedFile.update({ where: { id }, data: { ...data, size: BigInt(data.size) } });
  }

  header(id: string) {
    return this.db.storedFile.findUnique({ where: { id } });
  }

  /** Chunks in order, a few at a time, so reading a large file holds little in memory. */
  chunks(fileRef: string, fromSeq: number, limit: number) {
    return this.db.storedFileChunk.findMany({
      where: { fileRef, seq: { gte: fromSeq } },
      orderBy: { seq: 'asc' },
      take: limit,
    });
  }
}
