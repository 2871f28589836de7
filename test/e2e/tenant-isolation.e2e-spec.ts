import { beforeAll, describe, expect, it } from 'vitest';
import { as, call, DEMO, expectErrorShape } from './client';

type Row = { id: string };
const list = async (token: string, resource: string, filter: object = {}) =>
  (
    await call<Row[]>(
      'GET',
      `/admin/api/${resource}?range=[0,499]&filter=${encodeURIComponent(JSON.stringify(filter))}`,
      { token },
    )
  ).body;

/**
 * Harbor Health's administrator tries every admin resource of Lakeside Clinic: each answers
 * exactly as if it did not exist. Then each role tries what it may not do.
 */
describe('tenant isolation across the demo organizations', () => {
  const lakeside: Record<string, string> = {};
  let harbor: string;

  beforeAll(async () => {
    const admin = await as.lakesideAdmin();
    for (const resource of [
      'organizations',
      'merchants',
      'outlets',
      'users',
      'credentials',
      'partner-grants',
      'audit-log',
    ]) {
      const rows = await list(admin, resource);
      expect(rows.length, `Lakeside has ${resource}`).toBeGreaterThan(0);
      lakeside[resource] = rows[0].id;
    }
    harbor = await as.harborAdmin();
  });

  it.each(['organizations', 'merchants', 'outlets', 'users', 'credentials', 'partner-grants', 'audit-log'])(
    '%s: reading another tenant object is a 404 like an unknown one',
    async (resource) => {
      const foreign = expectErrorShape(
        await call('GET', `/admin/api/${resource}/${lakeside[resource]}`, { token: harbor }),
        404,
      );
      const unknownId = resource === 'merchants' ? '0000000000000' : '00000000-0000-4000-8000-000000000000';
      const unknown = expectErrorShape(
        await call('GET', `/admin/api/${resource}/${unknownId}`, { token: harbor }),
        404,
      );
      expect(foreign.message).toBe(unknown.message);
      const ids = (await list(harbor, resource)).map((r) => r.id);
      expect(ids).not.toContain(lakeside[resource]);
    },
  );

  it.each([
    ['PUT', 'organizations', { name: 'Taken over' }],
    ['PUT', 'merchants', { name: 'Taken over' }],
    ['PUT', 'outlets', { name: 'Taken over' }],
    ['DELETE', 'outlets', undefined],
    ['PUT', 'users', { name: 'Taken over' }],
    ['DELETE', 'users', undefined],
    ['PUT', 'credentials', { enabled: false }],
    ['DELETE', 'credentials', undefined],
    ['DELETE', 'partner-grants', undefined],
  ])('%s %s of another tenant is a 404 and changes nothing', async (method, resource, body) => {
    expectErrorShape(
      await call(method, `/admin/api/${resource}/${lakeside[resource]}`, { token: harbor, body }),
      404,
    );
    const still = await call<Record<string, unknown>>('GET', `/admin/api/${resource}/${lakeside[resource]}`, {
      token: await as.lakesideAdmin(),
    });
    expect(still.status).toBe(200);
    // Each resource's own sign of the attempted change: a new name, a disabled or revoked row.
    expect(still.body.name).not.toBe('Taken over');
    if (resource === 'credentials') expect(still.body.enabled).toBe(true);
    if (resource === 'partner-grants') expect(still.body.revokedAt ?? null).toBeNull();
  });

  it('cannot rotate another tenant credential, or hang objects on another tenant merchant', async () => {
    expectErrorShape(
      await call('POST', `/admin/api/credentials/${lakeside.credentials}/rotate`, {
        token: harbor,
        body: {},
      }),
      404,
    );
    const outlet = expectErrorShape(
      await call('POST', '/admin/api/outlets', {
        token: harbor,
        body: { merchantId: DEMO.lakeside.merchantId, storeId: '009', terminalId: '009' },
      }),
      400,
    );
    expect(outlet.errors?.[0].field).toBe('merchantId');
    const cred = expectErrorShape(
      await call('POST', '/admin/api/credentials', {
        token: harbor,
        body: { kind: 'API_KEY', merchantIds: [DEMO.lakeside.merchantId] },
      }),
      400,
    );
    expect(cred.errors?.[0].field).toBe('merchantIds');
    expectErrorShape(
      await call('POST', '/admin/api/partner-grants', {
        token: harbor,
        body: {
          merchantId: DEMO.lakeside.merchantId,
          partnerOrganizationSlug: 'northwind-billing',
          scope: 'payments',
        },
      }),
      400,
    );
  });

  describe('roles', () => {
    it('keeps finance to reading', async () => {
      const finance = await as.lakesideFinance();
      expect((await call('GET', '/admin/api/merchants', { token: finance })).status).toBe(200);
      expectErrorShape(
        await call('PUT', `/admin/api/merchants/${DEMO.lakeside.merchantId}`, {
          token: finance,
          body: { name: 'x y' },
        }),
        403,
      );
      expectErrorShape(
        await call('POST', '/admin/api/merchants', {
          token: finance,
          body: { merchantId: '1111111111111', name: 'New one' },
        }),
        403,
      );
      for (const resource of ['users', 'credentials', 'audit-log'])
        expectErrorShape(await call('GET', `/admin/api/${resource}`, { token: finance }), 403);
      expectErrorShape(
        await call('POST', '/admin/api/credentials', { token: finance, body: { kind: 'API_KEY' } }),
        403,
      );
    });

    it('lets only platform admins create organizations, and shows them every tenant', async () => {
      const body = { name: 'New Practice', slug: `new-practice-${Date.now()}`, kind: 'PRACTICE' };
      expectErrorShape(
        await call('POST', '/admin/api/organizations', { token: await as.lakesideAdmin(), body }),
        403,
      );
      const created = await call<Row>('POST', '/admin/api/organizations', { token: await as.ops(), body });
      expect(created.status).toBe(201);
      const slugs = (await list(await as.ops(), 'organizations')).map(
        (o) => (o as Row & { slug: string }).slug,
      );
      expect(slugs).toEqual(expect.arrayContaining(['lakeside-clinic', 'harbor-health', body.slug]));
      expect(await list(await as.lakesideAdmin(), 'organizations')).toHaveLength(1);
    });

    it('lets a partner developer read granted merchants only, and manage only its own credentials', async () => {
      const dev = await as.partnerDev();
      const merchants = (await list(dev, 'merchants')).map((m) => m.id);
      expect(merchants).toEqual([DEMO.lakeside.merchantId]);
      expectErrorShape(
        await call('GET', `/admin/api/merchants/${DEMO.harbor.merchantId}`, { token: dev }),
        404,
      );
      expectErrorShape(
        await call('PUT', `/admin/api/merchants/${DEMO.lakeside.merchantId}`, {
          token: dev,
          body: { name: 'Mine now' },
        }),
        403,
      );
      const key = await call<{ identifier: string; secret: string; organizationId: string }>(
        'POST',
        '/admin/api/credentials',
        {
          token: dev,
          body: { kind: 'API_KEY', description: 'partner key' },
        },
      );
      expect(key.status).toBe(201);
      const own = (await list(dev, 'credentials')).map((c) => c.id);
      expect(own).not.toContain(lakeside.credentials);
      expectErrorShape(await call('GET', '/admin/api/users', { token: dev }), 403);
    });
  });
});
