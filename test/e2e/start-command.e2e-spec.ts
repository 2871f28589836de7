import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, isPortFree } from '../../scripts/lib/ports.mjs';
import { DEMO } from './client';

const root = path.resolve(__dirname, '../..');

/** Running, and not a zombie (a SIGKILLed parent's children may wait a moment to be reaped). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

const pgrep = (...args: string[]) => {
  try {
    return execFileSync('pgrep', args).toString().trim();
  } catch {
    return '';
  }
};

/** `npm start` itself: it prints what a new user needs, keeps its children alive, stops cleanly. */
describe('the start command', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'conduit-start-'));
  const otherDataDir = mkdtempSync(path.join(os.tmpdir(), 'conduit-start-other-'));
  let port = 0;
  // The file gateway's listeners, free for this run (another gateway may hold the defaults).
  const gatewayEnv: Record<string, string> = {};
  beforeAll(async () => {
    for (const name of ['SFTP_PASSWORD_PORT', 'SFTP_KEY_PORT', 'FTPS_PORT', 'FILE_GATEWAY_HEALTH_PORT'])
      gatewayEnv[name] = String(await freePort());
    gatewayEnv.FTPS_PASSIVE_PORTS = '42000-42099';
  });
  afterAll(() => {
    for (const dir of [dataDir, otherDataDir]) rmSync(dir, { recursive: true, force: true });
  });

  function start(extraEnv: NodeJS.ProcessEnv = {}): {
    child: ChildProcess;
    output: () => string;
    ready: Promise<void>;
    exited: Promise<number | null>;
  } {
    let out = '';
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      CONDUIT_DATA_DIR: dataDir,
      CONDUIT_SKIP_BUILD: '1',
      LOG_LEVEL: 'warn',
      ...gatewayEnv,
      ...extraEnv,
    };
    delete env.DATABASE_URL;
    delete env.REDIS_URL;
    delete env.NODE_ENV;
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    const ready = new Promise<void>((resolve, reject) => {
      const deadline = Date.now() + 90_000;
      const timer = setInterval(() => {
        const done = out.includes('Conduit is ready');
        const failed = child.exitCode !== null || Date.now() > deadline;
        if (done || failed) clearInterval(timer);
        if (done) resolve();
        else if (failed) reject(new Error(`start did not become ready:\n${out}`));
      }, 100);
    });
    ready.catch(() => {}); // awaited only by the tests that expect a start; the others await `exited`
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    return { child, output: () => out, ready, exited };
  }

  const stop = (child: ChildProcess) =>
    new Promise<number | null>((resolve) => {
      child.once('exit', (code) => resolve(code));
      process.kill(-child.pid!, 'SIGINT'); // as a terminal's Ctrl-C does: the whole process group
    });

  async function login(): Promise<string> {
    const res = await fetch(`http://127.0.0.1:${port}/admin/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(DEMO.lakeside.admin),
    });
    return ((await res.json()) as { token: string }).token;
  }

  it('starts everything, prints the URLs and demo logins, restarts a dead worker, and stops on Ctrl-C', async () => {
    port = await freePort();
    const run = start();
    await run.ready;
    const banner = run.output();
    expect(banner).toContain(`http://localhost:${port}/console/`);
    expect(banner).toMatch(/PostgreSQL\s+postgresql:\/\/\S+/);
    expect(banner).toMatch(/Redis\s+redis:\/\/\S+/);
    expect(banner).toContain('admin@lakeside.test');
    // The file gateway: its ports and host keys in the banner, and the demo account's key works.
    expect(banner).toContain(
      `port ${gatewayEnv.SFTP_PASSWORD_PORT} (password), ${gatewayEnv.SFTP_KEY_PORT} (public key)`,
    );
    expect(banner).toMatch(/Host keys\s+SHA256:\S+ \(ED25519\)/);
    expect(banner).toContain('lakeside-sftp / demo-sftp-pass');
    const listing = execFileSync(
      'sftp',
      [
        '-b',
        '-',
        '-P',
        gatewayEnv.SFTP_KEY_PORT,
        '-i',
        path.join(dataDir, 'demo-sftp-key'),
        '-o',
        'IdentitiesOnly=yes',
        '-o',
        'StrictHostKeyChecking=no',
        '-o',
        'UserKnownHostsFile=/dev/null',
        `${DEMO.lakeside.sftp.username}@127.0.0.1`,
      ],
      { input: 'ls -1 /\n' },
    ).toString();
    expect(listing).toMatch(/inbound[\s\S]*outbound|outbound[\s\S]*inbound/);
    const token = await login();
    const created = await fetch(`http://127.0.0.1:${port}/admin/api/outlets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ merchantId: DEMO.lakeside.merchantId, storeId: '077', terminalId: '077' }),
    });
    expect(created.status).toBe(201);

    const worker = execFileSync('pgrep', ['-P', String(run.child.pid), '-f', 'apps/worker/src/main.js'])
      .toString()
      .trim();
    process.kill(Number(worker), 'SIGKILL');
    await expect
      .poll(() => run.output(), { timeout: 10_000 })
      .toMatch(/worker exited \(SIGKILL\); restarting/);
    await expect
      .poll(
        () => {
          try {
            return execFileSync('pgrep', ['-P', String(run.child.pid), '-f', 'apps/worker/src/main.js'])
              .toString()
              .trim();
          } catch {
            return '';
          }
        },
        { timeout: 10_000 },
      )
      .toMatch(/^\d+$/);

    const gateway = execFileSync('pgrep', [
      '-P',
      String(run.child.pid),
      '-f',
      'apps/file-gateway/src/main.js',
    ])
      .toString()
      .trim();
    expect(await stop(run.child)).toBe(0);
    expect(run.output()).toContain('Stopped.');
    expect(pgrep('-f', dataDir)).toBe('');
    expect(() => process.kill(Number(gateway), 0)).toThrow();
  });

  it('keeps the data across restarts, refuses a second start, and leaves nothing behind when SIGKILLed', async () => {
    const run = start();
    await run.ready;
    const token = await login();
    const res = await fetch(
      `http://127.0.0.1:${port}/admin/api/outlets?filter=${encodeURIComponent(JSON.stringify({ merchantId: DEMO.lakeside.merchantId }))}`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    const outlets = (await res.json()) as { storeId: string }[];
    expect(outlets.map((o) => o.storeId)).toContain('077');

    // A second start on the same data folder, on another port: refused, naming the first.
    const sameFolder = start({ PORT: String(await freePort()) });
    expect(await sameFolder.exited).toBe(1);
    expect(sameFolder.output()).toContain(
      `Another npm start (pid ${run.child.pid}) is already running on the data folder ${dataDir}`,
    );
    // On its own folder but the same port: refused, naming the api that holds the port.
    const apiPid = Number(readFileSync(path.join(dataDir, 'api.pid'), 'utf8'));
    const samePort = start({ CONDUIT_DATA_DIR: otherDataDir });
    expect(await samePort.exited).toBe(1);
    expect(samePort.output()).toContain(`Port ${port} (the api, PORT) is already in use by pid ${apiPid}`);
    expect(samePort.output()).toContain(`It is the api of the npm start running as pid ${run.child.pid}`);

    // SIGKILL: no handler runs, yet the api, worker, PostgreSQL and Redis stop (the reaper).
    const pids = {
      api: apiPid,
      worker: Number(readFileSync(path.join(dataDir, 'worker.pid'), 'utf8')),
      postgres: Number(readFileSync(path.join(dataDir, 'postgres/postmaster.pid'), 'utf8').split('\n')[0]),
      redis: Number(readFileSync(path.join(dataDir, 'redis/redis.pid'), 'utf8')),
    };
    for (const pid of Object.values(pids)) expect(alive(pid)).toBe(true);
    process.kill(run.child.pid!, 'SIGKILL');
    await expect
      .poll(() => Object.entries(pids).filter(([, pid]) => alive(pid)), { timeout: 15_000, interval: 200 })
      .toEqual([]);
    await expect.poll(() => pgrep('-f', dataDir), { timeout: 5_000 }).toBe(''); // the reaper too
    expect(await isPortFree(port)).toBe(true);
  });

  it('starts after a SIGKILLed run, and stops when a child keeps failing the same way', async () => {
    // Every app refuses this setting at start: each exits with code 1 every time it is started.
    const run = start({ LOGIN_LOCKOUT_SECONDS: '-1' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/PostgreSQL 18 \(embedded\) on port/); // the stale lock was taken over
    expect(run.output()).toMatch(
      /✖ (api|worker|file-gateway) is not restarted: it exited 3 times in a row within 30 s of starting \(code 1\)/,
    );
    expect(run.output()).not.toContain('restart #3');
    expect(pgrep('-f', dataDir)).toBe('');
  });
});
