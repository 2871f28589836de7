import { httpLoad, summarize } from './load.mjs';

// Token-status polling (issue 5): GET /rest/sso/token/{token}/status at concurrency 64.
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CREDENTIALS = Number(process.env.BENCH_CREDENTIALS ?? 8);

async function json(url, init) {
  const res = await fetch(url, init);
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

/**
 * Each vendor credential is rate-limited on its own (RATE_LIMIT_PER_SECOND), so the load is spread
 * over several API keys of the demo practice, as several vendors would poll at once.
 */
export async function benchPolling({ apiUrl }) {
  const { token } = await json(`${apiUrl}/admin/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@lakeside.test', password: 'demo-admin-pass' }),
  });
  const admin = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const keys = [];
  for (let i = 0; i < CREDENTIALS; i++) {
    const c = await json(`${apiUrl}/admin/api/credentials`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ kind: 'API_KEY', description: `polling benchmark ${i}` }),
    });
    keys.push({ id: c.id, headers: { 'api-key': c.identifier, 'api-secret': c.secret } });
  }
  try {
    for (const k of keys) {
      const t = await json(`${apiUrl}/rest/sso/token`, {
        method: 'POST',
        headers: { ...k.headers, 'content-type': 'application/json' },
        body: JSON.stringify({
          Outlet: { MerchantID: '6011000551245', StoreID: '001', TerminalID: '002' },
          Amount: '10.00',
        }),
      });
      k.url = `${apiUrl}/rest/sso/token/${t.Token}/status`;
    }
    const per = Math.max(1, Math.floor(CONCURRENCY / keys.length));
    const run = (seconds) =>
      Promise.all(
        keys.map((k) =>
          httpLoad({ url: k.url, method: 'GET', headers: k.headers, body: '', concurrency: per, seconds }),
        ),
      );
    await run(2); // warm-up: pools, JIT, the verified-secret cache
    const runs = await run(SECONDS);
    const r = summarize(
      'token status (REST)',
      runs.flatMap((x) => x.latencies),
      runs.reduce((n, x) => n + x.errors, 0),
      SECONDS,
    );
    process.stdout.write(
      `polling: ${per * keys.length} clients over ${keys.length} credentials, ${SECONDS} s\n` +
        `${r.name}: ${r.perSecond.toFixed(0)} reads/s  p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  errors ${r.errors}\n` +
        'targets: >= 3,000 reads/s, p99 <= 20 ms at concurrency 64\n',
    );
    return [
      {
        name: r.name,
        figure: `${r.perSecond.toFixed(0)} reads/s`,
        raw: 'n/a (none)',
        ratio: '',
        p99: `${r.p99.toFixed(1)} ms`,
      },
    ];
  } finally {
    for (const k of keys)
      await fetch(`${apiUrl}/admin/api/credentials/${k.id}`, {
        method: 'PUT',
        headers: admin,
        body: JSON.stringify({ enabled: false }),
      });
  }
}
