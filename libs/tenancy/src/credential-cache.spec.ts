import { describe, expect, it } from 'vitest';
import { CredentialCache } from './credential-cache';

describe('CredentialCache', () => {
  it('reads through until it is listening, then serves the stored row', async () => {
    const cache = new CredentialCache<{ v: number }>();
    let reads = 0;
    const read = async () => ({ v: ++reads });
    expect(await cache.load('a', read)).toEqual({ v: 1 });
    expect(await cache.load('a', read)).toEqual({ v: 2 });
    cache.listening();
    expect(await cache.load('a', read)).toEqual({ v: 3 });
    expect(await cache.load('a', read)).toEqual({ v: 3 });
    cache.invalidate();
    expect(await cache.load('a', read)).toEqual({ v: 4 });
  });

  it('never stores a row read before a change that landed while it was being read', async () => {
    const cache = new CredentialCache<{ v: number }>();
    cache.listening();
    let release: (row: { v: number }) => void = () => undefined;
    const slow = cache.load('a', () => new Promise<{ v: number }>((resolve) => (release = resolve)));
    cache.invalidate();
    release({ v: 1 });
    expect(await slow).toEqual({ v: 1 });
    expect(await cache.load('a', async () => ({ v: 2 }))).toEqual({ v: 2 });
  });

  it('forgets everything when notifications stop, and expires rows after its ttl', async () => {
    const cache = new CredentialCache<{ v: number }>(0);
    cache.listening();
    await cache.load('a', async () => ({ v: 1 }));
    expect(await cache.load('a', async () => ({ v: 2 }))).toEqual({ v: 2 });
    const kept = new CredentialCache<{ v: number }>();
    kept.listening();
    await kept.load('a', async () => ({ v: 1 }));
    kept.lost();
    expect(kept.caching).toBe(false);
    expect(await kept.load('a', async () => ({ v: 2 }))).toEqual({ v: 2 });
  });

  it('does not cache unknown identifiers', async () => {
    const cache = new CredentialCache<{ v: number }>();
    cache.listening();
    expect(await cache.load('x', async () => null)).toBeNull();
    expect(await cache.load('x', async () => ({ v: 1 }))).toEqual({ v: 1 });
  });
});

describe('CredentialCache sharing', () => {
  it('shares one read among callers that miss together, but not across a change', async () => {
    const cache = new CredentialCache<{ v: number }>();
    cache.listening();
    let n = 0;
    const read = () => new Promise<{ v: number }>((r) => setTimeout(() => r({ v: ++n }), 5));
    const [a, b] = await Promise.all([cache.load('k', read), cache.load('k', read)]);
    expect(a).toBe(b);
    expect(n).toBe(1);
    cache.invalidate();
    const before = cache.load('k', read);
    cache.invalidate();
    const after = cache.load('k', read);
    expect(await before).not.toBe(await after);
    expect(n).toBe(3);
  });
});
