#!/usr/bin/env node
// npm run worker: one more worker process on the database and Redis that `npm start` uses
// (or DATABASE_URL / REDIS_URL). This is how Conduit scales out: add workers, add api replicas.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildAll, ensureDependencies, root } from './lib/build.mjs';

const log = (m) => process.stdout.write(`[conduit-worker] ${m}\n`);
const runtime = path.join(root, '.data/runtime.json');
let env = {};
if (!process.env.DATABASE_URL || !process.env.REDIS_URL) {
  if (!existsSync(runtime)) {
    log(
      'Set DATABASE_URL and REDIS_URL, or run `npm start` first (its URLs are read from .data/runtime.json).',
    );
    process.exit(1);
  }
  env = JSON.parse(readFileSync(runtime, 'utf8'));
}
ensureDependencies(log);
if (!existsSync(path.join(root, 'dist/server/apps/worker/src/main.js'))) buildAll(log);
const { Supervised } = await import('./lib/supervisor.mjs');
const worker = new Supervised(
  'worker',
  'worker',
  { NODE_ENV: process.env.NODE_ENV ?? 'development', ...env },
  log,
).start();
log(`worker started against ${env.DATABASE_URL ?? process.env.DATABASE_URL}`);
const stop = async () => {
  await worker.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
