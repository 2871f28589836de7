import { spawn } from 'node:child_process';
import path from 'node:path';
import { root } from './build.mjs';
import { migrate } from './migrate.mjs';
import { ensureDatabase, startEmbeddedPostgres } from './postgres.mjs';
import { freePort, isPortFree, waitForPort } from './ports.mjs';
import { ensureRedisInstalled, startRedis } from './redis.mjs';

async function portOr(preferred) {
  return preferred && (await isPortFree(preferred)) ? preferred : freePort();
}

/**
 * PostgreSQL and Redis for Conduit: the ones named by DATABASE_URL / REDIS_URL, or private
 * ones started here with their data under `dataDir`. `onProcess` hears of each server started
 * (for the reaper: stage 1, after the apps).
 */
export async function startInfrastructure({
  dataDir,
  database = 'conduit',
  pgPort,
  redisPort,
  persistentRedis = true,
  log = console.log,
  onProcess = () => {},
}) {
  const stops = [];
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const port = await portOr(pgPort);
    const pg = await startEmbeddedPostgres({
      dir: path.join(dataDir, 'postgres'),
      port,
      onSpawn: (pid) => onProcess(pid, { label: 'PostgreSQL', signal: 'SIGINT', stage: 1 }),
    });
    await ensureDatabase(pg.url('postgres'), database);
    databaseUrl = pg.url(database);
    stops.push(() => pg.server.stop());
    log(`PostgreSQL 18 (embedded) on port ${port}`);
  }
  let redisUrl = process.env.REDIS_URL;
  if (!redisUrl) {
    ensureRedisInstalled(log);
    const port = await portOr(redisPort);
    const redis = await startRedis({
      port,
      dir: path.join(dataDir, 'redis'),
      persistent: persistentRedis,
      onSpawn: (pid) => onProcess(pid, { label: 'Redis', signal: 'SIGTERM', stage: 1 }),
    });
    redisUrl = redis.url;
    stops.push(redis.stop);
    log(`Redis (redis-server) on port ${port}`);
  }
  await migrate(databaseUrl, path.join(root, 'prisma/migrations'), log);
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => undefined);
  };
  return { databaseUrl, redisUrl, stop };
}

/** `vaultMasterKeys`: the api's, so the demo platform admin's TOTP secret can be sealed. */
export async function seed(databaseUrl, vaultMasterKeys = process.env.VAULT_MASTER_KEYS, extra = {}) {
  const { seedDemo } = await import(path.join(root, 'dist/server/prisma/seed.js'));
  await seedDemo(databaseUrl, { vaultMasterKeys, ...extra });
}

export const entry = {
  api: path.join(root, 'dist/server/apps/api/src/main.js'),
  worker: path.join(root, 'dist/server/apps/worker/src/main.js'),
  'file-gateway': path.join(root, 'dist/server/apps/file-gateway/src/main.js'),
};

/**
 * How the apps' Node runs (decision 0042): the old generation grows to 1.5x what survived the last
 * full collection rather than V8's default of up to 4x, which held an api at 540 MB under polling
 * load with 90 MB live. Source maps only outside production: they cost 10 MB and every stack
 * trace's formatting. The Dockerfiles use the same flags, and MALLOC_ARENA_MAX=2 (see spawnApp).
 */
export function nodeFlags(nodeEnv = process.env.NODE_ENV) {
  return ['--heap-growing-percent=50', ...(nodeEnv === 'production' ? [] : ['--enable-source-maps'])];
}

/**
 * Starts a built app as a child process. MALLOC_ARENA_MAX=2 unless the environment sets it:
 * glibc's default of one malloc arena per thread per core added 150 MB of RSS under load.
 * @param {'api' | 'worker' | 'file-gateway'} name
 * @param {Record<string, string>} env
 * @param {import('node:child_process').StdioOptions} [stdio]
 */
export function spawnApp(name, env, stdio = 'inherit') {
  const merged = { ...process.env, ...env };
  // detached: its own process group, so a terminal's Ctrl-C reaches only the supervisor, which
  // then stops the apps before Redis and PostgreSQL (npm start's reaper does if it dies: 0018).
  return spawn(process.execPath, [...nodeFlags(merged.NODE_ENV), entry[name]], {
    cwd: root,
    env: { MALLOC_ARENA_MAX: '2', ...merged },
    stdio,
    detached: true,
  });
}

export async function waitForReady(port, timeoutMs = 30000) {
  await waitForPort(port, '127.0.0.1', timeoutMs);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (res.ok) return res.json();
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`api on port ${port} was not ready within ${timeoutMs} ms`);
}
