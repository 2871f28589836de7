import { closeSync, openSync, readdirSync, readFileSync, readlinkSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { isPortFree } from './ports.mjs';

/** `npm start` cannot go on, for a reason the user can act on; printed without a stack trace. */
export class StartRefused extends Error {}

/** Whether `pid` is a live process (EPERM: alive, but another user's). */
export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/** The command line of `pid` (Linux /proc), or null. */
export function commandLine(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
  } catch {
    return null;
  }
}

/** The parent of `pid` (Linux /proc), or null. */
function parentPid(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/** `pid 123 (node …/apps/api/src/main.js)`, as much as is known. */
export function describePid(pid) {
  const cmd = commandLine(pid);
  return cmd ? `pid ${pid} (${cmd.length > 120 ? `${cmd.slice(0, 117)}…` : cmd})` : `pid ${pid}`;
}

/**
 * The pid listening on TCP `port` (Linux: the socket's inode in /proc/net/tcp*, then the process
 * holding it), or null when it cannot be told (no /proc, or another user's process as non-root).
 */
export function listenerPid(port) {
  const inodes = new Set();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      // f[1] local address "0100007F:0BB8", f[3] state (0A = LISTEN), f[9] inode
      if (f.length > 9 && f[3] === '0A' && parseInt(f[1].split(':')[1], 16) === port) inodes.add(f[9]);
    }
  }
  if (inodes.size === 0) return null;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let fds = [];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${entry}/fd/${fd}`));
        if (m && inodes.has(m[1])) return Number(entry);
      } catch {
        /* closed meanwhile */
      }
    }
  }
  return null;
}

/** Refuses to start when something already listens on `port` (on `host` or loopback). */
export async function assertPortFree(port, host, what) {
  if ((await isPortFree(port, '127.0.0.1')) && (await isPortFree(port, host))) return;
  const pid = listenerPid(port);
  const by = pid ? ` by ${describePid(pid)}` : '';
  let whose = '';
  if (pid && /apps\/api\/src\/main\.js/.test(commandLine(pid) ?? '')) {
    const parent = parentPid(pid);
    whose = (commandLine(parent) ?? '').includes('start.mjs')
      ? ` It is the api of the npm start running as pid ${parent}.`
      : ' It looks like an api left running by an earlier npm start.';
  }
  throw new StartRefused(
    `Port ${port} (${what}) is already in use${by}.${whose}` +
      `\nStop it${pid ? ` (kill ${pid})` : ''}, or start on another port: PORT=<port> npm start`,
  );
}

/**
 * One `npm start` per data folder: `<dataDir>/conduit.pid` holds the running supervisor's pid,
 * created exclusively; a file whose process is gone (a crash, a SIGKILL) is taken over. Returns
 * a release function, also run on exit.
 */
export function lockDataDir(dataDir) {
  const file = path.join(dataDir, 'conduit.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o644);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      const release = () => {
        try {
          if (Number(readFileSync(file, 'utf8')) === process.pid) rmSync(file, { force: true });
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
    const pid = Number(readFileSync(file, 'utf8').trim());
    const cmd = pid ? commandLine(pid) : null;
    // Alive and (where /proc tells) really an npm start: refuse. Otherwise the lock is stale.
    if (pid && isAlive(pid) && (cmd === null || cmd.includes('start.mjs'))) {
      throw new StartRefused(
        `Another npm start (pid ${pid}) is already running on the data folder ${dataDir}.\n` +
          `Stop it first (Ctrl-C in its terminal, or kill ${pid}), or give this one its own: CONDUIT_DATA_DIR=<folder> npm start`,
      );
    }
    rmSync(file, { force: true });
  }
  throw new StartRefused(`Could not lock the data folder ${dataDir} (${file} keeps reappearing)`);
}
