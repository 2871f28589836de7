import type { Redis } from 'ioredis';
import { KEY_PREFIX } from './redis';

/** The Redis channel the outbox relay subscribes to. */
export const OUTBOX_CHANNEL = `${KEY_PREFIX}outbox`;

/**
 * Wakes the outbox relay once a payment's events have committed (decision 0012). A hint, not the
 * delivery path: the events are in PostgreSQL and the relay also polls every second, so a lost
 * message (Redis away) only delays a webhook. Commits in one event-loop turn share one PUBLISH,
 * and a failure never reaches the payment.
 */
export class OutboxSignal {
  private pending = false;

  constructor(private readonly redis: Redis) {}

  wake(): void {
    if (this.pending) return;
    this.pending = true;
    setImmediate(() => {
      this.pending = false;
      this.redis.publish(OUTBOX_CHANNEL, '').catch(() => undefined);
    });
  }
}
