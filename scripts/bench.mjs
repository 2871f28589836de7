#!/usr/bin/env node
// npm run bench -- <name>: measures the started stack (`npm start` first) and prints figures.
// Benchmarks assert nothing. Names: payments, webhooks, polling, settlement, sftp, plans.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './lib/build.mjs';

const name = process.argv[2];
const benches = {
  payments: () => import('../bench/payments.mjs').then((m) => m.benchPayments),
  webhooks: () => import('../bench/webhooks.mjs').then((m) => m.benchWebhooks),
  polling: () => import('../bench/polling.mjs').then((m) => m.benchPolling),
  settlement: () => import('../bench/settlement.mjs').then((m) => m.benchSettlement),
  sftp: () => import('../bench/sftp.mjs').then((m) => m.benchSftp),
  plans: () => import('../bench/plans.mjs').then((m) => m.benchPlans),
};
if (!benches[name]) {
  console.error(`usage: npm run bench -- <${Object.keys(benches).join('|')}>`);
  process.exit(2);
}
const dataDir = path.resolve(process.env.CONDUIT_DATA_DIR ?? path.join(root, '.data'));
const runtimeFile = path.join(dataDir, 'runtime.json');
if (!existsSync(runtimeFile)) {
  console.error('Start Conduit first (npm start); the benchmark reads its URLs from .data/runtime.json');
  process.exit(1);
}
const runtime = JSON.parse(readFileSync(runtimeFile, 'utf8'));
const apiPid = Number(readFileSync(path.join(dataDir, 'api.pid'), 'utf8'));
const run = await benches[name]();
await run({
  apiUrl: runtime.API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`,
  databaseUrl: runtime.DATABASE_URL,
  redisUrl: runtime.REDIS_URL,
  dataDir,
  apiPid,
});
