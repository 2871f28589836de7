import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CONDUIT_CONFIG, type ConduitConfig } from '@conduit/config';
import { databasePoolStats, UnitOfWork } from '@conduit/db';
import { type ConduitMetrics, type Logger, metrics, scrapeAllowed } from '@conduit/observability';
import { WorkerQueues } from '../jobs/worker-queues.service';
import { WebhookDispatch } from '../webhooks/webhook-dispatch.service';
import { WORKER_LOGGER } from '../worker-logger';

/** The BullMQ states a depth is reported for. */
const STATES = ['waiting', 'active', 'delayed', 'prioritized', 'paused', 'failed', 'completed'] as const;

/**
 * The worker's `/metrics` (METRICS_ENABLED): its own listener on METRICS_HOST:METRICS_PORT
 * (127.0.0.1 by default), since the worker serves no HTTP otherwise. Queue depths, the webhook
 * backlog, outbox lag and pool use are read when scraped, so nothing polls between scrapes.
 */
@Injectable()
export class WorkerMetrics implements OnApplicationBootstrap, OnApplicationShutdown {
  private server: Server | null = null;

  constructor(
    private readonly queues: WorkerQueues,
    private readonly uow: UnitOfWork,
    private readonly webhooks: WebhookDispatch,
    @Inject(CONDUIT_CONFIG) private readonly config: ConduitConfig,
    @Inject(WORKER_LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap() {
    const m = metrics();
    const settings = this.config.observability;
    if (!settings.metricsEnabled || !m) return;
    this.addSources(m);
    this.server = createServer((req, res) => void this.answer(m, req, res));
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(settings.metricsPort, settings.metricsHost, () => resolve());
    });
    this.logger.info({ host: settings.metricsHost, port: settings.metricsPort }, 'worker metrics listening');
  }

  private addSources(m: ConduitMetrics) {
    m.addSource(async () => {
      for (const queue of this.queues.all()) {
        const counts = await queue.getJobCounts(...STATES);
        for (const state of STATES) m.queueDepth.set({ queue: queue.name, state }, counts[state] ?? 0);
      }
    });
    m.addSource(async () => m.outboxLag.set(await this.uow.read.webhookEngine.outboxLagSeconds()));
    // Webhooks have no queue (decision 0043): their backlog is the owed rows in PostgreSQL.
    m.addSource(async () => m.webhookDeliveriesOwed.set(await this.uow.read.webhookEngine.owedCount()));
    m.addSource(() => m.webhookPostsInFlight.set(this.webhooks.postsInFlight));
    m.addSource(() => {
      const pool = databasePoolStats();
      m.dbPoolTotal.set(pool.total);
      m.dbPoolIdle.set(pool.idle);
      m.dbPoolWaiting.set(pool.waiting);
    });
  }

  private async answer(m: ConduitMetrics, req: IncomingMessage, res: ServerResponse) {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'GET' || path !== '/metrics') {
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end('{"statusCode":404,"message":"Not Found"}');
      return;
    }
    if (!scrapeAllowed(req.headers.authorization, this.config.observability.metricsToken)) {
      res
        .writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer' })
        .end('{"statusCode":401,"message":"A metrics token is required"}');
      return;
    }
    try {
      const body = await m.render();
      res.writeHead(200, { 'content-type': m.contentType }).end(body);
    } catch {
      res.writeHead(500).end();
    }
  }

  async onApplicationShutdown() {
    await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(null)));
  }
}
