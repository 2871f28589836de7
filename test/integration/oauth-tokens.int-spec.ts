import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OAuthClient, OAuthTokenError, OAuthTokens, type TokenSeal } from '@conduit/webhooks';
import { startOAuthServer, type OAuthServer } from '../support/oauth-server';
import { testRedis } from './helpers';

/** AES-256-GCM, as the endpoint seal is: the cached value must not be the token. */
function testSeal(): TokenSeal {
  const key = randomBytes(32);
  return {
    seal(token) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(token, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]).toString('base64');
    },
    open(sealed) {
      const raw = Buffer.from(sealed, 'base64');
      const d = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      d.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

/**
 * Issue 10 item 14: one token fetch per endpoint however many posts want one at once, in one
 * worker and across workers. Two OAuthTokens instances are two workers: separate in-process
 * state, one Redis.
 */
describe('OAuth2 webhook tokens are fetched once (real Redis)', () => {
  const redis = testRedis();
  const otherRedis = testRedis();
  const workerA = new OAuthTokens(redis, 1500);
  const workerB = new OAuthTokens(otherRedis, 1500);
  const seal = testSeal();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  let oauth: OAuthServer;
  let client: OAuthClient;
  let target: { url: URL; agent: http.Agent };

  beforeAll(async () => {
    oauth = await startOAuthServer({
      clientId: 'conduit',
      clientSecret: 's3cret',
      expiresIn: 3600,
      delayMs: 150,
    });
    client = {
      tokenUrl: oauth.tokenUrl,
      clientId: 'conduit',
      clientSecret: 's3cret',
      scope: null,
      audience: null,
    };
    target = { url: new URL(oauth.tokenUrl), agent };
  });
  afterAll(async () => {
    agent.destroy();
    await oauth.close();
    await otherRedis.quit();
    await redis.quit();
  });

  const both = (n: number, ask: (w: OAuthTokens) => Promise<string>) =>
    Promise.allSettled([...Array(n)].flatMap(() => [ask(workerA), ask(workerB)]));

  it('20 posts at once on each of two workers fetch one token, and Redis holds it sealed', async () => {
    const endpointId = randomUUID();
    const before = oauth.hits();
    const got = await both(20, (w) => w.token(endpointId, client, target, seal));
    expect(oauth.hits() - before).toBe(1);
    const tokens = new Set(got.map((r) => (r.status === 'fulfilled' ? r.value : String(r.reason))));
    expect(tokens.size).toBe(1);
    const [token] = tokens;
    expect(oauth.validTokens()).toContain(token);
    const [key] = await redis.keys(`conduit:webhooks:oauth:${endpointId}:*`);
    const stored = await redis.get(key);
    expect(stored).toBeTruthy();
    expect(stored).not.toContain(token);
    expect(seal.open(stored as string)).toBe(token);
    // The lock is gone once the fetch is done.
    expect(await redis.exists(`${key}:lock`)).toBe(0);
  });

  it('posts that all got a 401 for one token share one refresh', async () => {
    const endpointId = randomUUID();
    const first = await workerA.token(endpointId, client, target, seal);
    const before = oauth.hits();
    const got = await both(10, (w) => w.refresh(endpointId, client, target, seal, first));
    expect(oauth.hits() - before).toBe(1);
    const values = new Set(got.map((r) => (r.status === 'fulfilled' ? r.value : String(r.reason))));
    expect(values.size).toBe(1);
    expect(values.has(first)).toBe(false);
  });

  it('takes over from a worker that died holding the lock, once its lock expires', async () => {
    const endpointId = randomUUID();
    // A first fetch names the keys; then the token is gone and a dead worker holds the lock.
    await workerA.token(endpointId, client, target, seal);
    const [key] = await redis.keys(`conduit:webhooks:oauth:${endpointId}:*`);
    await redis.del(key);
    await redis.set(`${key}:lock`, 'a-worker-that-died', 'PX', 400);
    const before = oauth.hits();
    const started = Date.now();
    const got = await both(5, (w) => w.token(endpointId, client, target, seal));
    expect(got.every((r) => r.status === 'fulfilled')).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    expect(oauth.hits() - before).toBe(1);
  });

  it('asks a token endpoint that refuses the client once, and every waiting post gets its answer', async () => {
    const endpointId = randomUUID();
    const wrong = { ...client, clientSecret: 'not-it' };
    const before = oauth.hits();
    const got = await both(10, (w) => w.token(endpointId, wrong, target, seal));
    expect(oauth.hits() - before).toBe(1);
    for (const r of got) {
      expect(r.status).toBe('rejected');
      const reason = (r as PromiseRejectedResult).reason as Error;
      expect(reason).toBeInstanceOf(OAuthTokenError);
      expect(reason.message).toBe('token endpoint answered 401 Unauthorized');
    }
  });
});
