import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';

/** How a post ended, in the words the attempt log and the posting message use. */
export type ErrorClass = 'http_status' | 'timeout' | 'connection' | 'tls' | 'ssrf' | 'oauth' | 'config';

export interface PostResult {
  /** null when no status came back (timeout, reset, refused, TLS failure, SSRF refusal). */
  status: number | null;
  reasonPhrase: string | null;
  headers: Record<string, string>;
  /** The first 1 KiB of the answer's body. */
  body: string;
  durationMs: number;
  error: string | null;
  errorClass: ErrorClass | null;
}

export interface PostTarget {
  url: URL;
  /** http(s).Agent for this endpoint: keep-alive, the pinned lookup, client certificate, CA bundle. */
  agent: http.Agent;
  /** Set when the URL's host is an IP literal the SSRF rules refuse (Node skips `lookup` for those). */
  refusal?: string;
}

const BODY_LIMIT = 1024;

/** Keep-alive agents per endpoint, with the SSRF-vetting lookup and the endpoint's TLS material. */
export function createAgent(
  url: URL,
  lookup: LookupFunction,
  tls: { cert?: string; key?: string; passphrase?: string; ca?: string },
): http.Agent {
  const common = { keepAlive: true, maxSockets: 64, lookup };
  if (url.protocol === 'http:') return new http.Agent(common);
  return new https.Agent({
    ...common,
    cert: tls.cert,
    key: tls.key,
    passphrase: tls.passphrase,
    // A CA bundle replaces the system roots for this endpoint, as a receiver with a private CA needs.
    ...(tls.ca ? { ca: tls.ca } : {}),
  });
}

function classify(err: NodeJS.ErrnoException): ErrorClass {
  if ((err as { code?: string }).code === 'ssrf') return 'ssrf';
  const code = err.code ?? '';
  if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT') return 'timeout';
  if (
    /^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED|ERR_OSSL)/.test(code) ||
    /SSL|TLS|certificate/i.test(err.message)
  )
    return 'tls';
  return 'connection';
}

/**
 * One HTTP POST; never throws. No redirects are followed (Node's client never follows them).
 * `timeoutMs` bounds the whole exchange until the status line and the first `bodyLimit` bytes.
 */
export function post(
  target: PostTarget,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
  bodyLimit = BODY_LIMIT,
): Promise<PostResult> {
  const started = performance.now();
  if (target.refusal)
    return Promise.resolve({
      status: null,
      reasonPhrase: null,
      headers: {},
      body: '',
      durationMs: 0,
      error: target.refusal,
      errorClass: 'ssrf',
    });
  const client = target.url.protocol === 'http:' ? http : https;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (r: Omit<PostResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...r, durationMs: Math.round(performance.now() - started) });
    };
    const failed = (error: string, errorClass: ErrorClass) =>
      finish({ status: null, reasonPhrase: null, headers: {}, body: '', error, errorClass });
    const req = client.request(
      target.url,
      {
        method: 'POST',
        agent: target.agent,
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () => {
          const status = res.statusCode ?? 0;
          finish({
            status,
            reasonPhrase: res.statusMessage ?? '',
            headers: Object.fromEntries(
              Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]),
            ),
            body: Buffer.concat(chunks).subarray(0, bodyLimit).toString('utf8'),
            error: status >= 200 && status < 300 ? null : `HTTP ${status}`,
            errorClass: status >= 200 && status < 300 ? null : 'http_status',
          });
        };
        res.on('data', (chunk: Buffer) => {
          if (size < bodyLimit) chunks.push(chunk);
          size += chunk.length;
          if (size >= bodyLimit) {
            // Enough for the posting message: stop reading and free the socket.
            done();
            res.destroy();
          }
        });
        res.on('end', done);
        res.on('error', done);
        res.on('aborted', done);
      },
    );
    const timer = setTimeout(() => {
      failed(`no answer within ${timeoutMs} ms`, 'timeout');
      req.destroy();
    }, timeoutMs);
    req.on('error', (err: NodeJS.ErrnoException) => failed(err.message, classify(err)));
    req.end(body);
  });
}

/** The posting message: reason phrase and the first 1 KiB of the body, or what went wrong. */
export function postingMessage(r: PostResult): string {
  if (r.status === null) return r.error ?? 'no answer';
  const line = `${r.status} ${r.reasonPhrase ?? ''}`.trim();
  return r.body ? `${line}: ${r.body}` : line;
}
