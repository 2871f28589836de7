import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { codeAt } from '@conduit/tenancy';
import { as, call, DEMO, expectErrorShape } from './client';

type Challenge = { twoFactor: 'verify' | 'enrol'; challenge: string };
type Session = { token: string; user: { email: string; twoFactorEnabled: boolean } };
type Enrolment = { secret: string; otpauthUri: string; qrDataUrl: string };
const PASSWORD = 'twelve chars or more';
const later = (secret: string, steps: number) => codeAt(secret, Date.now() + steps * 30_000);

const login = (email: string, password = PASSWORD) =>
  call<Challenge & Session>('POST', '/admin/api/auth/login', { body: { email, password } });
const verify = (challenge: string, code: string) =>
  call<Session>('POST', '/admin/api/auth/two-factor/verify', { body: { challenge, code } });

/** A new user (as ops); platform admins need no organization. */
async function newUser(role: string, organizationId?: string) {
  const email = `tf-${randomUUID().slice(0, 8)}@conduit.test`;
  const res = await call<{ id: string }>('POST', '/admin/api/users', {
    token: await as.ops(),
    body: { email, role, password: PASSWORD, ...(organizationId ? { organizationId } : {}) },
  });
  expect(res.status).toBe(201);
  return { email, id: res.body.id };
}

