import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

// Resident memory of the stack's processes, for whichever stack the benchmark talks to: the api
// is found by the port it listens on (any clone, any supervisor), or read from its /metrics
// series, never from a pid file that may belong to another checkout. When neither works the
// figure is "n/a (why)", never NaN.

const LISTEN = '0A';

/** The socket inodes listening on `port` (IPv4 and IPv6) in this network namespace. */
function listeningInodes(port) {
  const inodes = new Set();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
      const cols = line.trim().split(/\s+/);
      if (cols.length < 10 || cols[3] !== LISTEN) continue;
      if (parseInt(cols[1].split(':')[1], 16) === port) inodes.add(cols[9]);
    }
  }
  return inodes;
}

/**
 * The process listening on `port`: `{ pid }`, or `{ why }` when there is none or its file
 * descriptors cannot be read (another user's process when not root).
 */
export function pidListeningOn(port) {
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return { why: `nothing listens on port ${port} in this network namespace` };
  let unreadable = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let fds;
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      unreadable++;
      continue;
    }
    for (const fd of fds) {
      let target;
      try {
        target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      const m = /^socket:\[(\d+)\]$/.exec(target);
      if (m && inodes.has(m[1])) return { pid: Number(pid) };
    }
  }
  return {
    why: `port ${port} is open but its process is not readable here${unreadable ? ' (another user: run as that user or root)' : ''}`,
  };
}

/** `{ rss, hwm }` in MB from /proc/<pid>/status, or null when the process is gone. */
export function processMemoryMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** "123 MB", or "n/a" for an unknown figure. */
export const mb = (value) => (Number.isFinite(value) && value > 0 ? `${value.toFixed(0)} MB` : 'n/a');

/** The pid in a stack's pid file when that process still runs, else null. */
export function livePidFromFile(file) {
  try {
    const pid = Number(readFileSync(file, 'utf8'));
    return Number.isInteger(pid) && pid > 0 && processMemoryMb(pid) ? pid : null;
  } catch {
    return null;
  }
}

/** Resident bytes from a Prometheus text page (any prefix: `conduit_process_resident_memory_bytes`). */
export function residentBytesFromMetrics(text) {
  for (const line of text.split('\n')) {
    const m = /^(?:\w+_)?process_resident_memory_bytes(?:\{[^}]*\})?\s+([0-9.eE+]+)/.exec(line);
    if (m) return Number(m[1]);
  }
  return null;
}

async function scrapeRss(url, token) {
  const res = await fetch(url, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    signal: AbortSignal.timeout(2000),
  }).catch((err) => {
    throw new Error(`GET ${url} failed (${err.cause?.code ?? err.cause?.message ?? err.message})`);
  });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
  const bytes = residentBytesFromMetrics(body);
  if (bytes === null) throw new Error(`${url} has no process_resident_memory_bytes series`);
  return bytes / 1024 / 1024;
}

/**
 * Samples the api's resident memory while a benchmark runs and reports the peak seen.
 * Sources, first that works: the process listening on the api's port (/proc, every 100 ms; its
 * lifetime peak VmHWM too), then the api's /metrics (`BENCH_METRICS_URL`, default
 * `<api>/metrics`, bearer `BENCH_METRICS_TOKEN` or `METRICS_TOKEN`; every 500 ms).
 */
export async function startApiRssProbe(apiUrl) {
  const port = Number(new URL(apiUrl).port || 80);
  const found = pidListeningOn(port);
  if (found.pid) {
    const pid = found.pid;
    let peak = processMemoryMb(pid)?.rss ?? NaN;
    const timer = setInterval(() => {
      const m = processMemoryMb(pid);
      if (m) peak = Math.max(peak, m.rss);
    }, 100);
    return {
      stop() {
        clearInterval(timer);
        const m = processMemoryMb(pid);
        if (!m) return { peakMb: NaN, text: `n/a (pid ${pid} exited during the run)` };
        peak = Math.max(peak, m.rss);
        return {
          peakMb: peak,
          text: `${mb(peak)} peak during the run (pid ${pid} on port ${port}; ${mb(m.hwm)} since it started)`,
        };
      },
    };
  }
  const url = process.env.BENCH_METRICS_URL ?? `${apiUrl.replace(/\/$/, '')}/metrics`;
  const token = process.env.BENCH_METRICS_TOKEN ?? process.env.METRICS_TOKEN;
  let peak;
  try {
    peak = await scrapeRss(url, token);
  } catch (err) {
    const why = `${found.why}; ${err.message}`;
    return { stop: () => ({ peakMb: NaN, text: `n/a (${why})` }) };
  }
  let failures = 0;
  const timer = setInterval(() => {
    scrapeRss(url, token).then(
      (v) => (peak = Math.max(peak, v)),
      () => failures++,
    );
  }, 500);
  return {
    stop() {
      clearInterval(timer);
      return {
        peakMb: peak,
        text: `${mb(peak)} peak of ${url} (sampled every 500 ms${failures ? `, ${failures} scrapes failed` : ''})`,
      };
    },
  };
}

/**
 * Samples one process's VmRSS every `everyMs` from now until `stop()`, which returns the peak
 * in MB (NaN when the process is unknown or gone: print it with `mb`).
 */
export function samplePeakRss(pid, everyMs = 50) {
  const read = () => (pid ? processMemoryMb(pid)?.rss : undefined) ?? NaN;
  const before = read();
  let peak = before;
  const timer = setInterval(() => {
    const v = read();
    if (Number.isFinite(v)) peak = Number.isFinite(peak) ? Math.max(peak, v) : v;
  }, everyMs);
  return {
    before,
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
