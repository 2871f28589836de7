import http from 'node:http';

/** Percentile of a sorted array of milliseconds. */
export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function summarize(name, latencies, errors, seconds, extra = {}) {
  const sorted = Float64Array.from(latencies).sort();
  return {
    name,
    requests: latencies.length,
    errors,
    perSecond: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    ...extra,
  };
}

/**
 * A closed-loop load: `concurrency` clients, each sending its next request as soon as the last
 * answered, for `seconds`. Keep-alive connections, one per client. No timing assertions: it
 * only measures.
 */
export async function httpLoad({
  url,
  method = 'POST',
  headers,
  body,
  concurrency,
  seconds,
  accept = (status) => status === 200,
}) {
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  const once = (payload) =>
    new Promise((resolve) => {
      const started = performance.now();
      const req = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method,
          agent,
          headers: { ...headers, 'content-length': Buffer.byteLength(payload) },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve({ ok: accept(res.statusCode), ms: performance.now() - started }));
        },
      );
      req.on('error', () => resolve({ ok: false, ms: performance.now() - started }));
      req.end(payload);
    });
  let n = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const r = await once(typeof body === 'function' ? body(n++) : body);
        if (r.ok) latencies.push(r.ms);
        else errors++;
      }
    }),
  );
  agent.destroy();
  return { latencies, errors };
}
