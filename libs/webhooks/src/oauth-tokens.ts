import { createHash } from 'node:crypto';
import type Redis from 'ioredis';
import { post, type PostTarget } from './http-post';

export interface OAuthClient {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope: string | null;
  audience: string | null;
}

export class OAuthTokenError extends Error {
  readonly errorClass = 'oauth' as const;
}

/** Seals the cached token so Redis never holds a usable bearer token in clear. */
export interface TokenSeal {
  seal(token: string): string;
  open(sealed: string): string;
}

/** Seconds to keep a token: until shortly (10 %, 5–60 s) before it expires. */
export function cacheSeconds(expiresIn: number): number {
  const margin = Math.min(60, Math.max(5, Math.floor(expiresIn * 0.1)));
  return Math.max(1, Math.floor(expiresIn) - margin);
}

/**
 * OAuth2 client-credentials tokens for webhook endpoints, cached in Redis so every worker shares
 * one token per endpoint configuration (webhooks.md).
 */
export class OAuthTokens {
  constructor(
    private readonly redis: Redis,
    private readonly timeoutMs: number,
  ) {}

  private key(endpointId: string, c: OAuthClient): string {
    const config = createHash('sha256')
      .update([c.tokenUrl, c.clientId, c.clientSecret, c.scope ?? '', c.audience ?? ''].join('\n'))
      .digest('hex')
      .slice(0, 16);
    return `conduit:webhooks:oauth:${endpointId}:${config}`;
  }

  /** A cached token, or a new one from the token endpoint. */
  async token(endpointId: string, c: OAuthClient, target: PostTarget, seal: TokenSeal): Promise<string> {
    const cached = await this.redis.get(this.key(endpointId, c));
    if (cached) {
      try {
        return seal.open(cached);
      } catch {
        // Sealed under another key (rotation): fetch a fresh one.
      }
    }
    return this.refresh(endpointId, c, target, seal);
  }

  /** Forgets the cached token and fetches a new one (after a 401 from the receiver). */
  async refresh(endpointId: string, c: OAuthClient, target: PostTarget, seal: TokenSeal): Promise<string> {
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (c.scope) form.set('scope', c.scope);
    if (c.audience) form.set('audience', c.audience);
    const basic = Buffer.from(
      `${encodeURIComponent(c.clientId)}:${encodeURIComponent(c.clientSecret)}`,
    ).toString('base64');
    const r = await post(
      target,
      {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        authorization: `Basic ${basic}`,
      },
      form.toString(),
      this.timeoutMs,
      64 * 1024,
    );
    if (r.status === null) throw new OAuthTokenError(`token endpoint: ${r.error}`);
    if (r.status < 200 || r.status >= 300)
      throw new OAuthTokenError(`token endpoint answered ${r.status} ${r.reasonPhrase ?? ''}`.trim());
    let parsed: { access_token?: unknown; expires_in?: unknown };
    try {
      parsed = JSON.parse(r.body) as typeof parsed;
    } catch {
      throw new OAuthTokenError('token endpoint answered something other than JSON');
    }
    if (typeof parsed.access_token !== 'string' || !parsed.access_token)
      throw new OAuthTokenError('token endpoint answered no access_token');
    const expiresIn = Number(parsed.expires_in ?? 3600);
    await this.redis.set(
      this.key(endpointId, c),
      seal.seal(parsed.access_token),
      'EX',
      cacheSeconds(Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 3600),
    );
    return parsed.access_token;
  }
}
