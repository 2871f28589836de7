import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, truncateSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILE_CHUNK_BYTES } from '@conduit/crypto';
import { DiskFileStore } from './disk-file-store';

const key = randomBytes(32);

async function stored(content: Buffer, writes = 7) {
  const store = new DiskFileStore(mkdtempSync(path.join(os.tmpdir(), 'conduit-files-')));
  const id = randomUUID();
  const writer = await store.create(id, key);
  const step = Math.ceil(content.length / writes) || 1;
  for (let i = 0; i < content.length; i += step) await writer.write(content.subarray(i, i + step));
  const summary = await writer.finish();
  const file = path.join(store.dir, id.slice(0, 2), id);
  return { store, id, summary, file };
}

async function readAll(store: DiskFileStore, id: string, header: { size: number; chunks: number }) {
  const reader = await store.open(id, key, header);
  try {
    const parts: Buffer[] = [];
    for await (const c of reader.chunks()) parts.push(c);
    return Buffer.concat(parts);
  } finally {
    await reader.close();
  }
}

describe('DiskFileStore', () => {
  it('keeps no plaintext on disk and reads back any range', async () => {
    const marker = Buffer.from('IMPTI10|6011000551245|001|002|Sale|');
    const content = Buffer.concat([marker, randomBytes(3 * FILE_CHUNK_BYTES + 123), marker]);
    const { store, id, summary, file } = await stored(content);
    expect(summary.size).toBe(content.length);
    expect(summary.chunks).toBe(4);
    expect(readFileSync(file).includes(marker)).toBe(false);
    expect((await readAll(store, id, summary)).equals(content)).toBe(true);
    const reader = await store.open(id, key, summary);
    for (const [offset, length] of [
      [0, 10],
      [FILE_CHUNK_BYTES - 5, 10],
      [2 * FILE_CHUNK_BYTES, FILE_CHUNK_BYTES + 50],
      [content.length - 3, 100],
      [content.length, 10],
    ])
      expect((await reader.read(offset, length)).equals(content.subarray(offset, offset + length))).toBe(
        true,
      );
    await reader.close();
    expect(readdirSync(path.join(store.dir, 'incoming'))).toEqual([]);
  });

  it('detects a flipped byte, a cut-off file and a chunk moved from elsewhere', async () => {
    const content = randomBytes(2 * FILE_CHUNK_BYTES + 10);
    const tampered = await stored(content);
    const bytes = readFileSync(tampered.file);
    bytes[bytes.length >> 1] ^= 0x01;
    writeFileSync(tampered.file, bytes);
    await expect(readAll(tampered.store, tampered.id, tampered.summary)).rejects.toThrow(/damaged/);

    const cut = await stored(content);
    truncateSync(cut.file, statSync(cut.file).size - 20);
    await expect(readAll(cut.store, cut.id, cut.summary)).rejects.toThrow(/damaged/);

    // The same bytes under another file's id do not open: each chunk is bound to its file.
    const a = await stored(content);
    const b = await stored(content);
    writeFileSync(b.file, readFileSync(a.file));
    await expect(readAll(b.store, b.id, b.summary)).rejects.toThrow(/damaged/);
  });

  it('leaves nothing behind for a discarded upload', async () => {
    const store = new DiskFileStore(mkdtempSync(path.join(os.tmpdir(), 'conduit-files-')));
    const writer = await store.create(randomUUID(), key);
    await writer.write(randomBytes(FILE_CHUNK_BYTES * 2));
    await writer.discard();
    expect(readdirSync(path.join(store.dir, 'incoming'))).toEqual([]);
    expect(readdirSync(store.dir)).toEqual(['incoming']);
  });
});
