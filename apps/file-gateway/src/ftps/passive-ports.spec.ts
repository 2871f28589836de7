import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { PassivePortPool, plainAddress, sameClient } from './passive-ports';

describe('PassivePortPool', () => {
  it('hands out each port once until released, round-robin', () => {
    const pool = new PassivePortPool(5000, 5002);
    expect([pool.acquire(), pool.acquire(), pool.acquire()]).toEqual([5000, 5001, 5002]);
    expect(pool.acquire()).toBeNull();
    pool.release(5001);
    expect(pool.acquire()).toBe(5001);
    pool.release(5000);
    pool.release(5002);
    expect(pool.acquire()).toBe(5002);
    expect(pool.inUse).toBe(2);
  });

  it('refuses a bad range', () => {
    expect(() => new PassivePortPool(3000, 2000)).toThrow();
    expect(() => new PassivePortPool(0, 10)).toThrow();
    expect(() => new PassivePortPool(65000, 70000)).toThrow();
  });

  it('skips a port another process holds and releases what it binds', async () => {
    const squatter = createServer();
    await new Promise<void>((r) => squatter.listen(0, '127.0.0.1', () => r()));
    const held = (squatter.address() as { port: number }).port;
    const pool = new PassivePortPool(held, held + 1);
    const bound = await pool.listen('127.0.0.1');
    expect(bound?.port).toBe(held + 1);
    expect(pool.inUse).toBe(1);
    expect(await pool.listen('127.0.0.1')).toBeNull();
    await new Promise<void>((r) => bound!.server.close(() => r()));
    bound!.release();
    expect(pool.inUse).toBe(0);
    await new Promise<void>((r) => squatter.close(() => r()));
  });
});

describe('data connection address check', () => {
  it('accepts only the control connection address, IPv4-mapped or not', () => {
    expect(plainAddress('::ffff:10.1.2.3')).toBe('10.1.2.3');
    expect(sameClient('10.1.2.3', { remoteAddress: '::ffff:10.1.2.3' })).toBe(true);
    expect(sameClient('10.1.2.3', { remoteAddress: '10.1.2.4' })).toBe(false);
    expect(sameClient('10.1.2.3', { remoteAddress: undefined })).toBe(false);
    expect(sameClient('', { remoteAddress: undefined })).toBe(false);
  });
});
