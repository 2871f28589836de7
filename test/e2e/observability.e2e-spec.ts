import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, pgUrlFrom } from '@conduit/testing';
import { codeAt } from '@conduit/tenancy';
import { freePort } from '../../scripts/lib/ports.mjs';
import { startRedis } from '../../scripts/lib/redis.mjs';
import { seed, spawnApp, waitForReady } from '../../scripts/lib/stack.mjs';
import { startReceiver, type Receiver } from '../support/webhook-receiver';
import { as, DEMO } from './client';
import { CARDS, FUTURE } from './payments-client';
import { createEndpoint, eventually, freshMerchant, saleOn } from './webhooks-client';

const METRICS_TOKEN = 'metrics-e2e-token';
const CVN = '731';
const PATIENT = { first: 'Philippa', last: 'Quarrendon' };

interface OtlpAttribute {
  key: string;
  value: Record<string, unknown>;
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: OtlpAttribute[];
  events?: { attributes?: OtlpAttribute[] }[];
  links?: { traceId: string; spanId: string }[];
  service: string;
}

/** A wire transaction ID (32 hex) as the database's UUID. */
const uuidOf = (wire: string) =>
  wire.toLowerCase().replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

const SERVER = 2;
const CLIENT = 3;

/** A tiny OTLP/HTTP JSON receiver: every exported span, tagged with its service's name. */
async function startCollector() {
  const spans: OtlpSpan[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        const doc = JSON.parse(body) as {
          resourceSpans: {
            resource: { attributes: OtlpAttribute[] };
            scopeSpans: { spans: Omit<OtlpSpan, 'service'>[] }[];
          }[];
        };
        for (const rs of doc.resourceSpans) {
          const service = String(
            rs.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue,
          );
          for (const ss of rs.scopeSpans) for (const s of ss.spans) spans.push({ ...s, service });
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const attr = (s: OtlpSpan, key: string) => {
  const v = s.attributes?.find((a) => a.key === key)?.value;
  return v ? (v.stringValue ?? v.intValue ?? v.boolValue ?? v.doubleValue) : undefined;
};

/** Every string an exported span carries in an attribute, event or name. */
function strings(s: OtlpSpan): string[] {
  const all = [...(s.attributes ?? []), ...(s.events ?? []).flatMap((e) => e.attributes ?? [])];
  return [s.name, ...all.map((a) => JSON.stringify(a.value))];
}

/** The value of one Prometheus sample whose labels include all of `labels`. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`)))
      return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

const basic = `Basic ${Buffer.from(`${DEMO.lakeside.account.identifier}:${DEMO.lakeside.account.password}`).toString('base64')}`;

async function nvpSale(apiUrl: string) {
  const res = await fetch(`${apiUrl}/payment/NVP.aspx`, {
    method: 'POST',
    headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      merchantID: DEMO.lakeside.merchantId,
      storeID: '001',
      terminalID: '002',
      transactionType: 'CreditCard',
      transactionAction: 'Sale',
      amount: '21.50',
      cardNumber: CARDS.visa,
      cardExpiration: FUTURE,
      cvv: CVN,
      patientFirstName: PATIENT.first,
      patientLastName: PATIENT.last,
    }),
  });
  const text = await res.text();
  expect(res.status, text).toBe(200);
  return new URLSearchParams(text).get('transactionID') as string;
}

async function login(apiUrl: string, email: string, password: string, totpSecret?: string) {
  const post = async (p: string, body: unknown) => {
    const r = await fetch(`${apiUrl}${p}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await r.text();
    expect(r.status, text).toBe(200);
    return JSON.parse(text) as { token?: string; challenge?: string };
  };
  const first = await post('/admin/api/auth/login', { email, password });
  if (!totpSecret) return first.token as string;
  const second = await post('/admin/api/auth/two-factor/verify', {
    challenge: first.challenge,
    code: codeAt(totpSecret),
  });
  return second.token as string;
}

/**
 * docs/observability.md with real processes: an api and a worker of their own with metrics,
 * tracing and Bull Board switched on, exporting OTLP/HTTP JSON to a collector in this test. One
 * NVP sale is followed from its HTTP request to its webhook post; both apps are scraped; Bull
 * Board is opened by each role. The shared stack (switches off) shows what off means.
 */
describe('observability: metrics, traces and the queue view', () => {
  const children: ChildProcess[] = [];
  let apiUrl: string;
  let workerMetricsUrl: string;
  let collector: Awaited<ReturnType<typeof startCollector>>;
  let receiver: Receiver;
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let redisDir: string;
  let db: pg.Pool;
  let drop: () => Promise<void>;
  let adminToken: string;

  beforeAll(async () => {
    const database = await createTestDatabase(pgUrlFrom(inject('pgUrlTemplate')));
    drop = database.drop;
    const vaultMasterKeys = `1:${Buffer.alloc(32, 7).toString('base64')}`;
    // With the vault keys: the demo platform admin's two-factor secret is sealed with them.
    await seed(database.url, vaultMasterKeys);
    redisDir = mkdtempSync(path.join(os.tmpdir(), 'conduit-redis-'));
    redis = await startRedis({ port: await freePort(), dir: redisDir, persistent: false });
    collector = await startCollector();
    receiver = await startReceiver();
    const [port, metricsPort] = [await freePort(), await freePort()];
    const env = {
      NODE_ENV: 'test',
      VAULT_MASTER_KEYS: vaultMasterKeys,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      LOG_LEVEL: 'warn',
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      WEBHOOK_TIMEOUT_MS: '3000',
      METRICS_ENABLED: 'true',
      METRICS_TOKEN,
      METRICS_PORT: String(metricsPort),
      OTEL_TRACES_ENABLED: 'true',
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '200',
      BULL_BOARD_ENABLED: 'true',
    };
    children.push(spawnApp('api', env, 'ignore'), spawnApp('worker', env, 'ignore'));
    await waitForReady(port, 60_000);
    apiUrl = `http://127.0.0.1:${port}`;
    workerMetricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
    db = new pg.Pool({ connectionString: database.url, max: 2 });
    adminToken = await login(apiUrl, DEMO.lakeside.admin.email, DEMO.lakeside.admin.password);
  }, 120_000);

  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await receiver?.close();
    await collector?.close();
    await db?.end();
    await redis?.stop();
    if (redisDir) rmSync(redisDir, { recursive: true, force: true });
    await drop?.();
  });

  it('follows one payment from its HTTP request to its webhook post, with no card or patient data in a span', async () => {
    const r = await fetch(`${apiUrl}/admin/api/webhook-endpoints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({
        merchantId: DEMO.lakeside.merchantId,
        url: receiver.url('/traced'),
        format: 'JSON',
      }),
    });
    expect(r.status, await r.text()).toBe(201);
    const transactionId = await nvpSale(apiUrl);
    const [post] = await receiver.waitFor(1, { pathPrefix: '/traced', timeoutMs: 20_000 });
    expect(post.rawBody).toContain(transactionId);

    // The outbox row kept the request's trace context, and the post carried the same trace.
    const { rows } = await db.query<{ trace_context: string }>(
      `SELECT trace_context FROM outbox_events WHERE transaction_id = $1::uuid`,
      [uuidOf(transactionId)],
    );
    const traceId = rows[0]?.trace_context?.split('-')[1];
    expect(rows[0]?.trace_context).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(post.headers.traceparent?.split('-')[1]).toBe(traceId);

    const trace = await eventually(async () => {
      const spans = collector.spans.filter((s) => s.traceId === traceId);
      const sale = spans.find(
        (s) =>
          s.service === 'conduit-api' && s.kind === SERVER && attr(s, 'http.route') === '/payment/NVP.aspx',
      );
      const webhook = spans.find(
        (s) =>
          s.service === 'conduit-worker' &&
          s.kind === CLIENT &&
          Number(attr(s, 'server.port') ?? attr(s, 'net.peer.port')) === receiver.port,
      );
      expect(sale, JSON.stringify(spans.map((s) => [s.service, s.name]))).toBeDefined();
      expect(webhook).toBeDefined();
      return { spans, sale: sale!, webhook: webhook! };
    });
    // The sale's own queries are in its trace (pg instrumentation, values never recorded).
    const dbSystem = (s: OtlpSpan) => attr(s, 'db.system.name') ?? attr(s, 'db.system');
    expect(
      trace.spans.filter((s) => s.service === 'conduit-api').map(dbSystem),
      JSON.stringify(trace.spans.map((s) => [s.service, s.name, s.attributes?.map((a) => a.key)])),
    ).toContain('postgresql');
    // The post's span is a child of the span that wrote the outbox event (no queue job between).
    const deliver = trace.spans.find((s) => s.name === 'webhook.deliver');
    expect(deliver?.parentSpanId).toBe(rows[0].trace_context.split('-')[2]);
    expect(trace.webhook.parentSpanId).toBeDefined();

    // Nothing sent with the sale shows in any exported span, of this trace or another.
    const everything = collector.spans.flatMap(strings).join('\n');
    expect(everything).not.toContain(CARDS.visa);
    expect(everything).not.toContain(PATIENT.first);
    expect(everything).not.toContain(PATIENT.last);
    expect(everything).not.toMatch(new RegExp(`"${CVN}"|cvv=${CVN}`));
    expect(everything).not.toContain(DEMO.lakeside.account.password);
  });

  it('serves /metrics from the api and the worker behind the token, with sane values', async () => {
    const refused = await fetch(`${apiUrl}/metrics`);
    expect(refused.status).toBe(401);
    expect((await fetch(workerMetricsUrl)).status).toBe(401);
    const scrape = async (url: string) => {
      const res = await fetch(url, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/plain');
      return res.text();
    };
    const api = await scrape(`${apiUrl}/metrics`);
    expect(
      sample(api, 'conduit_http_request_duration_seconds_count', {
        method: 'POST',
        route: '/payment/NVP.aspx',
        status_code: '200',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(api, 'conduit_payments_total', { interface: 'nvp', action: 'Sale', outcome: 'approved' }),
    ).toBeGreaterThanOrEqual(1);
    expect(sample(api, 'conduit_db_pool_total')).toBeGreaterThan(0);
    expect(sample(api, 'conduit_db_pool_waiting')).toBe(0);
    expect(sample(api, 'conduit_nodejs_eventloop_lag_p99_seconds')).toBeGreaterThan(0);
    // Route templates only: the raw paths of the requests (with ids) never become labels.
    expect(api).not.toMatch(/route="[^"]*[0-9a-f]{8}-[0-9a-f]{4}/);
    expect(api).not.toContain(CARDS.visa);

    const worker = await eventually(async () => {
      const text = await scrape(workerMetricsUrl);
      expect(
        sample(text, 'conduit_webhook_attempts_total', { result: 'success', error_class: 'none' }),
      ).toBeGreaterThanOrEqual(1);
      // Observed once the attempt is recorded, just after the attempt counter.
      expect(
        sample(text, 'conduit_webhook_post_duration_seconds_count', { result: 'success' }),
      ).toBeGreaterThanOrEqual(1);
      return text;
    });
    expect(sample(worker, 'conduit_webhook_deliveries_owed')).toBeGreaterThanOrEqual(0);
    expect(sample(worker, 'conduit_webhook_posts_in_flight')).toBeGreaterThanOrEqual(0);
    expect(
      sample(worker, 'conduit_queue_depth', { queue: 'maintenance', state: 'waiting' }),
    ).toBeGreaterThanOrEqual(0);
    const lag = sample(worker, 'conduit_outbox_lag_seconds');
    expect(lag).toBeGreaterThanOrEqual(0);
    expect(lag).toBeLessThan(60);
    expect(sample(worker, 'conduit_db_pool_total')).toBeGreaterThan(0);
    expect(worker).not.toContain(CARDS.visa);
  });

  it('opens Bull Board for a platform admin only, read-only', async () => {
    const ops = await login(apiUrl, DEMO.ops.email, DEMO.ops.password, DEMO.ops.totpSecret);
    const finance = await login(apiUrl, DEMO.lakeside.finance.email, DEMO.lakeside.finance.password);
    const get = (p: string, token?: string) =>
      fetch(`${apiUrl}${p}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

    const page = await get('/admin/queues', ops);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const api = await get('/admin/queues/api/queues?activeQueue=maintenance&status=completed&page=1', ops);
    const text = await api.text();
    expect(api.status, text).toBe(200);
    const names = (JSON.parse(text) as { queues: { name: string }[] }).queues.map((q) => q.name);
    expect(names).toEqual(expect.arrayContaining(['maintenance', 'settlement', 'payment-plans']));
    expect(names).not.toContain('webhooks');
    expect(text).not.toContain(CARDS.visa);
    const change = await fetch(`${apiUrl}/admin/queues/api/queues/maintenance/clean/completed`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${ops}` },
    });
    expect(change.status).toBe(405);

    for (const token of [adminToken, finance]) {
      expect((await get('/admin/queues', token)).status).toBe(403);
      expect((await get('/admin/queues/api/queues', token)).status).toBe(403);
    }
    expect((await get('/admin/queues')).status).toBe(401);
    expect((await get('/admin/queues/api/queues')).status).toBe(401);
    expect((await get('/admin/queues', 'not-a-session')).status).toBe(401);
  });

  it('with the switches off (the shared stack): no /metrics, no queue view, no trace context', async () => {
    const shared = inject('apiUrl');
    expect((await fetch(`${shared}/metrics`)).status).toBe(404);
    expect(
      (await fetch(`${shared}/admin/queues`, { headers: { authorization: `Bearer ${inject('opsToken')}` } }))
        .status,
    ).toBe(404);
    // No SDK started: the shared stack's sale wrote no trace context, and its worker posts the
    // webhook without a traceparent header (the http instrumentation would add one).
    const admin = await as.lakesideAdmin();
    const merchantId = await freshMerchant(admin);
    await createEndpoint(admin, { merchantId, url: receiver.url('/untraced'), format: 'JSON' });
    const transactionId = await saleOn(merchantId);
    const [post] = await receiver.waitFor(1, { pathPrefix: '/untraced', timeoutMs: 20_000 });
    expect(post.rawBody).toContain(transactionId);
    expect(post.headers.traceparent).toBeUndefined();
    const sharedDb = new pg.Pool({ connectionString: inject('databaseUrl'), max: 1 });
    try {
      const { rows } = await sharedDb.query<{ trace_context: string | null }>(
        `SELECT trace_context FROM outbox_events WHERE transaction_id = $1::uuid`,
        [uuidOf(transactionId)],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].trace_context).toBeNull();
    } finally {
      await sharedDb.end();
    }
  });
});
