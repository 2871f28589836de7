import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

export type LogLine = Record<string, unknown> & { event: string };
const BIN = path.resolve(__dirname, '../../packages/devices/dist/bin/sim-terminal.js');

/** The device SDK's `sim-terminal` as a real process; its JSON log lines are awaited by event. */
export class SimTerminalProcess {
  readonly lines: LogLine[] = [];
  private readonly child: ChildProcess;

  constructor(args: string[]) {
    this.child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    createInterface({ input: this.child.stdout! }).on('line', (text) => {
      try {
        this.lines.push(JSON.parse(text) as LogLine);
      } catch {
        /* not a log line */
      }
    });
  }

  get stdout(): string {
    return this.lines.map((l) => JSON.stringify(l)).join('\n');
  }

  /** The first log line (after `from`) with this event and these fields. */
  async waitFor(event: string, match: Record<string, unknown> = {}, timeoutMs = 20_000, from = 0) {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = this.lines
        .slice(from)
        .find((l) => l.event === event && Object.entries(match).every(([k, v]) => l[k] === v));
      if (found) return found;
      if (this.child.exitCode !== null) throw new Error(`sim-terminal exited: ${this.stdout}`);
      if (Date.now() > until) throw new Error(`no ${event} line within ${timeoutMs} ms: ${this.stdout}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Kills it at once (a dropped connection: no close frame). */
  kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.kill(signal);
    });
  }
}
