import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, pgUrlFrom } from '@conduit/testing';
import { freePort } from '../../scripts/lib/ports.mjs';
import { startRedis } from '../../scripts/lib/redis.mjs';
import { seed, spawnApp, waitForReady } from '../../scripts/lib/stack.mjs';
import { DEMO } from './client';
import { CARDS, FUTURE } from './payments-client';
import { eventually } from './webhooks-client';

const PLANS = 240;
const MERCHANT = '8223456789012';

/**
 * payment-plans.md "Exactly once", with real processes: a private stack (its own database,
 * Redis, api and three workers) charges many plans due at once; two workers are SIGKILLed in the
 * middle of the run and started again. Every plan ends with exactly one charge of its first
 * installment, to the cent.
 */
describe('payment plans charged exactly once by workers that are killed mid-run', () => {
  let api: ChildProcess;
  const workers: ChildProcess[] = [];
  let env: Record<string, string>;
  let apiUrl: string;
  let db: pg.Pool;
  let drop: () => Promise<void>;
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let redisDir: string;
  let queue: Queue;
  let merchantRef: string;

  const spawnWorker = (i: number) => {
    workers[i] = spawnApp('worker', env, 'ignore');
  };

  beforeAll(async () => {
    const database = await createTestDatabase(pgUrlFrom(inject('pgUrlTemplate')));
    drop = database.drop;
    await seed(database.url);
    redisDir = mkdtempSync(path.join(os.tmpdir(), 'conduit-redis-'));
    redis = await startRedis({ port: await freePort(), dir: redisDir, persistent: false });
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
      // A killed worker's claims are resumed after 1 s, not 2 minutes; and the sandbox takes
      // 300 ms a call, so a run is still charging when its workers are killed.
      PLAN_CHARGE_LEASE_MS: '1000',
      SANDBOX_LATENCY_MS: '300',
    };
    api = spawnApp('api', env, 'ignore');
    for (let i = 0; i < 3; i++) spawnWorker(i);
    await waitForReady(port, 60_000);
    apiUrl = `http://127.0.0.1:${port}`;
    db = new pg.Pool({ connectionString: database.url, max: 2 });
    queue = new Queue('payment-plans', { connection: { url: redis.url }, prefix: 'conduit' });
    const login = await fetch(`${apiUrl}/admin/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO.lakeside.admin.email, password: DEMO.lakeside.admin.password }),
    });
    const { token } = (await login.json()) as { token: string };
    const admin = async (method: string, p: string, body: unknown) => {
      const r = await fetch(`${apiUrl}/admin/api${p}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      const text = await r.text();
      expect(r.status, text).toBeLessThan(300);
      return JSON.parse(text) as { id: string };
    };
    // Charged from local midnight: the plans are due as soon as they exist.
    const m = await admin('POST', '/merchants', { merchantId: MERCHANT, name: 'Plan workers clinic' });
    await admin('PUT', `/merchants/${m.id}`, { planChargeHour: 0 });
    merchantRef = (await db.query(`SELECT id FROM merchants WHERE merchant_id = $1`, [MERCHANT])).rows[0].id;
    await admin('POST', '/outlets', { merchantId: MERCHANT, storeId: '001', terminalId: '001' });
  }, 120_000);

  afterAll(async () => {
    for (const p of [api, ...workers]) if (p && p.exitCode === null) p.kill('SIGKILL');
    await queue?.close();
    await db?.end();
    await redis?.stop();
    rmSync(redisDir, { recursive: true, force: true });
    await drop?.();
  });

  const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());
  const restKey = {
    'Api-Key': DEMO.lakeside.apiKey.identifier,
    'Api-Secret': DEMO.lakeside.apiKey.secret,
    'content-type': 'application/json',
  };

  it('charges each plan once though workers die and jobs are replayed', async () => {
    let next = 0;
    const create = async () => {
      while (next < PLANS) {
        const i = next++;
        const r = await fetch(`${apiUrl}/rest/payment/paymentplan`, {
          method: 'POST',
          headers: restKey,
          body: JSON.stringify({
            Outlet: { MerchantID: MERCHANT, StoreID: '001', TerminalID: '001' },
            PaymentPlanType: 'Installment',
            TotalAmount: '100.00',
            InstallmentCount: 3,
            Frequency: 'Monthly',
            StartDate: today(),
            PaymentMethod: 'Card',
            Card: { EntryMode: 'key', CardNumber: CARDS.visa, Expiration: FUTURE },
            Patient: { PatientID: `W-${i}` },
          }),
        });
        expect(r.status, await r.clone().text()).toBe(200);
      }
    };
    await Promise.all(Array.from({ length: 8 }, create));
    // The same day's run three times at once (a replayed job, a run started twice).
    for (let i = 0; i < 3; i++)
      await queue.add('payment-plans.charge', { merchantRef }, { jobId: `run-${i}-${Date.now()}` });
    const count = async (status: 'PENDING' | 'BOOKED') =>
      Number(
        (
          await db.query(
            `SELECT count(*) FROM payment_plan_charges WHERE merchant_ref = $1
               AND (status = 'PENDING') = ($2 = 'PENDING')`,
            [merchantRef, status],
          )
        ).rows[0].count,
      );
    // Mid-charge: claims taken, the processor being called, nothing booked for them yet.
    await eventually(async () => expect(await count('PENDING')).toBeGreaterThan(0), 60_000);
    workers[0].kill('SIGKILL');
    workers[1].kill('SIGKILL');
    const pendingAtKill = await count('PENDING');
    expect(pendingAtKill).toBeGreaterThan(0);
    spawnWorker(0);
    spawnWorker(1);
    // The sweep resumes whatever the dead workers left in flight (their lease is 1 s here).
    await new Promise((r) => setTimeout(r, 1500));
    await queue.add('payment-plans.sweep', {}, { jobId: `sweep-${Date.now()}` });
    await eventually(async () => {
      expect(await count('BOOKED')).toBe(PLANS);
      expect(await count('PENDING')).toBe(0);
    }, 120_000);
    const { rows } = await db.query(
      `SELECT count(*)::int AS n, count(DISTINCT payment_plan_ref)::int AS plans,
              count(DISTINCT (payment_plan_ref, installment_sequence))::int AS charges,
              sum(amount_cents)::bigint AS cents
       FROM transactions WHERE merchant_ref = $1 AND payment_plan_ref IS NOT NULL`,
      [merchantRef],
    );
    expect(rows[0]).toEqual({ n: PLANS, plans: PLANS, charges: PLANS, cents: String(PLANS * 3333) });
    const plans = await db.query(
      `SELECT installments_paid, amount_paid_cents, next_sequence FROM payment_plans WHERE merchant_ref = $1`,
      [merchantRef],
    );
    expect(plans.rows.every((p) => p.installments_paid === 1 && p.amount_paid_cents === '3333')).toBe(true);
    expect(plans.rows.every((p) => p.next_sequence === 2)).toBe(true);
    // One attempt per plan: no charge was made twice, whoever resumed it.
    const attempts = await db.query(
      `SELECT count(*)::int AS n FROM payment_plan_charges WHERE merchant_ref = $1`,
      [merchantRef],
    );
    expect(attempts.rows[0].n).toBe(PLANS);
  }, 240_000);
});
