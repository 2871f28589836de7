import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { freePort } from '../../scripts/lib/ports.mjs';
import { startRedis } from '../../scripts/lib/redis.mjs';
import { OUTBOX_CHANNEL, OutboxSignal, subscribeWhenReady } from '@conduit/queues';
import { testRedis } from './helpers';

describe('outbox wake-ups over Redis (real Redis)', () => {
  const redis = testRedis();
  const subscriber = testRedis();
  afterAll(async () => {
    await subscriber.quit();
    await redis.quit();
  });

  it('publishes one message for the commits of one event-loop turn, and again for the next', async () => {
    const heard: string[] = [];
    subscriber.on('message', (channel) => heard.push(channel));
    await subscribeWhenReady(subscriber, OUTBOX_CHANNEL);
    const signal = new OutboxSignal(redis);
    signal.wake();
    signal.wake();
    signal.wake();
    await vi.waitFor(() => expect(heard).toEqual([OUTBOX_CHANNEL]), { timeout: 5000, interval: 10 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heard).toHaveLength(1);
    signal.wake();
    await vi.waitFor(() => expect(heard).toHaveLength(2), { timeout: 5000, interval: 10 });
  });

  it('never throws into the payment when Redis is unreachable', async () => {
    const gone = testRedis();
    gone.disconnect();
    const signal = new OutboxSignal(gone);
    expect(() => signal.wake()).not.toThrow();
    await new Promise((resolve) => setImmediate(resolve));
  });

  it('subscribes once Redis comes up when it is away at start, through its connection errors', async () => {
    const port = await freePort();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'conduit-sub-'));
    const late = new Redis(`redis://127.0.0.1:${port}`, {
      maxRetriesPerRequest: null,
      retryStrategy: () => 50,
    });
    const errors: string[] = [];
    late.on('error', (e: Error) => errors.push(e.message));
    const heard: string[] = [];
    late.on('message', (channel: string) => heard.push(channel));
    const subscribed = subscribeWhenReady(late, OUTBOX_CHANNEL);
    await vi.waitFor(() => expect(errors.length).toBeGreaterThan(1), { timeout: 5000, interval: 20 });
    const server = await startRedis({ port, dir, persistent: false });
    try {
      await subscribed;
      const publisher = new Redis(server.url);
      await publisher.publish(OUTBOX_CHANNEL, '');
      await vi.waitFor(() => expect(heard).toEqual([OUTBOX_CHANNEL]), { timeout: 5000, interval: 10 });
      publisher.disconnect();
    } finally {
      late.disconnect();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sends SUBSCRIBE only once the connection is ready, never during its handshake', async () => {
    // The race itself (ioredis#2037) needs SUBSCRIBE to land between handshake commands, which a
    // test cannot arrange; what prevents it can be observed: the state SUBSCRIBE is sent in.
    const fresh = testRedis();
    const sentWhile: string[] = [];
    const send = fresh.sendCommand.bind(fresh);
    fresh.sendCommand = ((command: { name: string }, ...rest: unknown[]) => {
      if (command.name === 'subscribe') sentWhile.push(fresh.status);
      return (send as (...a: unknown[]) => unknown)(command, ...rest);
    }) as typeof fresh.sendCommand;
    expect(fresh.status).not.toBe('ready');
    await subscribeWhenReady(fresh, OUTBOX_CHANNEL);
    expect(sentWhile).toEqual(['ready']);
    fresh.disconnect();
    await expect(subscribeWhenReady(fresh, OUTBOX_CHANNEL)).rejects.toThrow(/closed/);
  });
});
