import { describe, expect, inject, it } from 'vitest';
import { call, DEMO, expectErrorShape } from './client';

describe('admin API sign-in', () => {
  // The platform admin signs in with two-factor: two-factor.e2e-spec.ts.
  const demoUsers = [
    [DEMO.lakeside.admin, 'PRACTICE_ADMIN', 'Lakeside Clinic'],
    [DEMO.lakeside.finance, 'FINANCE', 'Lakeside Clinic'],
    [DEMO.harbor.admin, 'PRACTICE_ADMIN', 'Harbor Health'],
    [DEMO.partner.developer, 'PARTNER_DEVELOPER', 'Northwind Billing Software'],
  ] as const;

  it.each(demoUsers)('signs in %o', async (user, role, organizationName) => {
    const res = await call<{ token: string; user: Record<string, unknown> }>(
      'POST',
      '/admin/api/auth/login',
      { body: user },
    );
    expect(res.status).toBe(200);
    expect(res.body.token.length).toBeGreaterThan(30);
    expect(res.body.user).toMatchObject({ email: user.email, role, organizationName });
    expect(res.headers.get('set-cookie')).toMatch(/conduit_session=.+HttpOnly/i);
  });

  it('accepts the session cookie as well as the bearer token, and logout ends both', async () => {
    const res = await call<{ token: string }>('POST', '/admin/api/auth/login', { body: DEMO.lakeside.admin });
    const cookie = res.headers.get('set-cookie')!.split(';')[0];
    const viaCookie = await call<{ email: string }>('GET', '/admin/api/auth/me', { headers: { cookie } });
    expect(viaCookie.body.email).toBe(DEMO.lakeside.admin.email);
    const viaBearer = await call('GET', '/admin/api/auth/me', { token: res.body.token });
    expect(viaBearer.status).toBe(200);
    expect((await call('POST', '/admin/api/auth/logout', { token: res.body.token })).status).toBe(200);
    expectErrorShape(await call('GET', '/admin/api/auth/me', { headers: { cookie } }), 401);
    expectErrorShape(await call('GET', '/admin/api/auth/me', { token: res.body.token }), 401);
  });

  it('refuses a wrong password with a JSON 401 and no hint which part was wrong', async () => {
    const wrong = expectErrorShape(
      await call('POST', '/admin/api/auth/login', {
        body: { email: DEMO.harbor.admin.email, password: 'nope' },
      }),
      401,
    );
    const unknown = expectErrorShape(
      await call('POST', '/admin/api/auth/login', {
        body: { email: 'nobody@nowhere.test', password: 'nope' },
      }),
      401,
    );
    expect(wrong.message).toBe('Invalid email or password');
    expect(unknown.message).toBe(wrong.message);
  });

  it('slows and then locks out repeated failures for an account, with Retry-After', async () => {
    const email = `victim-${Date.now()}@lakeside.test`;
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push(
        (await call('POST', '/admin/api/auth/login', { body: { email, password: 'guess' } })).status,
      );
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    const locked = await call('POST', '/admin/api/auth/login', { body: { email, password: 'guess' } });
    const body = expectErrorShape(locked, 429);
    expect(body.message).toMatch(/Too many failed sign-ins/);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses every admin resource without a session', async () => {
    for (const resource of [
      'organizations',
      'merchants',
      'outlets',
      'users',
      'credentials',
      'partner-grants',
      'audit-log',
      'platform-info',
    ]) {
      expectErrorShape(await call('GET', `/admin/api/${resource}`), 401);
    }
  });

  it('answers unknown routes, bad JSON, oversize and wrong content types as JSON errors', async () => {
    expectErrorShape(await call('GET', '/admin/api/no-such-thing'), 404);
    expectErrorShape(await call('GET', '/definitely/not/here'), 404);
    const bad = await call('POST', '/admin/api/auth/login', {
      raw: '{"email": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(expectErrorShape(bad, 400).message).toBe('Request body is not valid JSON');
    const big = await call('POST', '/admin/api/auth/login', {
      body: { email: 'a@b.c', password: 'x'.repeat(70 * 1024) },
    });
    expectErrorShape(big, 413);
    const xml = await call('POST', '/admin/api/auth/login', {
      raw: '<login/>',
      headers: { 'content-type': 'application/xml' },
    });
    expectErrorShape(xml, 415);
  });

  it('validates the login body field by field', async () => {
    const res = expectErrorShape(
      await call('POST', '/admin/api/auth/login', { body: { email: 'not-an-email' } }),
      400,
    );
    expect(res.errors?.map((e) => e.field).sort()).toEqual(['email', 'password']);
  });

  it('serves the console at /console/', async () => {
    const res = await fetch(`${inject('apiUrl')}/console/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/<div id="root">/);
  });
});
