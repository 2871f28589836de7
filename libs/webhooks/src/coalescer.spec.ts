import { describe, expect, it } from 'vitest';
import { Coalescer } from './coalescer';

describe('Coalescer', () => {
  it('runs calls made together as one batch and answers each its own result', async () => {
    const batches: number[][] = [];
    const c = new Coalescer<number, number>(async (xs) => {
      batches.push(xs);
      return xs.map((x) => x * 10);
    });
    const results = await Promise.all([1, 2, 3].map((x) => c.call(x)));
    expect(results).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
    expect(await c.call(4)).toBe(40);
    expect(batches).toHaveLength(2);
  });

  it('splits at the maximum batch size', async () => {
    const sizes: number[] = [];
    const c = new Coalescer<number, number>(async (xs) => (sizes.push(xs.length), xs), 2);
    await Promise.all([1, 2, 3, 4, 5].map((x) => c.call(x)));
    expect(sizes).toEqual([2, 2, 1]);
  });

  it('rejects every call of a failed batch', async () => {
    const c = new Coalescer<number, number>(async () => {
      throw new Error('database down');
    });
    const results = await Promise.allSettled([c.call(1), c.call(2)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
