import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ConduitConfig } from '@conduit/config';
import { ErrorCode } from '@conduit/domain';
import { CredentialAuthService, ListeningCredentialCache } from '@conduit/tenancy';
import { makeCredential, makeMerchant, makeOrganization } from '@conduit/testing';
import { testDatabase, testRedis, testThrottle } from './helpers';

describe('credential cache invalidated by PostgreSQL notifications (real PostgreSQL and Redis)', () => {
  let t: Awaited<ReturnType<typeof testDatabase>>;
  const redis = testRedis();
  let cache: ListeningCredentialCache;
  let auth: CredentialAuthService;

  beforeAll(async () => {
    t = await testDatabase();
    cache = new ListeningCredentialCache({ databaseUrl: t.url } as ConduitConfig);
    await cache.onApplicationBootstrap();
    auth = new CredentialAuthService(t.uow, testThrottle(redis), cache);
  });
  afterAll(async () => {
    await cache.onModuleDestroy();
    await t.close();
    await redis.quit();
  });

  /** A change PostgreSQL makes without firing triggers: invisible to the cache by design. */
  const silently = (sql: string, id: string) =>
    t.db.$transaction([
      t.db.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`),
      t.db.$executeRawUnsafe(sql, id),
    ]);

  /** Waits until every notification committed so far has reached the cache (they arrive in order). */
  let barriers = 0;
  const settled = async () => {
    const mark = `barrier-${++barriers}`;
    await t.db.$executeRaw`SELECT pg_notify('conduit_auth_changed', ${mark})`;
    await vi.waitFor(() => expect(cache.lastNotice).toBe(mark), { timeout: 5000, interval: 10 });
  };

  it('serves a credential from the cache until a notifying change drops it', async () => {
    expect(cache.caching).toBe(true);
    const org = await makeOrganization(t.db);
    const cred = await makeCredential(t.db, org.id, 'ACCOUNT', 'pw');
    await settled();
    await auth.authenticate('ACCOUNT', cred.identifier, 'pw', '192.0.2.1');

    await silently(`UPDATE api_credentials SET enabled = false WHERE id = $1::uuid`, cred.id);
    await expect(auth.authenticate('ACCOUNT', cred.identifier, 'pw', '192.0.2.1')).resolves.toBeTruthy();

    // Any change to organizations notifies; the disabled flag is read afresh and refused.
    await t.db.organization.update({ where: { id: org.id }, data: { name: 'Renamed' } });
    await vi.waitFor(
      () =>
        expect(auth.authenticate('ACCOUNT', cred.identifier, 'pw', '192.0.2.1')).rejects.toMatchObject({
          code: ErrorCode.UNAUTHENTICATED,
        }),
      { timeout: 5000, interval: 20 },
    );
  });

  it('applies an allowlist change made by another process without a restart', async () => {
    const org = await makeOrganization(t.db);
    const cred = await makeCredential(t.db, org.id, 'API_KEY', 'sk');
    await auth.authenticate('API_KEY', cred.identifier, 'sk', '192.0.2.9');
    await t.db.organization.update({ where: { id: org.id }, data: { ipAllowlist: ['10.0.0.0/8'] } });
    await vi.waitFor(
      () =>
        expect(auth.authenticate('API_KEY', cred.identifier, 'sk', '192.0.2.9')).rejects.toMatchObject({
          code: ErrorCode.IP_NOT_ALLOWED,
        }),
      { timeout: 5000, interval: 20 },
    );
  });

  it('caches where a credential may pay, and drops it when an outlet is deactivated elsewhere', async () => {
    const org = await makeOrganization(t.db);
    const merchant = await makeMerchant(t.db, org.id);
    await t.db.outlet.create({
      data: {
        organizationId: org.id,
        merchantRef: merchant.id,
        storeId: '001',
        terminalId: '001',
        name: 'Desk',
      },
    });
    const cred = await makeCredential(t.db, org.id, 'API_KEY', 'sk');
    await settled();
    const principal = await auth.authenticate('API_KEY', cred.identifier, 'sk', null);
    const target = () => auth.paymentTarget(principal, merchant.merchantId, '001', '001');
    expect((await target()).outlet?.active).toBe(true);
    await silently(`UPDATE outlets SET active = false WHERE merchant_ref = $1::uuid`, merchant.id);
    expect((await target()).outlet?.active).toBe(true);
    await t.db.outlet.updateMany({ where: { merchantRef: merchant.id }, data: { name: 'Renamed desk' } });
    await vi.waitFor(async () => expect((await target()).outlet?.active).toBe(false), {
      timeout: 5000,
      interval: 20,
    });
  });

  it('is not told of the last-used stamp, only of real credential changes', async () => {
    const org = await makeOrganization(t.db);
    const cred = await makeCredential(t.db, org.id, 'ACCOUNT', 'pw');
    const heard: string[] = [];
    const client = new pg.Client({ connectionString: t.url });
    await client.connect();
    client.on('notification', (n) => heard.push(n.payload ?? ''));
    await client.query('LISTEN conduit_auth_changed');
    try {
      await t.db.apiCredential.update({ where: { id: cred.id }, data: { lastUsedAt: new Date() } });
      await t.db.apiCredential.update({ where: { id: cred.id }, data: { description: 'renamed' } });
      await t.db.$executeRaw`SELECT pg_notify('conduit_auth_changed', 'end')`;
      await vi.waitFor(() => expect(heard.at(-1)).toBe('end'), { timeout: 5000, interval: 10 });
      expect(heard).toEqual(['api_credentials', 'end']);
    } finally {
      await client.end();
    }
  });

  it('reads through once LISTEN is gone', async () => {
    const org = await makeOrganization(t.db);
    const cred = await makeCredential(t.db, org.id, 'ACCOUNT', 'pw');
    await settled();
    await auth.authenticate('ACCOUNT', cred.identifier, 'pw', null);
    await silently(`UPDATE api_credentials SET enabled = false WHERE id = $1::uuid`, cred.id);
    cache.lost();
    expect(cache.caching).toBe(false);
    await expect(auth.authenticate('ACCOUNT', cred.identifier, 'pw', null)).rejects.toMatchObject({
      code: ErrorCode.UNAUTHENTICATED,
    });
  });
});
