#!/usr/bin/env node
// The reaper of `npm start` (decision 0018): a tiny process in its own session that outlives the
// supervisor only to stop what the supervisor started. The supervisor writes one JSON line per
// child to our stdin ({"pid":…,"signal":"SIGTERM","stage":0}); when that pipe closes — the
// kernel closes it however the supervisor ends: Ctrl-C, SIGHUP, SIGKILL, a crash — every child
// still running gets its signal, stage by stage (the api and worker before Redis and
// PostgreSQL), then SIGKILL after a grace period. On a clean stop the supervisor has stopped them
// all already, so there is nothing left to do.
//   usage: node scripts/lib/reaper.mjs [log file]
import { appendFileSync, readFileSync } from 'node:fs';

const GRACE_MS = 10_000;
const logFile = process.argv[2];
const log = (m) => {
  if (logFile) appendFileSync(logFile, `${new Date().toISOString()} ${m}\n`);
};

// A closing terminal or a Ctrl-C to the supervisor's process group must not stop us first.
for (const signal of ['SIGHUP', 'SIGINT']) process.on(signal, () => {});

/** /proc/<pid>/stat after the command name: [state, ppid, …]; field 22 is the start time. */
function stat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}
/** Start time in clock ticks since boot: tells a reused pid apart. */
const startTime = (pid) => stat(pid)?.[19] ?? null;

/** pid → { signal, stage, label, start } */
const children = new Map();
const isOurs = (pid, child) => {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if (err.code !== 'EPERM') return false;
  }
  const fields = stat(pid);
  if (fields === null) return child.start === null; // no /proc: trust kill(pid, 0)
  return fields[0] !== 'Z' && fields[19] === child.start; // a zombie is done
};

let buffer = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  buffer += chunk;
  let newline;
  while ((newline = buffer.indexOf('\n')) >= 0) {
    const line = buffer.slice(0, newline);
    buffer = buffer.slice(newline + 1);
    try {
      const { pid, signal = 'SIGTERM', stage = 0, label = String(pid) } = JSON.parse(line);
      if (Number.isInteger(pid) && pid > 1)
        children.set(pid, { signal, stage, label, start: startTime(pid) });
    } catch {
      /* a torn last line of a dying supervisor */
    }
  }
});
process.stdin.on('close', () => void reap());
process.stdin.on('end', () => void reap());

let reaping = false;
async function reap() {
  if (reaping) return;
  reaping = true;
  const stages = [...new Set([...children.values()].map((c) => c.stage))].sort((a, b) => a - b);
  for (const stage of stages) {
    const alive = [...children].filter(([pid, c]) => c.stage === stage && isOurs(pid, c));
    if (alive.length === 0) continue;
    log(`supervisor gone: stopping ${alive.map(([pid, c]) => `${c.label} (pid ${pid})`).join(', ')}`);
    for (const [pid, c] of alive) kill(pid, c.signal);
    const deadline = Date.now() + GRACE_MS;
    while (Date.now() < deadline && alive.some(([pid, c]) => isOurs(pid, c)))
      await new Promise((r) => setTimeout(r, 50));
    for (const [pid, c] of alive) if (isOurs(pid, c)) kill(pid, 'SIGKILL');
  }
  process.exit(0);
}

function kill(pid, signal) {
  try {
    process.kill(pid, signal);
  } catch {
    /* gone meanwhile */
  }
}
