import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';

/** How the receiver answers requests under a path prefix. */
export type Behaviour =
  | { kind: 'ok'; status?: 200 | 201 | 204 }
  | { kind: 'status'; status: number; reason: string; body: string; headers?: Record<string, string> }
  | { kind: 'hang' }
  | { kind: 'reset' }
  | { kind: 'sequence'; steps: Behaviour[] }
  | { kind: 'bearer'; token: () => string | string[] }
  | { kind: 'basic'; username: string; password: string };

export interface ReceivedRequest {
  path: string;
  method: string;
  headers: Record<string, string>;
  rawBody: string;
  receivedAt: number;
  contentType: string;
}

export interface Receiver {
  port: number;
  url(path: string): string;
  behave(pathPrefix: string, behaviour: Behaviour): void;
  requests(pathPrefix?: string): ReceivedRequest[];
  waitFor(count: number, o?: { pathPrefix?: string; timeoutMs?: number }): Promise<ReceivedRequest[]>;
  parse(request: ReceivedRequest): Record<string, string>;
  clear(): void;
  close(): Promise<void>;
}

/**
 * true when the standardwebhooks library verifies the request with `secret`. The library parses
 * the body as JSON after the signature matched, so for XML and NVP bodies a SyntaxError (and not
 * its WebhookVerificationError) means the signature was good.
 */
export function verifySignature(request: ReceivedRequest, secret: string): boolean {
  try {
    new Webhook(secret).verify(request.rawBody, request.headers);
    return true;
  } catch (err) {
    if (err instanceof WebhookVerificationError) return false;
    if (err instanceof SyntaxError && !request.contentType.includes('json')) return true;
    throw err;
  }
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The fields of a webhook body in any of the three formats. */
export function parseBody(request: ReceivedRequest): Record<string, string> {
  if (request.contentType.includes('json')) {
    const parsed = JSON.parse(request.rawBody) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
  }
  if (request.contentType.includes('xml')) {
    const fields: Record<string, string> = {};
    const inner = /<PaymentTransaction>([\s\S]*)<\/PaymentTransaction>/.exec(request.rawBody)?.[1] ?? '';
    for (const m of inner.matchAll(/<([A-Za-z0-9]+)>([\s\S]*?)<\/\1>/g))
      fields[m[1]] = m[2].replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => XML_ENTITIES[e]);
    return fields;
  }
  return Object.fromEntries(new URLSearchParams(request.rawBody));
}

/** A real HTTP receiver on loopback that records every request and answers as told per path. */
export async function startReceiver(): Promise<Receiver> {
  const recorded: ReceivedRequest[] = [];
  const behaviours = new Map<string, Behaviour>();
  const counters = new Map<string, number>();
  const sockets = new Set<Socket>();
  const waiters = new Set<() => void>();

  const behaviourFor = (path: string): [string, Behaviour] => {
    const prefix = [...behaviours.keys()]
      .filter((p) => path.startsWith(p))
      .sort((a, b) => b.length - a.length)[0];
    return prefix ? [prefix, behaviours.get(prefix) as Behaviour] : ['', { kind: 'ok' }];
  };

  const answer = (b: Behaviour, req: http.IncomingMessage, res: http.ServerResponse, key: string) => {
    if (b.kind === 'sequence') {
      const n = counters.get(key) ?? 0;
      counters.set(key, n + 1);
      return answer(b.steps[Math.min(n, b.steps.length - 1)], req, res, `${key}#${n}`);
    }
    if (b.kind === 'hang') return;
    if (b.kind === 'reset') return req.socket.destroy();
    if (b.kind === 'status')
      return res.writeHead(b.status, b.reason, { 'content-type': 'text/plain' }).end(b.body);
    if (b.kind === 'bearer') {
      const tokens = ([] as string[]).concat(b.token());
      const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (!given || !tokens.includes(given)) return res.writeHead(401, 'Unauthorized').end('bad token');
      return res.writeHead(200).end('ok');
    }
    if (b.kind === 'basic') {
      const expected = `Basic ${Buffer.from(`${b.username}:${b.password}`).toString('base64')}`;
      if (req.headers.authorization !== expected)
        return res.writeHead(401, 'Unauthorized').end('who are you');
      return res.writeHead(200).end('ok');
    }
    res.writeHead(b.status ?? 200).end(b.status === 204 ? undefined : 'ok');
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      recorded.push({
        path,
        method: req.method ?? '',
        headers: Object.fromEntries(
          Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]),
        ),
        rawBody: Buffer.concat(chunks).toString('utf8'),
        receivedAt: Date.now(),
        contentType: req.headers['content-type'] ?? '',
      });
      for (const w of waiters) w();
      const [prefix, behaviour] = behaviourFor(path);
      answer(behaviour, req, res, prefix);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const requests = (prefix = '') => recorded.filter((r) => r.path.startsWith(prefix));

  return {
    port,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    behave: (prefix, behaviour) => {
      behaviours.set(prefix, behaviour);
      counters.delete(prefix);
    },
    requests,
    waitFor: (count, o = {}) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = requests(o.pathPrefix);
          if (found.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `expected ${count} requests under ${o.pathPrefix ?? '/'}, got ${requests(o.pathPrefix).length}`,
            ),
          );
        }, o.timeoutMs ?? 15_000);
        waiters.add(check);
        check();
      }),
    parse: parseBody,
    clear: () => {
      recorded.length = 0;
    },
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
