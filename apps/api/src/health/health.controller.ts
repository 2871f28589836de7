import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Redis } from 'ioredis';
import { Public } from '@conduit/auth';
import { DB_CLIENT, type DbClient } from '@conduit/db';
import { REDIS, WORKER_HEARTBEAT_PREFIX } from '@conduit/queues';

async function timed<T>(fn: () => Promise<T>): Promise<{ ok: boolean; ms: number; error?: string }> {
  const started = performance.now();
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), 2000)),
    ]);
    return { ok: true, ms: Math.round(performance.now() - started) };
  } catch (err) {
    return { ok: false, ms: Math.round(performance.now() - started), error: (err as Error).message };
  }
}

@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(DB_CLIENT) private readonly db: DbClient,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** The process is up (for restarts). */
  @Get('live')
  live() {
    return { status: 'ok', uptimeSeconds: Math.round(process.uptime()) };
  }

  /** The process can serve: PostgreSQL and Redis answer (for load balancers). */
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const [database, redis] = await Promise.all([
      timed(() => this.db.$queryRaw`SELECT 1`),
      timed(() => this.redis.ping()),
    ]);
    const workers = redis.ok ? (await this.redis.keys(`${WORKER_HEARTBEAT_PREFIX}*`)).length : null;
    const ok = database.ok && redis.ok;
    reply.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'unavailable', checks: { database, redis }, workers };
  }
}
