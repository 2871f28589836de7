import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkSealer, FILE_CHUNK_BYTES, openChunk } from './chunks';

const key = randomBytes(32);

function seal(fileId: string, parts: Buffer[]) {
  const sealer = new ChunkSealer(key, fileId);
  const chunks = parts.flatMap((p) => sealer.write(p));
  const { last } = sealer.finish();
  return [...chunks, last];
}

function open(fileId: string, chunks: Buffer[]) {
  return Buffer.concat(chunks.map((c, i) => openChunk(key, fileId, i, i === chunks.length - 1, c)));
}

describe('chunked file encryption', () => {
  it('round-trips any split of any content, in chunks of at most 64 KiB', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 150_000 }), { maxLength: 5 }), (sizes) => {
        const parts = sizes.map((n) => randomBytes(n));
        const chunks = seal('f1', parts);
        expect(open('f1', chunks).equals(Buffer.concat(parts))).toBe(true);
        for (const c of chunks) expect(c.length).toBeLessThanOrEqual(FILE_CHUNK_BYTES + 28);
      }),
      { numRuns: 25 },
    );
  });

  it('refuses a file cut short, reordered, altered or moved to another file', () => {
    const chunks = seal('f1', [randomBytes(3 * FILE_CHUNK_BYTES + 10)]);
    expect(chunks).toHaveLength(4);
    expect(() => open('f1', chunks.slice(0, 3))).toThrow('Stored file is damaged');
    expect(() => open('f1', [chunks[1], chunks[0], chunks[2], chunks[3]])).toThrow('Stored file is damaged');
    const altered = Buffer.from(chunks[2]);
    altered[40] ^= 1;
    expect(() => open('f1', [chunks[0], chunks[1], altered, chunks[3]])).toThrow('Stored file is damaged');
    expect(() => open('f2', chunks)).toThrow('Stored file is damaged');
  });

  it('seals an empty file as one empty last chunk', () => {
    const chunks = seal('f1', []);
    expect(chunks).toHaveLength(1);
    expect(open('f1', chunks).length).toBe(0);
  });
});
