import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CONDUIT_CONFIG, type ConduitConfig } from '@conduit/config';
import type { Redis } from 'ioredis';
import { UnitOfWork } from '@conduit/db';
import type { Logger } from '@conduit/observability';
import { createRedis, OUTBOX_CHANNEL, subscribeWhenReady } from '@conduit/queues';
import { WORKER_LOGGER } from '../worker-logger';
import { StatisticsRefresh } from './statistics-refresh';
import { WebhookDispatch } from './webhook-dispatch.service';

const BATCH = 500;
const POLL_MS = 1000;

/**
 * The outbox relay (docs/webhooks.md "Flow"): turns committed events into deliveries and wakes
 * this worker's dispatcher. Woken by the api's Redis message after each payment commits (decision
 * 0012) and by a 1 s timer; every worker replica runs one, and SKIP LOCKED keeps them off each
 * other's rows.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private subscriber: Redis | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private again = false;
  private stopped = false;
  private readonly statistics = new StatisticsRefresh();

  constructor(
    private readonly uow: UnitOfWork,
    private readonly dispatch: WebhookDispatch,
    @Inject(CONDUIT_CONFIG) private readonly config: ConduitConfig,
    @Inject(WORKER_LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap() {
    // A connection of its own: a subscribed ioredis client can do nothing else. It resubscribes
    // after a reconnect; until then the timer below carries the relay.
    this.subscriber = createRedis(this.config.redisUrl);
    this.subscriber.on('message', () => this.wake());
    this.subscriber.on('error', (err) =>
      this.logger.warn({ reason: err.message }, 'outbox wake-ups lost their Redis connection; polling'),
    );
    subscribeWhenReady(this.subscriber, OUTBOX_CHANNEL).catch((err: Error) =>
      this.logger.warn({ reason: err.message }, 'could not subscribe to outbox wake-ups; polling'),
    );
    this.timer = setInterval(() => this.wake(), POLL_MS);
    this.wake();
  }

  /** Runs a pass now, or right after the one in progress. */
  wake() {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    void this.pass().finally(() => {
      this.running = false;
      if (this.again && !this.stopped) {
        this.again = false;
        this.wake();
      }
    });
  }

  private async pass() {
    try {
      for (;;) {
        const { events, deliveries } = await this.uow.read.webhookEngine.relay(BATCH);
        if (deliveries.length) this.dispatch.wake();
        if (this.statistics.note(deliveries.length, Date.now())) await this.refreshStatistics();
        if (events < BATCH || this.stopped) break;
      }
    } catch (err) {
      // The events wait in PostgreSQL; the next pass (≤ 1 s) tries again.
      this.logger.warn({ reason: (err as Error).message }, 'outbox relay pass failed');
    }
  }

  /** Re-reads the deliveries table's statistics (decision 0042); a failure only waits for the next. */
  private async refreshStatistics() {
    try {
      this.statistics.refreshed(await this.uow.read.webhookEngine.refreshStatistics(), Date.now());
    } catch (err) {
      this.statistics.refreshed(0, Date.now());
      this.logger.warn({ reason: (err as Error).message }, 'could not refresh the deliveries statistics');
    }
  }

  async onApplicationShutdown() {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.subscriber?.disconnect();
  }
}
