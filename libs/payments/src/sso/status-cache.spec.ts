import { afterEach, describe, expect, it, vi } from 'vitest';
import { StatusCache } from './status-cache';

describe('StatusCache', () => {
  afterEach(() => vi.useRealTimers());

  it('reuses a row for its ttl, then refreshes it with one read while callers keep the old row', async () => {
    vi.useFakeTimers({ now: 0 });
    const cache = new StatusCache<{ v: number }>(1000);
    let reads = 0;
    let release: (v: { v: number }) => void = () => undefined;
    const read = vi.fn(() => {
      reads++;
      return reads === 1 ? Promise.resolve({ v: 1 }) : new Promise<{ v: number }>((r) => (release = r));
    });
    expect(await cache.get('k', read)).toEqual({ v: 1 });
    expect(await cache.get('k', read)).toEqual({ v: 1 });
    expect(read).toHaveBeenCalledTimes(1);
    vi.setSystemTime(1500);
    const stale = await Promise.all([cache.get('k', read), cache.get('k', read), cache.get('k', read)]);
    expect(stale).toEqual([{ v: 1 }, { v: 1 }, { v: 1 }]);
    expect(read).toHaveBeenCalledTimes(2);
    release({ v: 2 });
    await vi.waitFor(async () => expect(await cache.get('k', read)).toEqual({ v: 2 }));
  });

  it('waits for the read once a row is past its grace, and shares it among concurrent callers', async () => {
    vi.useFakeTimers({ now: 0 });
    const cache = new StatusCache<{ v: number }>(1000, 500);
    let n = 0;
    const read = vi.fn(async () => ({ v: ++n }));
    await cache.get('k', read);
    vi.setSystemTime(2000);
    expect(await Promise.all([cache.get('k', read), cache.get('k', read)])).toEqual([{ v: 2 }, { v: 2 }]);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('does not let a read in flight put back a row that was forgotten', async () => {
    const cache = new StatusCache<{ v: number }>(1000);
    let release: (v: { v: number }) => void = () => undefined;
    const first = cache.get('k', () => new Promise((r) => (release = r)));
    cache.forget('k');
    release({ v: 1 });
    expect(await first).toEqual({ v: 1 });
    expect(await cache.get('k', async () => ({ v: 2 }))).toEqual({ v: 2 });
  });

  it('does not keep unknown keys, and passes read failures to the caller', async () => {
    const cache = new StatusCache<{ v: number }>(1000);
    expect(await cache.get('k', async () => null)).toBeNull();
    await expect(cache.get('k', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.get('k', async () => ({ v: 3 }))).toEqual({ v: 3 });
  });
});
