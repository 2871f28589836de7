import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Redis } from 'ioredis';
import { Public } from '@conduit/auth';
import { DB_CLIENT, type DbClient } from '@conduit/db';
import type { Logger } from '@conduit/observability';
import { REDIS, WorkerHeartbeats } from '@conduit/queues';
import { APP_LOGGER } from '../http/logger.provider';

const CHECK_TIMEOUT_MS = 2000;

/** Whether `fn` answered within the timeout, and how fast. Why it did not is for the log only. */
async function timed<T>(
  fn: () => Promise<T>,
): Promise<{ ok: boolean; ms: number; value?: T; error?: string }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const value = await Promise.race([
      fn(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { ok: true, ms: Math.round(performance.now() - started), value };
  } catch (err) {
    return { ok: false, ms: Math.round(performance.now() - started), error: (err as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

@Public()
@Controller('health')
export class HealthController {
  private readonly heartbeats: WorkerHeartbeats;

  constructor(
    @Inject(DB_CLIENT) private readonly db: DbClient,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {
    this.heartbeats = new WorkerHeartbeats(redis);
  }

  /** The process is up (for restarts). */
  @Get('live')
  live() {
    return { status: 'ok', uptimeSeconds: Math.round(process.uptime()) };
  }

  /**
   * The process can serve: PostgreSQL and Redis answer (for load balancers), with the count of
   * live workers. Public, so it says what is down, never why: a driver's message names hosts,
   * ports and users. The reason goes to the log.
   */
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const [database, redis] = await Promise.all([
      timed(() => this.db.$queryRaw`SELECT 1`),
      timed(() => this.redis.ping()),
    ]);
    const workers = redis.ok ? await timed(() => this.heartbeats.live()) : null;
    for (const [check, r] of [
      ['database', database],
      ['redis', redis],
      ['workers', workers],
    ] as const) {
      if (r && !r.ok) this.logger.warn({ check, reason: r.error, ms: r.ms }, 'readiness check failed');
    }
    const ok = database.ok && redis.ok;
    reply.status(ok ? 200 : 503);
    return {
      status: ok ? 'ok' : 'unavailable',
      checks: { database: { ok: database.ok, ms: database.ms }, redis: { ok: redis.ok, ms: redis.ms } },
      workers: workers?.ok ? workers.value : null,
    };
  }
}
