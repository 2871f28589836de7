import { createServer, type Server } from 'node:http';
import { hostname } from 'node:os';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Logger } from '@conduit/observability';
import { checkEvictionPolicy, HEARTBEAT_TTL_MS, REDIS, WorkerHeartbeats } from '@conduit/queues';
import { QueueRunner } from '../jobs/queue-runner.service';
import { WORKER_LOGGER } from '../worker-logger';

// Three beats per TTL: one lost beat does not make a live worker look gone.
const HEARTBEAT_EVERY_MS = HEARTBEAT_TTL_MS / 3;

/**
 * Reports health two ways: a heartbeat in Redis (the api's /health/ready counts live workers;
 * one that stops beating drops out after HEARTBEAT_TTL_MS) and, when WORKER_HEALTH_PORT is set,
 * `GET /health` on that port.
 */
@Injectable()
export class WorkerHealth implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly id = `${hostname()}:${process.pid}`;
  private timer: NodeJS.Timeout | null = null;
  private server: Server | null = null;
  private readonly heartbeats: WorkerHeartbeats;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly runner: QueueRunner,
    @Inject(WORKER_LOGGER) private readonly logger: Logger,
  ) {
    this.heartbeats = new WorkerHeartbeats(redis);
  }

  async onApplicationBootstrap() {
    const { ok, policy } = await checkEvictionPolicy(this.redis);
    if (!ok) {
      this.logger.warn(
        { policy },
        `Redis maxmemory-policy is ${policy ?? 'unreadable'}, not noeviction: Redis may evict queued jobs. Set maxmemory-policy noeviction.`,
      );
    }
    await this.beat();
    this.timer = setInterval(() => void this.beat().catch(() => undefined), HEARTBEAT_EVERY_MS);
    const port = Number(process.env.WORKER_HEALTH_PORT ?? 0);
    if (port > 0) {
      this.server = createServer((req, res) => void this.answer(req.url ?? '', res));
      this.server.listen(port, '127.0.0.1');
    }
    this.logger.info({ workerId: this.id, healthPort: port || null, evictionPolicy: policy }, 'worker ready');
  }

  async status() {
    const redis = await this.redis.ping().then(
      () => true,
      () => false,
    );
    const ok = redis && this.runner.workersRunning();
    return { status: ok ? 'ok' : 'unavailable', workerId: this.id, redis, queues: this.runner.queueNames() };
  }

  private async answer(url: string, res: import('node:http').ServerResponse) {
    const body = url.startsWith('/health') ? await this.status() : { statusCode: 404, message: 'Not Found' };
    res.writeHead('status' in body && body.status === 'ok' ? 200 : url.startsWith('/health') ? 503 : 404, {
      'content-type': 'application/json',
    });
    res.end(JSON.stringify(body));
  }

  private beat() {
    return this.heartbeats.beat(this.id);
  }

  async onApplicationShutdown() {
    if (this.timer) clearInterval(this.timer);
    this.server?.close();
    const bye = this.heartbeats
      .leave(this.id)
      .then(() => this.redis.quit())
      .catch(() => undefined);
    await Promise.race([bye, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
    this.redis.disconnect();
  }
}
