import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawnApp } from './stack.mjs';

/**
 * Keeps a child process running: when it dies unexpectedly it is restarted (with a growing
 * back-off if it keeps dying) and the restart is printed.
 */
export class Supervised {
  /** With `pidDir`, the running child's pid is kept in `<pidDir>/<label>.pid` (the benchmarks read it). */
  constructor(label, app, env, log, pidDir = null) {
    Object.assign(this, { label, app, env, log, pidDir, stopping: false, restarts: 0, child: null });
  }

  start() {
    const startedAt = Date.now();
    this.child = spawnApp(this.app, this.env);
    if (this.pidDir) writeFileSync(path.join(this.pidDir, `${this.label}.pid`), String(this.child.pid));
    this.child.once('exit', (code, signal) => {
      if (this.stopping) return;
      if (Date.now() - startedAt > 30000) this.restarts = 0;
      const delay = Math.min(500 * 2 ** this.restarts, 10000);
      this.restarts++;
      this.log(
        `⚠ ${this.label} exited (${signal ?? `code ${code}`}); restarting in ${delay} ms (restart #${this.restarts})`,
      );
      setTimeout(() => !this.stopping && this.start(), delay);
    });
    return this;
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
