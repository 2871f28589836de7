import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WriteReorder } from './write-reorder';

function pieces(data: Buffer, cuts: number[]) {
  const points = [...new Set(cuts.map((c) => c % (data.length + 1)))].sort((a, b) => a - b);
  const bounds = [0, ...points.filter((p) => p > 0 && p < data.length), data.length];
  return bounds.slice(0, -1).map((from, i) => ({ offset: from, data: data.subarray(from, bounds[i + 1]) }));
}

describe('WriteReorder', () => {
  it('rebuilds the file from writes in any order, without duplicates or gaps', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 4000 }),
        fc.array(fc.nat(), { maxLength: 40 }),
        fc.infiniteStream(fc.nat()),
        (bytes, cuts, shuffle) => {
          const data = Buffer.from(bytes);
          const parts = pieces(data, cuts);
          const order = parts.map((p, i) => ({ p, key: shuffle.next().value + i / 1000 }));
          order.sort((a, b) => a.key - b.key);
          const reorder = new WriteReorder(1 << 20);
          const out: Buffer[] = [];
          for (const { p } of order) out.push(...reorder.accept(p.offset, p.data));
          expect(reorder.hasGap).toBe(false);
          expect(Buffer.concat(out).equals(data)).toBe(true);
          expect(reorder.contiguous).toBe(data.length);
        },
      ),
    );
  });

  it('ignores an exact retransmission and refuses a rewrite of written data', () => {
    const r = new WriteReorder(1024);
    expect(Buffer.concat(r.accept(0, Buffer.from('abcd')))).toEqual(Buffer.from('abcd'));
    expect(r.accept(0, Buffer.from('ab'))).toEqual([]);
    expect(() => r.accept(2, Buffer.from('xyz'))).toThrow(/overlaps/);
  });

  it('refuses to hold more than its limit ahead of a gap', () => {
    const r = new WriteReorder(10);
    expect(r.accept(5, Buffer.alloc(8))).toEqual([]);
    expect(() => r.accept(20, Buffer.alloc(8))).toThrow(/ahead of a gap/);
    expect(r.hasGap).toBe(true);
    expect(Buffer.concat(r.accept(0, Buffer.alloc(5))).length).toBe(13);
  });
});
