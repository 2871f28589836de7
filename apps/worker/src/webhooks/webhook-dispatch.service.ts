import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { CONDUIT_CONFIG, type ConduitConfig } from '@conduit/config';
import type { LeasedDelivery } from '@conduit/db';
import { type Logger, requestContext, scrubText } from '@conduit/observability';
import { WebhookDeliveryService } from '@conduit/webhooks';
import { WORKER_LOGGER } from '../worker-logger';
import { DeliveryDispatcher } from './delivery-dispatcher';

/** Retries come due and a dead worker's leases lapse without a wake-up: looked for this often. */
const POLL_MS = 1000;

/**
 * The worker's webhook posts (docs/webhooks.md "Flow"): up to WEBHOOK_CONCURRENCY at once, leased
 * from PostgreSQL in batches. The outbox relay wakes it when it has made deliveries; a timer does
 * the rest. On shutdown it stops leasing and lets the posts in flight record their attempts.
 */
@Injectable()
export class WebhookDispatch implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly dispatcher: DeliveryDispatcher<LeasedDelivery>;
  private timer: NodeJS.Timeout | null = null;
  private readonly drainMs: number;

  constructor(
    private readonly delivery: WebhookDeliveryService,
    @Inject(CONDUIT_CONFIG) config: ConduitConfig,
    @Inject(WORKER_LOGGER) private readonly logger: Logger,
  ) {
    // As long as a lease (WebhookDeliveryService): a post still running after that is posted
    // again by another worker anyway, so waiting longer would only delay the stop.
    this.drainMs = 3 * config.webhooks.timeoutMs + 5000;
    this.dispatcher = new DeliveryDispatcher(
      {
        lease: (limit) => this.delivery.leaseDue(limit),
        deliver: (d) => this.post(d),
        failed: (stage, err) =>
          this.logger.warn(
            { stage, reason: scrubText((err as Error).message) },
            stage === 'lease'
              ? 'could not lease webhook deliveries; trying again within a second'
              : 'a webhook post failed before its attempt was recorded; its lease will lapse',
          ),
      },
      config.webhooks.concurrency,
    );
  }

  onApplicationBootstrap() {
    this.timer = setInterval(() => this.dispatcher.wake(true), POLL_MS);
    this.dispatcher.wake();
  }

  /** Deliveries may be owed now (the relay just made some). */
  wake() {
    this.dispatcher.wake();
  }

  /** Posts leased by this worker and not yet recorded (a metrics gauge). */
  get postsInFlight(): number {
    return this.dispatcher.active;
  }

  private post(d: LeasedDelivery) {
    return requestContext.run({ correlationId: `webhook-${d.id}` }, () => this.delivery.deliver(d));
  }

  /** Before the database closes (onApplicationShutdown): the posts in flight record their attempts. */
  async beforeApplicationShutdown() {
    if (this.timer) clearInterval(this.timer);
    let timeout: NodeJS.Timeout | undefined;
    const waited = await Promise.race([
      this.dispatcher.stop().then(() => true),
      new Promise<false>((resolve) => (timeout = setTimeout(() => resolve(false), this.drainMs))),
    ]);
    clearTimeout(timeout);
    if (!waited)
      this.logger.warn(
        { postsInFlight: this.dispatcher.active },
        'stopping with webhook posts in flight; their leases will lapse and another worker posts them',
      );
  }
}
