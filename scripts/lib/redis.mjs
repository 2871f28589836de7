import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
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
export async function startRedis({ port, dir, persistent = true }) {
  mkdirSync(dir, { recursive: true });
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
  ];
  // Its own process group: a terminal's Ctrl-C reaches only the supervisor, which stops Redis last.
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
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
