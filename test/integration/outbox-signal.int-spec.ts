import { afterAll, describe, expect, it, vi } from 'vitest';
import { OUTBOX_CHANNEL, OutboxSignal } from '@conduit/queues';
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
    await subscriber.subscribe(OUTBOX_CHANNEL);
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
});
