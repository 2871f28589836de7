import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { HEARTBEAT_TTL_MS, WORKER_HEARTBEATS_KEY } from '@conduit/queues';
import { createTestDatabase, pgUrlFrom } from '@conduit/testing';
import { freePort } from '../../scripts/lib/ports.mjs';
import { startRedis } from '../../scripts/lib/redis.mjs';
import { spawnApp, waitForReady } from '../../scripts/lib/stack.mjs';
import { call } from './client';

/** How many times Redis has run `name` since it started (INFO commandstats). */
async function commandCalls(redis: Redis, name: string): Promise<number> {
  const info = await redis.info('commandstats');
  return Number(new RegExp(`^cmdstat_${name}:calls=(\\d+)`, 'm').exec(info)?.[1] ?? 0);
}

describe('health', () => {
  const redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: null });
  afterAll(() => redis.quit());

  it('answers live and ready with the database and Redis checked', async () => {
    const live = await call<{ status: string }>('GET', '/health/live');
    expect(live.status).toBe(200);
    expect(live.body.status).toBe('ok');
    const ready = await call<{ status: string; checks: Record<string, { ok: boolean }> }>(
      'GET',
      '/health/ready',
    );
    expect(ready.status).toBe(200);
    expect(ready.body.checks.database.ok).toBe(true);
    expect(ready.body.checks.redis.ok).toBe(true);
  });

  it('counts the running worker, which reports its own health and queues', async () => {
    let workers = 0;
    for (let i = 0; i < 50 && workers < 1; i++) {
      workers = ((await call<{ workers: number }>('GET', '/health/ready')).body.workers ?? 0) as number;
      if (workers < 1) await new Promise((r) => setTimeout(r, 200));
    }
    expect(workers).toBeGreaterThanOrEqual(1);
    const res = await fetch(inject('workerHealthUrl'));
    const body = (await res.json()) as { status: string; queues: string[]; redis: boolean };
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', redis: true });
    expect(body.queues).toContain('maintenance');
  });

  it('counts workers without KEYS, from heartbeats that expire', async () => {
    const before = await commandCalls(redis, 'keys');
    for (let i = 0; i < 5; i++) expect((await call('GET', '/health/ready')).status).toBe(200);
    expect(await commandCalls(redis, 'keys')).toBe(before);
    // One sorted set of beats that dies with the last worker, and no key per worker to leak.
    const ttl = await redis.pttl(WORKER_HEARTBEATS_KEY);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(HEARTBEAT_TTL_MS);
    expect(await redis.zcard(WORKER_HEARTBEATS_KEY)).toBeGreaterThanOrEqual(1);
  });

  it('sends a correlation ID on every answer, echoing a valid one', async () => {
    const res = await call('GET', '/health/live', { headers: { 'x-correlation-id': 'vendor-req-42' } });
    expect(res.headers.get('x-correlation-id')).toBe('vendor-req-42');
    const generated = await call('GET', '/health/live', {
      headers: { 'x-correlation-id': 'bad value with spaces' },
    });
    expect(generated.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

/** A private api, its own database and Redis, so taking them away disturbs no other test. */
describe('readiness when PostgreSQL and Redis are away', () => {
  let api: ChildProcess | undefined;
  let privateRedis: Awaited<ReturnType<typeof startRedis>> | undefined;
  let redisDir: string | undefined;
  let database: { url: string; drop: () => Promise<void> } | undefined;
  const pgUrl = pgUrlFrom(inject('pgUrlTemplate'));
  const admin = new pg.Client({ connectionString: pgUrl('postgres') });

  afterAll(async () => {
    if (api && api.exitCode === null) api.kill('SIGKILL');
    await privateRedis?.stop().catch(() => undefined);
    if (redisDir) rmSync(redisDir, { recursive: true, force: true });
    await database?.drop();
    await admin.end();
  });

  it('answers 503 saying what is down, never why (no driver text to unauthenticated callers)', async () => {
    database = await createTestDatabase(pgUrl);
    const dbName = new URL(database.url).pathname.slice(1);
    redisDir = mkdtempSync(path.join(os.tmpdir(), 'conduit-redis-'));
    const redisPort = await freePort();
    privateRedis = await startRedis({ port: redisPort, dir: redisDir, persistent: false });
    const port = await freePort();
    api = spawnApp(
      'api',
      {
        NODE_ENV: 'test',
        VAULT_MASTER_KEYS: `1:${Buffer.alloc(32, 7).toString('base64')}`,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: database.url,
        REDIS_URL: privateRedis.url,
        LOG_LEVEL: 'fatal',
      },
      'ignore',
    );
    await waitForReady(port, 60_000);
    await privateRedis.stop();
    await admin.connect();
    await admin.query(`ALTER DATABASE "${dbName}" ALLOW_CONNECTIONS false`);
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [dbName]);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
      const text = await res.text();
      expect(res.status).toBe(503);
      const body = JSON.parse(text) as Record<string, unknown>;
      expect(body).toEqual({
        status: 'unavailable',
        checks: {
          database: { ok: false, ms: expect.any(Number) },
          redis: { ok: false, ms: expect.any(Number) },
        },
        workers: null,
      });
      for (const leak of [dbName, String(redisPort), 'timed out', 'connect', 'ECONN', 'accepting'])
        expect(text).not.toContain(leak);
    } finally {
      await admin.query(`ALTER DATABASE "${dbName}" ALLOW_CONNECTIONS true`);
    }
  });
});
