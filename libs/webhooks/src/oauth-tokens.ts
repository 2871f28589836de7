import { createHash, randomBytes } from 'node:crypto';
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

/** The fetch lock outlives a fetch (bounded by the post timeout) by this much. */
const LOCK_MARGIN_MS = 2000;
/** A failed fetch is the answer for everyone asking within this long: one try a second. */
const FAILURE_HOLD_MS = 1000;
const POLL_FIRST_MS = 20;
const POLL_MAX_MS = 200;

// Deletes the lock only while it is still ours (it may have expired and been taken since).
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

interface Keys {
  token: string;
  lock: string;
  failure: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * OAuth2 client-credentials tokens for webhook endpoints, cached in Redis (sealed) so every worker
 * shares one token per endpoint configuration (webhooks.md), and fetched once however many posts
 * want one at the same moment (decision 0017): concurrent jobs in one worker share one promise;
 * across workers the fetch takes a Redis lock per endpoint and the others wait for the cached token
 * or the shared failure. A lock whose holder died expires after the fetch timeout and the next
 * waiter takes it.
 */
export class OAuthTokens {
  private readonly flights = new Map<string, Promise<string>>();
  private readonly lockMs: number;

  constructor(
    private readonly redis: Redis,
    private readonly timeoutMs: number,
  ) {
    this.lockMs = timeoutMs + LOCK_MARGIN_MS;
  }

  private keys(endpointId: string, c: OAuthClient): Keys {
    const config = createHash('sha256')
      .update([c.tokenUrl, c.clientId, c.clientSecret, c.scope ?? '', c.audience ?? ''].join('\n'))
      .digest('hex')
      .slice(0, 16);
    const token = `conduit:webhooks:oauth:${endpointId}:${config}`;
    return { token, lock: `${token}:lock`, failure: `${token}:failed` };
  }

  /** The cached token, or a new one from the token endpoint. */
  token(endpointId: string, c: OAuthClient, target: PostTarget, seal: TokenSeal): Promise<string> {
    return this.flight(this.keys(endpointId, c), c, target, seal, null);
  }

  /**
   * A token other than `rejected` (the receiver answered 401 to it): the one another post has
   * fetched meanwhile, or a new one.
   */
  refresh(
    endpointId: string,
    c: OAuthClient,
    target: PostTarget,
    seal: TokenSeal,
    rejected: string,
  ): Promise<string> {
    return this.flight(this.keys(endpointId, c), c, target, seal, rejected);
  }

  /** One obtain per key (and rejected token) at a time in this process; the rest join it. */
  private flight(k: Keys, c: OAuthClient, target: PostTarget, seal: TokenSeal, rejected: string | null) {
    const id = `${k.token}\n${rejected ?? ''}`;
    let flight = this.flights.get(id);
    if (!flight) {
      flight = this.obtain(k, c, target, seal, rejected).finally(() => this.flights.delete(id));
      this.flights.set(id, flight);
    }
    return flight;
  }

  private async obtain(
    k: Keys,
    c: OAuthClient,
    target: PostTarget,
    seal: TokenSeal,
    rejected: string | null,
  ): Promise<string> {
    // Past this, stop waiting on a lock that should have expired and fetch regardless.
    const deadline = Date.now() + this.lockMs + LOCK_MARGIN_MS;
    const lock = randomBytes(16).toString('hex');
    for (let wait = POLL_FIRST_MS; ; wait = Math.min(POLL_MAX_MS, wait * 2)) {
      const [sealed, failed] = await this.redis.mget(k.token, k.failure);
      const cached = this.usable(sealed, seal, rejected);
      if (cached) return cached;
      if (failed !== null) throw new OAuthTokenError(failed);
      if (await this.redis.set(k.lock, lock, 'PX', this.lockMs, 'NX')) {
        try {
          // Another worker may have stored one between the read above and the lock.
          const fresh = this.usable(await this.redis.get(k.token), seal, rejected);
          return fresh ?? (await this.fetch(k, c, target, seal));
        } finally {
          await this.redis.eval(RELEASE, 1, k.lock, lock).catch(() => undefined);
        }
      }
      if (Date.now() >= deadline) return this.fetch(k, c, target, seal);
      await sleep(wait);
    }
  }

  /** The cached token if it opens (it may be sealed under a rotated-out key) and is not rejected. */
  private usable(sealed: string | null, seal: TokenSeal, rejected: string | null): string | null {
    if (!sealed) return null;
    try {
      const token = seal.open(sealed);
      return token === rejected ? null : token;
    } catch {
      return null;
    }
  }

  /** Asks the token endpoint; stores the token, or the failure for those waiting on it. */
  private async fetch(k: Keys, c: OAuthClient, target: PostTarget, seal: TokenSeal): Promise<string> {
    let answer: { token: string; expiresIn: number };
    try {
      answer = await this.request(c, target);
    } catch (err) {
      if (err instanceof OAuthTokenError)
        await this.redis.set(k.failure, err.message, 'PX', FAILURE_HOLD_MS).catch(() => undefined);
      throw err;
    }
    await this.redis.set(k.token, seal.seal(answer.token), 'EX', cacheSeconds(answer.expiresIn));
    return answer.token;
  }

  private async request(c: OAuthClient, target: PostTarget): Promise<{ token: string; expiresIn: number }> {
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
    return {
      token: parsed.access_token,
      expiresIn: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 3600,
    };
  }
}
