import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, pgUrlFrom } from '@conduit/testing';
import { freePort } from '../../scripts/lib/ports.mjs';
import { startRedis } from '../../scripts/lib/redis.mjs';
import { seed, spawnApp, waitForReady } from '../../scripts/lib/stack.mjs';
import { startReceiver, type Receiver } from '../support/webhook-receiver';
import { DEMO } from './client';
import { CARDS, FUTURE, LAKESIDE_NVP } from './payments-client';
import { eventually } from './webhooks-client';

/**
 * webhooks.md "A crash of any process at any moment loses no event": a private stack (its own
 * PostgreSQL database, Redis, api and two workers) so killing its processes disturbs no other test.
 */
describe('webhook delivery survives crashes', () => {
  let receiver: Receiver;
  let api: ChildProcess;
  const workers: ChildProcess[] = [];
  let env: Record<string, string>;
  let apiUrl: string;
  let db: pg.Pool;
  let drop: () => Promise<void>;
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let redisPort: number;
  let redisDir: string;
  let merchantId: string;

  const spawnWorker = (i: number) => {
    workers[i] = spawnApp('worker', env, 'ignore');
  };

  beforeAll(async () => {
    receiver = await startReceiver();
    const database = await createTestDatabase(pgUrlFrom(inject('pgUrlTemplate')));
    drop = database.drop;
    await seed(database.url);
    redisPort = await freePort();
    redisDir = mkdtempSync(path.join(os.tmpdir(), 'conduit-redis-'));
    redis = await startRedis({ port: redisPort, dir: redisDir, persistent: false });
    const port = await freePort();
    env = {
      NODE_ENV: 'test',
      VAULT_MASTER_KEYS: `1:${Buffer.alloc(32, 7).toString('base64')}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_SECOND: '5000',
      WEBHOOK_RETRY_INTERVAL_MS: '200',
      WEBHOOK_TIMEOUT_MS: '1000',
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
    };
    api = spawnApp('api', env, 'ignore');
    spawnWorker(0);
    spawnWorker(1);
    await waitForReady(port, 60_000);
    apiUrl = `http://127.0.0.1:${port}`;
    db = new pg.Pool({ connectionString: database.url, max: 2 });
    const login = await fetch(`${apiUrl}/admin/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO.lakeside.admin.email, password: DEMO.lakeside.admin.password }),
    });
    const { token } = (await login.json()) as { token: string };
    const admin = async (p: string, body: unknown) => {
      const r = await fetch(`${apiUrl}/admin/api${p}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      expect(r.status, await r.clone().text()).toBe(201);
    };
    merchantId = '8123456789012';
    await admin('/merchants', { merchantId, name: 'Crash test clinic' });
    await admin('/outlets', { merchantId, storeId: '001', terminalId: '001' });
    await admin('/webhook-endpoints', { merchantId, url: receiver.url('/crash') });
  }, 120_000);

  afterAll(async () => {
    for (const p of [api, ...workers]) if (p && p.exitCode === null) p.kill('SIGKILL');
    await db?.end();
    await redis?.stop();
    rmSync(redisDir, { recursive: true, force: true });
    await drop?.();
    await receiver?.close();
  });

  /** `count` approved sales at concurrency 8 while `chaos` runs; answers how many committed. */
  const burst = async (count: number, chaos: () => Promise<void>) => {
    let next = 0;
    const sale = async () => {
      while (next < count) {
        next += 1;
        await fetch(`${apiUrl}/payment/NVP.aspx`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: LAKESIDE_NVP },
          body: new URLSearchParams({
            merchantID: merchantId,
            storeID: '001',
            terminalID: '001',
            transactionType: 'CreditCard',
            transactionAction: 'Sale',
            amount: '5.00',
            cardNumber: CARDS.visa,
            cardExpiration: FUTURE,
          }).toString(),
        }).catch(() => undefined);
      }
    };
    await Promise.all([...Array.from({ length: 8 }, sale), chaos()]);
  };

  /** Every committed event of the merchant reached the receiver (at least once, by webhook-id). */
  const everyEventArrives = async () => {
    const { rows } = await db.query<{ id: string }>(
      `SELECT d.id::text FROM webhook_deliveries d JOIN merchants m ON m.id = d.merchant_ref
       WHERE m.merchant_id = $1`,
      [merchantId],
    );
    const { rows: events } = await db.query<{ n: string }>(
      `SELECT count(*) AS n FROM outbox_events e JOIN merchants m ON m.id = e.merchant_ref WHERE m.merchant_id = $1`,
      [merchantId],
    );
    expect(rows.length).toBe(Number(events[0].n));
    const received = new Set(receiver.requests('/crash').map((r) => r.headers['webhook-id']));
    const missing = rows.filter((r) => !received.has(`msg_${r.id.replace(/-/g, '')}`));
    expect(missing).toEqual([]);
    const { rows: open } = await db.query(
      `SELECT 1 FROM webhook_deliveries WHERE workflow_status <> 'COMPLETE' LIMIT 1`,
    );
    expect(open).toHaveLength(0);
    return {
      events: Number(events[0].n),
      received: received.size,
      posts: receiver.requests('/crash').length,
    };
  };

  it('loses no event when worker processes are SIGKILLed mid-burst and restarted', async () => {
    await burst(300, async () => {
      for (let round = 0; round < 6; round++) {
        await new Promise((r) => setTimeout(r, 250));
        const i = round % 2;
        workers[i].kill('SIGKILL');
        await new Promise((r) => workers[i].once('exit', r));
        spawnWorker(i);
      }
    });
    const result = await eventually(everyEventArrives, 90_000);
    expect(result.events).toBeGreaterThanOrEqual(300);
    expect(result.received).toBe(result.events);
  }, 150_000);

  it('loses no event when Redis restarts mid-run', async () => {
    const before = receiver.requests('/crash').length;
    await burst(200, async () => {
      await new Promise((r) => setTimeout(r, 300));
      await redis.stop();
      await new Promise((r) => setTimeout(r, 1500));
      redis = await startRedis({ port: redisPort, dir: redisDir, persistent: false });
    });
    const result = await eventually(everyEventArrives, 90_000);
    expect(result.events).toBeGreaterThanOrEqual(500);
    expect(result.posts).toBeGreaterThan(before);
  }, 150_000);
});
