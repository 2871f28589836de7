import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { helmetHeaders, installSecurityHeaders } from './security-headers';
import type { ConduitConfig } from '@conduit/config';

/** The headers a real Fastify instance answers each path with, the hooks installed as in main.ts. */
async function headersOf(nodeEnv: string, paths: string[]) {
  const app = Fastify();
  installSecurityHeaders(app, { nodeEnv } as ConduitConfig);
  for (const path of paths.filter((p) => p !== '/no-such-route')) app.get(path, () => ({ ok: true }));
  // A route that sets its own policy, as the hosted page does with its nonces.
  app.get('/providers/own-policy', (_req, reply) =>
    reply.header('content-security-policy', "default-src 'none'").send('page'),
  );
  try {
    const out: Record<string, Record<string, unknown>> = {};
    for (const path of [...paths, '/providers/own-policy'])
      out[path] = (await app.inject({ method: 'GET', url: path })).headers;
    return out;
  } finally {
    await app.close();
  }
}

const PATHS = ['/console/', '/admin/api/me', '/rest/payment/sale', '/payment/NVP.aspx', '/sso', '/x.asmx'];

describe('security headers', () => {
  it('gives each kind of route its set, computed once, and unknown paths the strictest browser set', async () => {
    const h = await headersOf('development', [...PATHS, '/rest/docs', '/providers/page', '/no-such-route']);
    for (const p of ['/console/', '/admin/api/me', '/no-such-route']) {
      expect(h[p]['content-security-policy'], p).toContain("frame-ancestors 'none'");
      expect(h[p]['content-security-policy'], p).toMatch(/script-src 'self';/);
      expect(h[p]['x-frame-options'], p).toBe('DENY');
      expect(h[p]['referrer-policy'], p).toBe('no-referrer');
      expect(h[p]['cross-origin-opener-policy'], p).toBe('same-origin-allow-popups');
      expect(h[p]['strict-transport-security'], p).toBeUndefined();
    }
    for (const p of ['/rest/payment/sale', '/payment/NVP.aspx', '/sso', '/x.asmx']) {
      expect(h[p]['cache-control'], p).toBe('no-store');
      expect(h[p]['content-security-policy'], p).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(h[p]['x-dns-prefetch-control'], p).toBeUndefined();
      expect(h[p]['cross-origin-opener-policy'], p).toBeUndefined();
    }
    expect(h['/rest/docs']['content-security-policy']).toBeUndefined();
    expect(h['/rest/docs']['x-dns-prefetch-control']).toBe('off');
    expect(h['/providers/page']['content-security-policy']).toBeUndefined();
    expect(h['/providers/page']['x-frame-options']).toBeUndefined();
    expect(h['/providers/page']['cross-origin-opener-policy']).toBeUndefined();
    expect(h['/providers/page']['x-content-type-options']).toBe('nosniff');
    expect(h['/providers/own-policy']['content-security-policy']).toBe("default-src 'none'");
  });

  it('adds HSTS in production only, to the browser sets and the machine APIs alike', async () => {
    const h = await headersOf('production', ['/console/', '/rest/payment/sale', '/rest/docs']);
    for (const p of ['/console/', '/rest/payment/sale', '/rest/docs'])
      expect(h[p]['strict-transport-security'], p).toBe('max-age=31536000; includeSubDomains');
  });

  it('computes exactly what helmet itself sets, lower-cased, and drops what it removes', () => {
    const headers = helmetHeaders({ contentSecurityPolicy: false, xFrameOptions: { action: 'sameorigin' } });
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['x-powered-by']).toBeUndefined();
    expect(Object.keys(headers).every((k) => k === k.toLowerCase())).toBe(true);
  });
});
