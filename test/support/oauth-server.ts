import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TokenRequest {
  clientId: string;
  scope: string | null;
  audience: string | null;
  via: 'basic' | 'post';
}

export interface OAuthServer {
  tokenUrl: string;
  /** Tokens issued. */
  tokenRequests: TokenRequest[];
  /** Every POST to the token endpoint, refused ones included. */
  hits(): number;
  /** Tokens issued and not revoked. */
  validTokens(): string[];
  revokeAll(): void;
  close(): Promise<void>;
}

/** An OAuth2 token endpoint for the client-credentials grant (RFC 6749 §4.4). */
export async function startOAuthServer(o: {
  clientId: string;
  clientSecret: string;
  expiresIn: number;
  /** Answer this late, so that concurrent fetches overlap (as under load) instead of queueing. */
  delayMs?: number;
}): Promise<OAuthServer> {
  const tokens = new Set<string>();
  const tokenRequests: TokenRequest[] = [];
  let hits = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => setTimeout(answer, o.delayMs ?? 0));
    const answer = () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString());
      const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const [id, secret] = basic
        ? Buffer.from(basic, 'base64').toString().split(':').map(decodeURIComponent)
        : [form.get('client_id') ?? '', form.get('client_secret') ?? ''];
      const json = (status: number, body: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (req.method !== 'POST' || req.url !== '/token') return json(404, { error: 'not_found' });
      hits++;
      if (form.get('grant_type') !== 'client_credentials')
        return json(400, { error: 'unsupported_grant_type' });
      if (id !== o.clientId || secret !== o.clientSecret) return json(401, { error: 'invalid_client' });
      tokenRequests.push({
        clientId: id,
        scope: form.get('scope'),
        audience: form.get('audience'),
        via: basic ? 'basic' : 'post',
      });
      const token = randomBytes(24).toString('hex');
      tokens.add(token);
      json(200, { access_token: token, token_type: 'Bearer', expires_in: o.expiresIn });
    };
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    tokenUrl: `http://127.0.0.1:${port}/token`,
    tokenRequests,
    hits: () => hits,
    validTokens: () => [...tokens],
    revokeAll: () => tokens.clear(),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
