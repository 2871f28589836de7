import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describePid, listenerPid } from './instance.mjs';
import { isPortFree } from './ports.mjs';
import { restartDecision } from './restart-policy.mjs';
import { spawnApp } from './stack.mjs';

/**
 * Keeps a child process running: when it dies unexpectedly it is restarted (with a growing
 * back-off) and the restart is printed. It gives up — `onGiveUp(message)` — when the child
 * keeps failing the same way, or at once when its `port` is held by another process (it can
 * never start then).
 */
export class Supervised {
  /**
   * @param {{ label: string, app: 'api' | 'worker' | 'file-gateway', env: Record<string, string>, log: (m: string) => void,
   *   pidDir?: string, port?: number, onSpawn?: (child: import('node:child_process').ChildProcess) => void,
   *   onGiveUp: (message: string) => void }} options
   * With `pidDir`, the running child's pid is kept in `<pidDir>/<label>.pid` (the benchmarks read it).
   */
  constructor(options) {
    Object.assign(this, options, { stopping: false, history: [], child: null });
  }

  start() {
    const startedAt = Date.now();
    this.child = spawnApp(this.app, this.env);
    this.onSpawn?.(this.child);
    if (this.pidDir) writeFileSync(path.join(this.pidDir, `${this.label}.pid`), String(this.child.pid));
    this.child.once('exit', (code, signal) => void this.exited(code, signal, Date.now() - startedAt));
    return this;
  }

  async exited(code, signal, livedMs) {
    if (this.stopping) return;
    const how = signal ?? `code ${code}`;
    if (this.port && !(await isPortFree(this.port))) {
      const pid = listenerPid(this.port);
      return this.giveUp(
        `${this.label} exited (${how}): port ${this.port} is held by ${pid ? describePid(pid) : 'another process'}, so it cannot start. Stop that process, or use another PORT.`,
      );
    }
    const exit = { signature: how, livedMs };
    const decision = restartDecision(this.history, exit);
    this.history = [...this.history, exit].slice(-10);
    if (!decision.restart)
      return this.giveUp(`${this.label} is not restarted: ${decision.reason}. Its output above says why.`);
    this.log(
      `⚠ ${this.label} exited (${how}); restarting in ${decision.delay} ms (restart #${this.history.length})`,
    );
    setTimeout(() => !this.stopping && this.start(), decision.delay);
  }

  giveUp(message) {
    if (this.stopping) return;
    this.stopping = true;
    this.onGiveUp(message);
  }

  stop() {
    this.stopping = true;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const force = setTimeout(() => child.kill('SIGKILL'), 10000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }
}

/**
 * Starts the reaper (scripts/lib/reaper.mjs, decision 0018) in its own session, so that the
 * children are stopped however this process ends. `watch` tells it about a child: stage 0 (the
 * apps) is stopped before stage 1 (Redis, PostgreSQL). `close` is the clean goodbye: it waits
 * for the reaper to find nothing left and exit.
 */
export function startReaper(logFile) {
  const reaper = spawn(process.execPath, [path.join(import.meta.dirname, 'reaper.mjs'), logFile], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  reaper.unref();
  reaper.stdin.on('error', () => {}); // a reaper that died must not take this process with it
  return {
    pid: reaper.pid,
    watch(pid, { label, signal = 'SIGTERM', stage = 0 }) {
      if (pid) reaper.stdin.write(`${JSON.stringify({ pid, label, signal, stage })}\n`);
    },
    close: () =>
      new Promise((resolve) => {
        if (reaper.exitCode !== null || reaper.signalCode !== null) return resolve(undefined);
        const timer = setTimeout(resolve, 3000);
        reaper.once('exit', () => {
          clearTimeout(timer);
          resolve(undefined);
        });
        reaper.stdin.end();
      }),
  };
}
