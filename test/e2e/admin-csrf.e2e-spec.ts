import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { as, call, DEMO, expectErrorShape } from './client';

const api = () => inject('apiUrl');
const EVIL = 'https://evil.example';
const PASSWORD = 'a long enough password';

/** Issue 10 items 11 and 15: cross-site requests on the session cookie, headers, empty bodies. */
describe('admin API: JSON only, no cross-site cookie requests, strict headers', () => {
  let db: pg.Client;
  let cookie: string;
  beforeAll(async () => {
    db = new pg.Client({ connectionString: inject('databaseUrl') });
    await db.connect();
    const res = await call('POST', '/admin/api/auth/login', {
      body: { email: DEMO.lakeside.admin.email, password: DEMO.lakeside.admin.password },
    });
    cookie = res.headers.get('set-cookie')!.split(';')[0];
  });
  afterAll(() => db?.end());

  const userCount = async (email: string) =>
    Number((await db.query('SELECT count(*) AS n FROM users WHERE email = $1', [email])).rows[0].n);
  const newEmail = () => `csrf-${randomUUID().slice(0, 8)}@lakeside.test`;

  it('refuses a form-encoded POST from another site that rides on the cookie, and creates no one', async () => {
    const email = newEmail();
    // What an attacker's <form method=post action=…/admin/api/users> sends, cookie included.
    const res = await fetch(`${api()}/admin/api/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, origin: EVIL },
      body: new URLSearchParams({ email, role: 'PRACTICE_ADMIN', password: PASSWORD }).toString(),
    });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ statusCode: 415 });
    for (const type of ['text/plain', 'multipart/form-data; boundary=x']) {
      const other = await fetch(`${api()}/admin/api/users`, {
        method: 'POST',
        headers: { 'content-type': type, cookie },
        body: JSON.stringify({ email, role: 'PRACTICE_ADMIN', password: PASSWORD }),
      });
      expect(other.status).toBe(415);
    }
    expect(await userCount(email)).toBe(0);
  });

  it.each([
    ['a foreign Origin', { origin: EVIL }],
    ['an opaque Origin', { origin: 'null' }],
    ['a foreign Referer and no Origin', { referer: `${EVIL}/page` }],
  ])('refuses JSON with the cookie and %s (403), creating no one', async (_name, headers) => {
    const email = newEmail();
    const res = await call('POST', '/admin/api/users', {
      body: { email, role: 'PRACTICE_ADMIN', password: PASSWORD },
      headers: { cookie, ...headers },
    });
    expect(expectErrorShape(res, 403).message).toMatch(/Cross-site request refused/);
    expect(await userCount(email)).toBe(0);
  });

  it('takes the same request from the platform’s own origin, and bearer requests from anywhere', async () => {
    const email = newEmail();
    const own = await call('POST', '/admin/api/users', {
      body: { email, role: 'FINANCE', password: PASSWORD },
      headers: { cookie, origin: api() },
    });
    expect(own.status, own.text).toBe(201);
    const bearer = await call('POST', '/admin/api/users', {
      token: await as.lakesideAdmin(),
      body: { email: newEmail(), role: 'FINANCE', password: PASSWORD },
      headers: { origin: EVIL },
    });
    expect(bearer.status, bearer.text).toBe(201);
    expect(await userCount(email)).toBe(1);
  });

  it('serves the console and admin API with a strict CSP and no framing; no HSTS outside production', async () => {
    for (const path of ['/console/', '/admin/api/auth/me']) {
      const res = await fetch(`${api()}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toMatch(/script-src 'self'(;|$)/);
      expect(csp, path).toContain("object-src 'none'");
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('strict-transport-security'), path).toBeNull();
    }
  });

  it('answers the machine APIs with the REST header set: no caching, no framing, none of helmet’s browser headers', async () => {
    const nvp = await fetch(`${api()}/payment/nvp.aspx`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'transactionType=CreditCard',
    });
    const rest = await fetch(`${api()}/rest/sso/token/not-a-token/status`);
    const wsdl = await fetch(`${api()}/payment/service.asmx?wsdl`);
    for (const [name, res] of Object.entries({ nvp, rest, wsdl })) {
      expect(res.headers.get('cache-control'), name).toBe('no-store');
      expect(res.headers.get('content-security-policy'), name).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
      expect(res.headers.get('x-content-type-options'), name).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), name).toBe('DENY');
      expect(res.headers.get('x-dns-prefetch-control'), name).toBeNull();
      expect(res.headers.get('cross-origin-opener-policy'), name).toBeNull();
      expect(res.headers.get('strict-transport-security'), name).toBeNull();
    }
    expect(rest.status).toBe(401);
    // The REST docs are an HTML page for people: helmet's headers stay there.
    const docs = await fetch(`${api()}/rest/docs`);
    expect(docs.headers.get('x-dns-prefetch-control')).toBe('off');
    expect(docs.headers.get('cache-control')).not.toBe('no-store');
  });

  it('treats an empty JSON body as {} on action POSTs; a required body still gets its validation error', async () => {
    const token = await as.lakesideAdmin();
    const resend = await fetch(`${api()}/admin/api/webhook-deliveries/${randomUUID()}/resend`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
    // Reaches the route (an unknown delivery is 404); it was 400 "body is empty" before.
    expect(resend.status).toBe(404);
    const required = await call('POST', '/admin/api/users', {
      token,
      raw: '',
      headers: { 'content-type': 'application/json' },
    });
    const body = expectErrorShape(required, 400);
    expect(body.errors?.map((e) => e.field)).toEqual(expect.arrayContaining(['email', 'password']));
  });
});
