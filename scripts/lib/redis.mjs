import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { commandLine, describePid, isAlive, StartRefused } from './instance.mjs';
import { waitForPort } from './ports.mjs';
import { ensureSystemPackages } from './system-packages.mjs';

/** redis-server from the system; installed with apt-get when missing and we are root. */
export function ensureRedisInstalled(log = console.log) {
  ensureSystemPackages(['redis-server'], {
    purpose: 'Starting a private Redis',
    hint: 'Or point REDIS_URL at a Redis you run.',
    log,
  });
}

/**
 * Starts a private redis-server on loopback. BullMQ needs `maxmemory-policy noeviction`;
 * append-only persistence keeps queued jobs across restarts when `dir` is kept.
 */
export async function startRedis({ port, dir, persistent = true, onSpawn = () => {} }) {
  mkdirSync(dir, { recursive: true });
  // Two servers on one folder would both write its append-only file: refuse, as for PostgreSQL.
  const pidFile = path.join(dir, 'redis.pid');
  const running = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : 0;
  if (running && isAlive(running) && (commandLine(running) ?? 'redis-server').includes('redis-server'))
    throw new StartRefused(
      `Redis already runs on ${dir} (${describePid(running)}), left by another npm start.\nStop that first (kill ${running}).`,
    );
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--maxmemory-policy',
    'noeviction',
    '--save',
    persistent ? '60 1000' : '',
    '--appendonly',
    persistent ? 'yes' : 'no',
    '--protected-mode',
    'yes',
    '--daemonize',
    'no',
    '--logfile',
    '',
    '--pidfile',
    pidFile,
  ];
  // Its own process group: a terminal's Ctrl-C reaches only the supervisor, which stops Redis last
  // (or its reaper does, when the supervisor dies: decision 0018).
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  onSpawn(child.pid);
  let output = '';
  child.stdout.on('data', (d) => (output = (output + d).slice(-4000)));
  child.stderr.on('data', (d) => (output = (output + d).slice(-4000)));
  const exited = new Promise((_, reject) =>
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output}`))),
  );
  await Promise.race([waitForPort(port), exited]);
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve(undefined);
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  return { child, url: `redis://127.0.0.1:${port}`, stop };
}
