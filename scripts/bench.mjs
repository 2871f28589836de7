#!/usr/bin/env node
// npm run bench -- <name|all>: measures the started stack (`npm start` first) and prints figures.
// Benchmarks assert nothing. `all` runs every benchmark in sequence and ends with one table.
// The api's peak RSS comes from whichever process listens on the api's port, or its /metrics
// (bench/rss.mjs): right for a stack started from any clone, and "n/a (why)" when unreadable.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { livePidFromFile, mb, startApiRssProbe } from '../bench/rss.mjs';
import { root } from './lib/build.mjs';

const benches = {
  payments: () => import('../bench/payments.mjs').then((m) => m.benchPayments),
  polling: () => import('../bench/polling.mjs').then((m) => m.benchPolling),
  webhooks: () => import('../bench/webhooks.mjs').then((m) => m.benchWebhooks),
  plans: () => import('../bench/plans.mjs').then((m) => m.benchPlans),
  settlement: () => import('../bench/settlement.mjs').then((m) => m.benchSettlement),
  sftp: () => import('../bench/sftp.mjs').then((m) => m.benchSftp),
};
const name = process.argv[2];
if (name !== 'all' && !benches[name]) {
  console.error(`usage: npm run bench -- <${Object.keys(benches).join('|')}|all>`);
  process.exit(2);
}
const dataDir = path.resolve(process.env.CONDUIT_DATA_DIR ?? path.join(root, '.data'));
const runtimeFile = path.join(dataDir, 'runtime.json');
if (!existsSync(runtimeFile)) {
  console.error('Start Conduit first (npm start); the benchmark reads its URLs from .data/runtime.json');
  process.exit(1);
}
const runtime = JSON.parse(readFileSync(runtimeFile, 'utf8'));
const context = {
  apiUrl: runtime.API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`,
  databaseUrl: runtime.DATABASE_URL,
  redisUrl: runtime.REDIS_URL,
  dataDir,
  // The worker's own figures (settlement, plans, sftp): its pid file when that process runs.
  workerPid: livePidFromFile(path.join(dataDir, 'worker.pid')),
};

/** One benchmark: its printed figures, its table rows, and the api's peak RSS while it ran. */
async function runOne(bench) {
  const probe = await startApiRssProbe(context.apiUrl);
  let rows;
  try {
    rows = await (await benches[bench]())(context);
  } catch (err) {
    // `all` goes on with the next benchmark; the table says which one did not finish.
    process.stderr.write(`${bench}: ${err.stack ?? err}\n`);
    rows = [{ name: bench, figure: `failed: ${String(err.message ?? err).slice(0, 60)}` }];
  }
  const rss = probe.stop();
  process.stdout.write(`api peak RSS: ${rss.text}\n`);
  return (rows ?? []).map((r) => ({ ...r, rss: Number.isFinite(rss.peakMb) ? mb(rss.peakMb) : 'n/a' }));
}

function printTable(rows) {
  const columns = [
    ['benchmark', (r) => r.name],
    ['figure', (r) => r.figure],
    ['raw reference', (r) => r.raw],
    ['ratio', (r) => r.ratio],
    ['p99', (r) => r.p99],
    ['api RSS', (r) => r.rss],
  ];
  const cells = rows.map((r) => columns.map(([, get]) => String(get(r) || '—')));
  const widths = columns.map(([title], i) => Math.max(title.length, ...cells.map((c) => c[i].length)));
  const line = (values) =>
    values
      .map((v, i) => v.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  process.stdout.write(
    `\n${line(columns.map(([title]) => title))}\n${line(widths.map((w) => '-'.repeat(w)))}\n${cells.map(line).join('\n')}\n`,
  );
}

if (name === 'all') {
  const rows = [];
  for (const bench of Object.keys(benches)) {
    process.stdout.write(`\n== ${bench} ==\n`);
    rows.push(...(await runOne(bench)));
  }
  printTable(rows);
  process.stdout.write('\nratio: figure / raw reference (throughput); benchmarks assert nothing.\n');
} else {
  await runOne(name);
}
