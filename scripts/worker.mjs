#!/usr/bin/env node
// npm run worker: one more worker process on the database and Redis that `npm start` uses
// (or DATABASE_URL / REDIS_URL). This is how Conduit scales out: add workers, add api replicas.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildAll, ensureDependencies, root } from './lib/build.mjs';
import { replicaEnv } from './lib/replica-env.mjs';

const log = (m) => process.stdout.write(`[conduit-worker] ${m}\n`);
const { nodeEnv, dataDir, env, masterKeys } = replicaEnv(log);
ensureDependencies(log);
if (!existsSync(path.join(root, 'dist/server/apps/worker/src/main.js'))) buildAll(log);
const { startReaper, Supervised } = await import('./lib/supervisor.mjs');
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
