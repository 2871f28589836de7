import { timingSafeEqual } from 'node:crypto';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Something read at scrape time (queue depths, outbox lag, pool use), not on every request. */
export type MetricsSource = () => Promise<void> | void;

const SOURCE_TIMEOUT_MS = 2000;

/**
 * The process's Prometheus metrics (docs/observability.md lists every series). Counters and
 * histograms are updated where things happen, with enum-valued labels only; gauges of state are
 * filled by sources when /metrics is scraped.
 */
export class ConduitMetrics {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<'method' | 'route' | 'status_code'>;
  readonly payments: Counter<'interface' | 'action' | 'outcome'>;
  readonly webhookAttempts: Counter<'result' | 'error_class'>;
  readonly webhookPostDuration: Histogram<'result'>;
  readonly webhookDeliveriesOwed: Gauge;
  readonly webhookPostsInFlight: Gauge;
  readonly queueDepth: Gauge<'queue' | 'state'>;
  readonly jobDuration: Histogram<'queue' | 'job' | 'result'>;
  readonly outboxLag: Gauge;
  readonly dbPoolTotal: Gauge;
  readonly dbPoolIdle: Gauge;
  readonly dbPoolWaiting: Gauge;
  private readonly sources: MetricsSource[] = [];

  constructor(service: string) {
    const registers = [this.registry];
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry, prefix: 'conduit_' });
    this.httpDuration = new Histogram({
      name: 'conduit_http_request_duration_seconds',
      help: 'HTTP requests by method, route template and status code',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.payments = new Counter({
      name: 'conduit_payments_total',
      help: 'Payment actions by interface, action and outcome',
      labelNames: ['interface', 'action', 'outcome'],
      registers,
    });
    this.webhookAttempts = new Counter({
      name: 'conduit_webhook_attempts_total',
      help: 'Webhook posts by result and error class',
      labelNames: ['result', 'error_class'],
      registers,
    });
    this.webhookPostDuration = new Histogram({
      name: 'conduit_webhook_post_duration_seconds',
      help: 'Webhook posts from lease to recorded attempt, by result',
      labelNames: ['result'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.webhookDeliveriesOwed = new Gauge({
      name: 'conduit_webhook_deliveries_owed',
      help: 'Deliveries owed an attempt now that no worker has leased (the delivery backlog)',
      registers,
    });
    this.webhookPostsInFlight = new Gauge({
      name: 'conduit_webhook_posts_in_flight',
      help: 'Webhook posts this worker has leased and not yet recorded',
      registers,
    });
    this.queueDepth = new Gauge({
      name: 'conduit_queue_depth',
      help: 'BullMQ jobs by queue and state',
      labelNames: ['queue', 'state'],
      registers,
    });
    this.jobDuration = new Histogram({
      name: 'conduit_job_duration_seconds',
      help: 'BullMQ job run time by queue, job name and result',
      labelNames: ['queue', 'job', 'result'],
      buckets: [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
      registers,
    });
    this.outboxLag = new Gauge({
      name: 'conduit_outbox_lag_seconds',
      help: 'Age of the oldest unpublished outbox event (0 when none waits)',
      registers,
    });
    this.dbPoolTotal = new Gauge({
      name: 'conduit_db_pool_total',
      help: 'PostgreSQL connections open in this process',
      registers,
    });
    this.dbPoolIdle = new Gauge({
      name: 'conduit_db_pool_idle',
      help: 'Idle PostgreSQL connections in this process',
      registers,
    });
    this.dbPoolWaiting = new Gauge({
      name: 'conduit_db_pool_waiting',
      help: 'Queries waiting for a PostgreSQL connection',
      registers,
    });
  }

  addSource(source: MetricsSource) {
    this.sources.push(source);
  }

  /** The exposition text. A slow or failing source leaves its gauges as they were. */
  async render(): Promise<string> {
    await Promise.all(
      this.sources.map((source) =>
        Promise.race([
          Promise.resolve()
            .then(source)
            .catch(() => undefined),
          new Promise((resolve) => setTimeout(resolve, SOURCE_TIMEOUT_MS).unref()),
        ]),
      ),
    );
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

let active: ConduitMetrics | null = null;

/** Creates the process's metrics (once); until then `metrics()` is null and every hook is a no-op. */
export function startMetrics(service: string): ConduitMetrics {
  active ??= new ConduitMetrics(service);
  return active;
}

/** The process's metrics, or null when METRICS_ENABLED is off. */
export function metrics(): ConduitMetrics | null {
  return active;
}

/**
 * Whether a scrape may read /metrics: any when no token is configured (development; production
 * requires one), else only `Authorization: Bearer <token>`, compared in constant time.
 */
export function scrapeAllowed(authorization: string | undefined, token: string | null): boolean {
  if (!token) return true;
  const given = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1]?.trim() ?? '';
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