describe('two-factor sign-in over the admin API', () => {
  it('signs the demo platform admin in with its documented TOTP secret (the shared e2e session)', async () => {
    const me = await call<{ email: string; twoFactorEnabled: boolean; twoFactorRequired: boolean }>(
      'GET',
      '/admin/api/auth/me',
      { token: await as.ops() },
    );
    expect(me.body).toMatchObject({ email: DEMO.ops.email, twoFactorEnabled: true, twoFactorRequired: true });
    const answer = await login(DEMO.ops.email, DEMO.ops.password);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ twoFactor: 'verify' });
    expect(answer.body).not.toHaveProperty('token');
    expect(answer.headers.get('set-cookie')).toBeNull();
  });

  it('forces a platform admin without two-factor to enrol, then signs in with codes once each', async () => {
    const { email } = await newUser('PLATFORM_ADMIN');
    const first = await login(email);
    expect(first.body).toMatchObject({ twoFactor: 'enrol' });
    // Not a session: the challenge opens nothing else.
    expectErrorShape(await call('GET', '/admin/api/auth/me', { token: first.body.challenge }), 401);
    const enrolment = await call<Enrolment>('POST', '/admin/api/auth/two-factor/enrol', {
      body: { challenge: first.body.challenge },
    });
    expect(enrolment.status).toBe(200);
    expect(enrolment.body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(enrolment.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/Conduit:/);
    const { secret } = enrolment.body;
    const enrolCode = codeAt(secret);
    const enrolled = await call<Session & { recoveryCodes: string[] }>(
      'POST',
      '/admin/api/auth/two-factor/enrol/confirm',
      { body: { challenge: first.body.challenge, code: enrolCode } },
    );
    expect(enrolled.status).toBe(200);
    expect(enrolled.body.recoveryCodes).toHaveLength(10);
    expect((await call('GET', '/admin/api/auth/me', { token: enrolled.body.token })).status).toBe(200);

    // Next sign-in: the code already used is a replay; the next step's code works, once.
    const second = await login(email);
    expect(second.body).toMatchObject({ twoFactor: 'verify' });
    expectErrorShape(await verify(second.body.challenge, enrolCode), 401);
    // One code for both tries: worked out again, it could belong to a later step once the
    // clock crosses a 30-second boundary between the two, and then be fresh.
    const next = later(secret, 1);
    const ok = await verify(second.body.challenge, next);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('set-cookie')).toMatch(/conduit_session=.+HttpOnly/i);
    const third = await login(email);
    expectErrorShape(await verify(third.body.challenge, next), 401);

    // A recovery code instead of a code: once.
    const [recovery] = enrolled.body.recoveryCodes;
    expect((await verify(third.body.challenge, recovery)).status).toBe(200);
    const fourth = await login(email);
    expectErrorShape(await verify(fourth.body.challenge, recovery), 401);

    // Required for platform admins: it cannot be turned off by the user.
    const off = await call('POST', '/admin/api/auth/two-factor/disable', {
      token: ok.body.token,
      body: { code: enrolled.body.recoveryCodes[1] },
    });
    expectErrorShape(off, 403);
  });

  it('lets a practice require two-factor, and a platform admin reset a user', async () => {
    const ops = await as.ops();
    const slug = `tf-${randomUUID().slice(0, 8)}`;
    const org = await call<{ id: string }>('POST', '/admin/api/organizations', {
      token: ops,
      body: { name: 'Two-factor Clinic', slug, kind: 'PRACTICE' },
    });
    const admin = await newUser('PRACTICE_ADMIN', org.body.id);
    const clerk = await newUser('FINANCE', org.body.id);
    expect((await login(clerk.email)).body).toHaveProperty('token');

    const adminSession = await login(admin.email);
    const policy = await call<{ requireTwoFactor: boolean }>(
      'PUT',
      `/admin/api/organizations/${org.body.id}`,
      {
        token: adminSession.body.token,
        body: { requireTwoFactor: true },
      },
    );
    expect(policy.body.requireTwoFactor).toBe(true);
    const forced = await login(clerk.email);
    expect(forced.body).toMatchObject({ twoFactor: 'enrol' });
    // Finance may not change the policy.
    const enrolment = await call<Enrolment>('POST', '/admin/api/auth/two-factor/enrol', {
      body: { challenge: forced.body.challenge },
    });
    const done = await call<Session>('POST', '/admin/api/auth/two-factor/enrol/confirm', {
      body: { challenge: forced.body.challenge, code: codeAt(enrolment.body.secret) },
    });
    const clerkPut = await call('PUT', `/admin/api/organizations/${org.body.id}`, {
      token: done.body.token,
      body: { requireTwoFactor: false },
    });
    expectErrorShape(clerkPut, 403);

    // The practice admin cannot reset; a platform admin can, and the user enrols again.
    expectErrorShape(
      await call('DELETE', `/admin/api/users/${clerk.id}/two-factor`, { token: adminSession.body.token }),
      403,
    );
    expect((await call('DELETE', `/admin/api/users/${clerk.id}/two-factor`, { token: ops })).status).toBe(
      200,
    );
    expect((await login(clerk.email)).body).toMatchObject({ twoFactor: 'enrol' });
  });

  it('lets a user turn optional two-factor on and off from their own settings', async () => {
    const org = await call<{ id: string }>('POST', '/admin/api/organizations', {
      token: await as.ops(),
      body: { name: 'Optional Clinic', slug: `tf-${randomUUID().slice(0, 8)}`, kind: 'PRACTICE' },
    });
    const user = await newUser('FINANCE', org.body.id);
    const { token } = (await login(user.email)).body;
    const start = await call<Enrolment>('POST', '/admin/api/auth/two-factor/enrolment', { token });
    expect(start.status).toBe(200);
    const wrong = await call('POST', '/admin/api/auth/two-factor/enrolment/confirm', {
      token,
      body: { code: '000000' },
    });
    expectErrorShape(wrong, 400);
    const on = await call<{ recoveryCodes: string[] }>(
      'POST',
      '/admin/api/auth/two-factor/enrolment/confirm',
      {
        token,
        body: { code: codeAt(start.body.secret) },
      },
    );
    expect(on.body.recoveryCodes).toHaveLength(10);
    expect((await call('GET', '/admin/api/auth/two-factor', { token })).body).toEqual({
      enabled: true,
      required: false,
      recoveryCodesLeft: 10,
    });
    const off = await call('POST', '/admin/api/auth/two-factor/disable', {
      token,
      body: { code: later(start.body.secret, 1) },
    });
    expect(off.status).toBe(200);
    expect((await login(user.email)).body).toHaveProperty('token');
  });
});
