import { describe, expect, it } from 'vitest';
import { as, call, DEMO, expectErrorShape } from './client';

describe('admin resources (practice admin)', () => {
  it('creates and edits a merchant with an IP allowlist, refusing bad ranges per entry', async () => {
    const token = await as.lakesideAdmin();
    const merchantId = `60110${String(Date.now()).slice(-8)}`;
    const bad = expectErrorShape(
      await call('POST', '/admin/api/merchants', {
        token,
        body: { merchantId, name: 'East wing', ipAllowlist: ['10.0.0.0/8', 'nope'] },
      }),
      400,
    );
    expect(bad.errors).toEqual([
      { field: 'ipAllowlist', message: 'ipAllowlist entry "nope" is not an IPv4 or IPv6 CIDR range' },
    ]);
    const created = await call<Record<string, unknown>>('POST', '/admin/api/merchants', {
      token,
      body: {
        merchantId,
        name: 'East wing',
        timeZone: 'America/Chicago',
        ipAllowlist: ['10.0.0.0/8', '2001:DB8::/32'],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: merchantId,
      settlementCutoff: '20:00',
      status: 'ACTIVE',
      ipAllowlist: ['10.0.0.0/8', '2001:db8::/32'],
    });
    const edited = await call<Record<string, unknown>>('PUT', `/admin/api/merchants/${merchantId}`, {
      token,
      body: { ...created.body, settlementCutoff: '18:30' },
    });
    expect(edited.body).toMatchObject({ status: 'ACTIVE', settlementCutoff: '18:30' });
    // Suspension is the platform's (decision 0020): a practice admin may not change it.
    expectErrorShape(
      await call('PUT', `/admin/api/merchants/${merchantId}`, { token, body: { status: 'SUSPENDED' } }),
      403,
    );
    const v = expectErrorShape(
      await call('PUT', `/admin/api/merchants/${merchantId}`, {
        token,
        body: { settlementCutoff: '25:00', status: 'GONE' },
      }),
      400,
    );
    expect(v.errors?.map((e) => e.field).sort()).toEqual(['settlementCutoff', 'status']);
  });

  it('pages, sorts and filters lists in the database, with Content-Range', async () => {
    const token = await as.ops();
    const res = await call<{ slug: string }[]>(
      'GET',
      `/admin/api/organizations?sort=${encodeURIComponent('["slug","DESC"]')}&range=[0,1]`,
      { token },
    );
    expect(res.body).toHaveLength(2);
    expect(res.headers.get('content-range')).toMatch(/^organizations 0-1\/\d+$/);
    expect(res.headers.get('access-control-expose-headers')).toBe('Content-Range');
    const slugs = res.body.map((o) => o.slug);
    expect([...slugs].sort().reverse()).toEqual(slugs);
    const filtered = await call<{ slug: string }[]>(
      'GET',
      `/admin/api/organizations?filter=${encodeURIComponent('{"q":"harbor"}')}`,
      { token },
    );
    expect(filtered.body.map((o) => o.slug)).toEqual(['harbor-health']);
    expectErrorShape(
      await call('GET', `/admin/api/organizations?sort=${encodeURIComponent('["passwordHash","ASC"]')}`, {
        token,
      }),
      400,
    );
  });

  it('adds and deactivates an outlet', async () => {
    const token = await as.lakesideAdmin();
    const created = await call<{ id: string }>('POST', '/admin/api/outlets', {
      token,
      body: {
        merchantId: DEMO.lakeside.merchantId,
        storeId: '002',
        terminalId: '001',
        name: 'Billing office',
      },
    });
    expect(created.status).toBe(201);
    const dup = await call('POST', '/admin/api/outlets', {
      token,
      body: { merchantId: DEMO.lakeside.merchantId, storeId: '002', terminalId: '001' },
    });
    expectErrorShape(dup, 409);
    const off = await call<{ active: boolean }>('PUT', `/admin/api/outlets/${created.body.id}`, {
      token,
      body: { active: false },
    });
    expect(off.body.active).toBe(false);
    const listed = await call<{ id: string }[]>(
      'GET',
      `/admin/api/outlets?filter=${encodeURIComponent(JSON.stringify({ merchantId: DEMO.lakeside.merchantId, active: false }))}`,
      { token },
    );
    expect(listed.body.map((o) => o.id)).toEqual([created.body.id]);
  });

  it('answers a credential secret once, rotates it, disables it, and audits all of it without secrets', async () => {
    const token = await as.lakesideAdmin();
    const created = await call<{ id: string; identifier: string; secret: string }>(
      'POST',
      '/admin/api/credentials',
      {
        token,
        body: { kind: 'ACCOUNT', name: `frontdesk${Date.now()}`, merchantIds: [DEMO.lakeside.merchantId] },
      },
    );
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    expect(created.body.identifier).toMatch(/^frontdesk\d+@lakeside-clinic$/);
    const secret = created.body.secret;
    const read = await call<Record<string, unknown>>('GET', `/admin/api/credentials/${created.body.id}`, {
      token,
    });
    expect(read.body).not.toHaveProperty('secret');
    expect(read.text).not.toContain(secret);
    const rotated = await call<{ secret: string; rotatedAt: string; previousSecretValidUntil: string }>(
      'POST',
      `/admin/api/credentials/${created.body.id}/rotate`,
      {
        token,
        body: { gracePeriodSeconds: 300 },
      },
    );
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(secret);
    expect(new Date(rotated.body.previousSecretValidUntil).getTime()).toBeGreaterThan(Date.now());
    const disabled = await call<{ enabled: boolean }>('PUT', `/admin/api/credentials/${created.body.id}`, {
      token,
      body: { enabled: false },
    });
    expect(disabled.body.enabled).toBe(false);
    const audit = await call<{ action: string; resourceId: string }[]>(
      'GET',
      `/admin/api/audit-log?range=[0,99]&filter=${encodeURIComponent(JSON.stringify({ resource: 'credentials', resourceId: created.body.id }))}`,
      { token },
    );
    expect(audit.body.map((a) => a.action).sort()).toEqual(['create', 'disable', 'rotate']);
    expect(audit.text).not.toContain(secret);
    expect(audit.text).not.toContain(rotated.body.secret);
  });

  it('creates a user with a write-only password, and refuses short ones', async () => {
    const token = await as.lakesideAdmin();
    const short = expectErrorShape(
      await call('POST', '/admin/api/users', {
        token,
        body: { email: 'x@lakeside.test', role: 'FINANCE', password: 'short' },
      }),
      400,
    );
    expect(short.errors?.[0]).toEqual({
      field: 'password',
      message: 'password must be at least 12 characters',
    });
    const email = `clerk${Date.now()}@lakeside.test`;
    const created = await call<Record<string, unknown>>('POST', '/admin/api/users', {
      token,
      body: { email, role: 'FINANCE', password: 'long enough password' },
    });
    expect(created.status).toBe(201);
    expect(created.text).not.toMatch(/password/i);
    const signIn = await call('POST', '/admin/api/auth/login', {
      body: { email, password: 'long enough password' },
    });
    expect(signIn.status).toBe(200);
  });

  it('grants a partner access to a merchant and revokes it at once', async () => {
    const token = await as.lakesideAdmin();
    const dev = await as.partnerDev();
    const merchantId = `60112${String(Date.now()).slice(-8)}`;
    await call('POST', '/admin/api/merchants', { token, body: { merchantId, name: 'Satellite' } });
    const grant = await call<{ id: string; partnerOrganizationSlug: string }>(
      'POST',
      '/admin/api/partner-grants',
      {
        token,
        body: { merchantId, partnerOrganizationSlug: 'northwind-billing', scope: 'read' },
      },
    );
    expect(grant.status).toBe(201);
    expect((await call('GET', `/admin/api/merchants/${merchantId}`, { token: dev })).status).toBe(200);
    const revoked = await call<{ revokedAt: string }>(
      'DELETE',
      `/admin/api/partner-grants/${grant.body.id}`,
      { token },
    );
    expect(revoked.body.revokedAt).toBeTruthy();
    expectErrorShape(await call('GET', `/admin/api/merchants/${merchantId}`, { token: dev }), 404);
  });

  it('tells merchants the platform settings', async () => {
    const res = await call<{ urls: { nvp: string }; webhookSourceIps: string[] }>(
      'GET',
      '/admin/api/platform-info',
      { token: await as.lakesideFinance() },
    );
    expect(res.status).toBe(200);
    expect(res.body.urls.nvp).toMatch(/\/payment\/NVP\.aspx$/);
    expect(Array.isArray(res.body.webhookSourceIps)).toBe(true);
  });
});
