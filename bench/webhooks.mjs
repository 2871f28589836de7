import http from 'node:http';
import pg from 'pg';
import { httpLoad, percentile } from './load.mjs';

// Payments → deliveries to a local receiver (issues 4, 16): deliveries/s, commit-to-receipt
// latency, and a raw reference: plain keep-alive POSTs from Node to the same receiver and the same
// endpoint paths, at the worker's delivery concurrency (WEBHOOK_CONCURRENCY, read by both), with
// one keep-alive agent per endpoint as the worker keeps (maxSockets 64, libs/webhooks/http-post.ts).
// The headline is the backlog drain (deliveries/s after the payments stopped) over raw posts/s.
const ENDPOINTS = Number(process.env.BENCH_ENDPOINTS ?? 8);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PAY_CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const DELIVERY_CONCURRENCY = Number(process.env.WEBHOOK_CONCURRENCY ?? 128);
const MERCHANT = '6099000000017';
const exp = `12/${(new Date().getUTCFullYear() + 3) % 100}`;

/** A receiver that answers 200 at once and notes when each event arrived. */
function startReceiver() {
  const arrivals = new Map();
  let count = 0;
  let lastBody;
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const at = Date.now();
      count++;
      try {
        const { EventID } = JSON.parse(Buffer.concat(chunks).toString());
        // One delivery = one event to one endpoint (path); retries would repeat the key.
        const key = `${EventID}|${req.url}`;
        if (EventID && !req.url.startsWith('/raw')) lastBody = Buffer.concat(chunks).toString();
        if (EventID && !arrivals.has(key)) arrivals.set(key, at);
      } catch {
        /* the raw reference posts plain bodies */
      }
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        server,
        arrivals,
        port: server.address().port,
        received: () => count,
        get lastBody() {
          return lastBody;
        },
      }),
    ),
  );
}

