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

  it('with maxInFlight, gathers the calls made while a batch runs into the next one', async () => {
    const batches: number[][] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const c = new Coalescer<number, number>(
      async (xs) => {
        batches.push(xs);
        if (batches.length === 1) await gate;
        return xs;
      },
      200,
      1,
    );
    const first = c.call(1);
    await new Promise((r) => setImmediate(r));
    // Made in three different turns while batch [1] is in flight: they must wait and go together.
    const later: Promise<number>[] = [];
    for (const x of [2, 3, 4]) {
      later.push(c.call(x));
      await new Promise((r) => setImmediate(r));
    }
    expect(batches).toEqual([[1]]);
    release();
    expect(await Promise.all([first, ...later])).toEqual([1, 2, 3, 4]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('with maxInFlight, runs the next batch after a failed one', async () => {
    let n = 0;
    const c = new Coalescer<number, number>(
      async (xs) => {
        if (n++ === 0) throw new Error('database down');
        return xs;
      },
      200,
      1,
    );
    const failed = expect(c.call(1)).rejects.toThrow('database down');
    await new Promise((r) => setImmediate(r));
    const next = c.call(2);
    await failed;
    expect(await next).toBe(2);
  });

  it('rejects every call of a failed batch', async () => {
    const c = new Coalescer<number, number>(async () => {
      throw new Error('database down');
    });
    const results = await Promise.allSettled([c.call(1), c.call(2)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
