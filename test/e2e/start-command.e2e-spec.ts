import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/ports.mjs';
import { DEMO } from './client';

const root = path.resolve(__dirname, '../..');

/** `npm start` itself: it prints what a new user needs, keeps its children alive, stops cleanly. */
describe('the start command', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'conduit-start-'));
  let port = 0;
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  function start(): { child: ChildProcess; output: () => string; ready: Promise<void> } {
    let out = '';
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      CONDUIT_DATA_DIR: dataDir,
      CONDUIT_SKIP_BUILD: '1',
      LOG_LEVEL: 'warn',
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
    return { child, output: () => out, ready };
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

    expect(await stop(run.child)).toBe(0);
    expect(run.output()).toContain('Stopped.');
    const leftovers = (() => {
      try {
        return execFileSync('pgrep', ['-f', dataDir]).toString();
      } catch {
        return '';
      }
    })();
    expect(leftovers).toBe('');
  });

  it('keeps the data across restarts', async () => {
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
    expect(await stop(run.child)).toBe(0);
  });
});