async function admin(apiUrl, token, method, path, body) {
  const res = await fetch(`${apiUrl}/admin/api${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json().catch(() => null) };
}

const nvpBody = new URLSearchParams({
  merchantID: MERCHANT,
  storeID: '001',
  terminalID: '001',
  transactionType: 'CreditCard',
  transactionAction: 'Sale',
  amount: '9.99',
  cardNumber: '4111111111111111',
  cardExpiration: exp,
}).toString();
const nvpHeaders = {
  authorization: `Basic ${Buffer.from('billing@lakeside-clinic:demo-nvp-pass').toString('base64')}`,
  'content-type': 'application/x-www-form-urlencoded',
};

/** A body the size of a real delivery: the last one the receiver saw, else a small JSON event. */
function heavyBody(receiver) {
  return receiver.lastBody ?? JSON.stringify({ EventType: 'Approved', Amount: '9.99' });
}

/**
 * Closed-loop keep-alive POSTs for SECONDS at DELIVERY_CONCURRENCY: client i posts to endpoint
 * path i % ENDPOINTS through that endpoint's own agent. Returns the number of 200 answers.
 */
async function rawPosts(port, body) {
  const agents = Array.from({ length: ENDPOINTS }, () => new http.Agent({ keepAlive: true, maxSockets: 64 }));
  const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
  const once = (i) =>
    new Promise((resolve) => {
      const req = http.request(
        { host: '127.0.0.1', port, path: `/raw/${i}`, method: 'POST', agent: agents[i], headers },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode === 200));
        },
      );
      req.on('error', () => resolve(false));
      req.end(body);
    });
  let ok = 0;
  const deadline = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: DELIVERY_CONCURRENCY }, async (_, c) => {
      while (performance.now() < deadline) if (await once(c % ENDPOINTS)) ok++;
    }),
  );
  for (const a of agents) a.destroy();
  return ok;
}

/** Waits until `expected` events arrived or nothing new came for 15 s. */
async function drain(receiver, expected) {
  let last = receiver.arrivals.size;
  let still = Date.now();
  while (receiver.arrivals.size < expected && Date.now() - still < 15_000) {
    await new Promise((r) => setTimeout(r, 100));
    if (receiver.arrivals.size !== last) [last, still] = [receiver.arrivals.size, Date.now()];
  }
}

/** Commit-to-receipt latencies: each arrival minus its outbox row's commit-time stamp. */
async function latencies(db, arrivals) {
  const ids = [...new Set([...arrivals.keys()].map((k) => k.split('|')[0]))];
  const { rows } = await db.query(
    `SELECT e.id::text AS event, (extract(epoch FROM e.created_at) * 1000)::float8 AS at
     FROM outbox_events e WHERE e.id = ANY($1::uuid[])`,
    [ids],
  );
  const committed = new Map(rows.map((r) => [r.event, r.at]));
  return Float64Array.from([...arrivals].map(([k, at]) => at - committed.get(k.split('|')[0]))).sort();
}

export async function benchWebhooks({ apiUrl, databaseUrl }) {
  const receiver = await startReceiver();
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const login = await fetch(`${apiUrl}/admin/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@lakeside.test', password: 'demo-admin-pass' }),
  });
  const { token } = await login.json();
  await admin(apiUrl, token, 'POST', '/merchants', { merchantId: MERCHANT, name: 'Webhook benchmark' });
  await admin(apiUrl, token, 'POST', '/outlets', { merchantId: MERCHANT, storeId: '001', terminalId: '001' });
  const endpoints = [];
  for (let i = 0; i < ENDPOINTS; i++) {
    const r = await admin(apiUrl, token, 'POST', '/webhook-endpoints', {
      merchantId: MERCHANT,
      url: `http://127.0.0.1:${receiver.port}/bench/${i}`,
      format: 'JSON',
    });
    if (r.status !== 201) throw new Error(`could not create an endpoint: ${JSON.stringify(r.body)}`);
    endpoints.push(r.body.id);
  }
  const deliveries = (n) => n * ENDPOINTS;
  process.stdout.write(
    `webhooks: ${ENDPOINTS} endpoints per payment, deliveries posted by the started worker(s)\n`,
  );
  try {
    // 1. Light load: 5 payments a second for SECONDS; commit-to-receipt latency.
    receiver.arrivals.clear();
    let paid = 0;
    for (let i = 0; i < SECONDS * 5; i++) {
      const res = await fetch(`${apiUrl}/payment/NVP.aspx`, {
        method: 'POST',
        headers: nvpHeaders,
        body: nvpBody,
      });
      await res.text();
      if (res.ok) paid++;
      await new Promise((r) => setTimeout(r, 200));
    }
    await drain(receiver, deliveries(paid));
    const lightLat = await latencies(db, receiver.arrivals);
    process.stdout.write(
      `light load (5 payments/s): ${lightLat.length} deliveries, commit-to-receipt p50 ${percentile(lightLat, 50).toFixed(1)} ms  p99 ${percentile(lightLat, 99).toFixed(1)} ms\n`,
    );

    // 2. Throughput: payments at concurrency PAY_CONCURRENCY for SECONDS, then drain.
    receiver.arrivals.clear();
    const started = Date.now();
    const pay = await httpLoad({
      url: `${apiUrl}/payment/NVP.aspx`,
      headers: nvpHeaders,
      body: nvpBody,
      concurrency: PAY_CONCURRENCY,
      seconds: SECONDS,
    });
    const expected = deliveries(pay.latencies.length);
    const paidAt = Date.now();
    const atPaid = receiver.arrivals.size;
    await drain(receiver, expected);
    const times = [...receiver.arrivals.values()];
    const span = (Math.max(...times) - started) / 1000;
    const heavyLat = await latencies(db, receiver.arrivals);
    const perSecond = receiver.arrivals.size / span;
    const drainSeconds = (Math.max(...times) - paidAt) / 1000;
    const drainPerSecond = (receiver.arrivals.size - atPaid) / drainSeconds;
    process.stdout.write(
      `burst: ${pay.latencies.length} payments in ${SECONDS} s (${(pay.latencies.length / SECONDS).toFixed(0)}/s) → ${receiver.arrivals.size}/${expected} deliveries in ${span.toFixed(1)} s = ${perSecond.toFixed(0)} deliveries/s; commit-to-receipt p50 ${percentile(heavyLat, 50).toFixed(0)} ms p99 ${percentile(heavyLat, 99).toFixed(0)} ms\n` +
        `  of which ${atPaid} arrived while payments ran; the other ${receiver.arrivals.size - atPaid} drained in ${drainSeconds.toFixed(1)} s = ${drainPerSecond.toFixed(0)} deliveries/s with the api idle\n`,
    );

    // 3. Raw reference: plain keep-alive POSTs from Node to the same receiver and endpoint paths,
    //    at the worker's delivery concurrency, one agent per endpoint (as the worker has).
    const raw = await rawPosts(receiver.port, heavyBody(receiver));
    const rawPerSecond = raw / SECONDS;
    const drainRatio = drainPerSecond / rawPerSecond;
    process.stdout.write(
      `raw reference (Node keep-alive POSTs to the same ${ENDPOINTS} endpoint paths, concurrency ${DELIVERY_CONCURRENCY}, one agent per endpoint): ${rawPerSecond.toFixed(0)} posts/s\n` +
        `drain ratio: ${drainPerSecond.toFixed(0)} / ${rawPerSecond.toFixed(0)} = ${drainRatio.toFixed(2)} of raw (whole burst ${((100 * perSecond) / rawPerSecond).toFixed(0)} %)\n` +
        'target (issue 16): backlog drain >= 0.25 of raw posts/s; p50 commit-to-receipt <= 100 ms under light load\n',
    );
    return [
      {
        name: 'deliveries, backlog drain (headline)',
        figure: `${drainPerSecond.toFixed(0)} deliveries/s`,
        raw: `${rawPerSecond.toFixed(0)} posts/s`,
        ratio: `${drainRatio.toFixed(2)} (target >= 0.25)`,
        p99: '',
      },
      {
        name: 'deliveries, light load (5 payments/s)',
        figure: `p50 ${percentile(lightLat, 50).toFixed(1)} ms`,
        raw: '',
        ratio: '',
        p99: `${percentile(lightLat, 99).toFixed(1)} ms`,
      },
      {
        name: 'deliveries, burst',
        figure: `${perSecond.toFixed(0)} deliveries/s`,
        raw: `${rawPerSecond.toFixed(0)} posts/s`,
        ratio: `${((100 * perSecond) / rawPerSecond).toFixed(0)} %`,
        p99: `${percentile(heavyLat, 99).toFixed(0)} ms`,
      },
    ];
  } finally {
    for (const id of endpoints) await admin(apiUrl, token, 'DELETE', `/webhook-endpoints/${id}`);
    await db.end();
    receiver.server.close();
  }
}
