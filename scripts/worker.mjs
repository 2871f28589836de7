#!/usr/bin/env node
// npm run worker: one more worker process on the database and Redis that `npm start` uses
// (or DATABASE_URL / REDIS_URL). This is how Conduit scales out: add workers, add api replicas.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildAll, ensureDependencies, root } from './lib/build.mjs';

const log = (m) => process.stdout.write(`[conduit-worker] ${m}\n`);
const nodeEnv = process.env.NODE_ENV ?? 'development';
const dataDir = path.resolve(process.env.CONDUIT_DATA_DIR ?? path.join(root, '.data'));
const runtime = path.join(dataDir, 'runtime.json');
let env = {};
if (!process.env.DATABASE_URL || !process.env.REDIS_URL) {
  if (!existsSync(runtime)) {
    log(
      `Set DATABASE_URL and REDIS_URL, or run \`npm start\` first (its URLs are read from ${path.relative(root, runtime)}).`,
    );
    process.exit(1);
  }
  env = JSON.parse(readFileSync(runtime, 'utf8'));
}
ensureDependencies(log);
if (!existsSync(path.join(root, 'dist/server/apps/worker/src/main.js'))) buildAll(log);
const { startReaper, Supervised } = await import('./lib/supervisor.mjs');
const { devMasterKeys } = await import('./lib/vault-keys.mjs');
// The same card-vault key as `npm start`'s api, or every data key unwrap fails.
const masterKeys =
  process.env.VAULT_MASTER_KEYS ??
  (nodeEnv !== 'production' && existsSync(path.join(dataDir, 'vault-master-keys'))
    ? devMasterKeys(dataDir, nodeEnv)
    : undefined);
// As in npm start (decision 0018): the worker stops even if this process is killed.
const reaper = startReaper(path.join(dataDir, 'reaper-worker.log'));
const worker = new Supervised({
  label: 'worker',
  app: 'worker',
  env: { NODE_ENV: nodeEnv, ...env, ...(masterKeys ? { VAULT_MASTER_KEYS: masterKeys } : {}) },
  log,
  onSpawn: (child) => reaper.watch(child.pid, { label: 'worker', signal: 'SIGTERM' }),
  onGiveUp: (message) => {
    log(`✖ ${message}`);
    void stop(1);
  },
}).start();
log(`worker started against ${env.DATABASE_URL ?? process.env.DATABASE_URL}`);
async function stop(code = 0) {
  await worker.stop();
  await reaper.close();
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void stop());
