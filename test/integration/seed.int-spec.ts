import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySecret } from '@conduit/crypto';
import { DEMO, seedDemo } from '../../prisma/seed';
import { codeAt } from '@conduit/tenancy';
import { TEST_MASTER_KEYS, testDatabase, testRedis, testThrottle, testTwoFactor } from './helpers';

describe('demo seed (real PostgreSQL)', () => {
  let t: Awaited<ReturnType<typeof testDatabase>>;
  beforeAll(async () => {
    t = await testDatabase();
  });
  afterAll(() => t.close());

  it('refuses to run when NODE_ENV=production', async () => {
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await expect(seedDemo(t.url)).rejects.toThrow(/NODE_ENV=production/);
    } finally {
      process.env.NODE_ENV = before;
    }
    expect(await t.db.organization.count()).toBe(0);
  });

  it('creates the demo tenants and logins, and can run again', async () => {
    await seedDemo(t.url);
    await seedDemo(t.url);
    const orgs = await t.db.organization.findMany({ orderBy: { slug: 'asc' } });
    expect(orgs.map((o) => [o.slug, o.kind])).toEqual([
      ['harbor-health', 'PRACTICE'],
      ['lakeside-clinic', 'PRACTICE'],
      ['northwind-billing', 'PARTNER'],
    ]);
    const lakesideOutlet = await t.db.outlet.findFirstOrThrow({
      where: { merchant: { merchantId: DEMO.lakeside.merchantId } },
    });
    expect([lakesideOutlet.storeId, lakesideOutlet.terminalId]).toEqual(['001', '002']);
    const key = await t.db.apiCredential.findUniqueOrThrow({ where: { identifier: 'ak_test_lakeside' } });
    expect(await verifySecret('sk_test_lakeside', key.secretHash)).toBe(true);
    const ops = await t.db.user.findUniqueOrThrow({ where: { email: 'ops@conduit.test' } });
    expect([ops.role, ops.organizationId]).toEqual(['PLATFORM_ADMIN', null]);
  });

  it('gives the demo platform admin the documented TOTP secret, sealed, when the master keys are known', async () => {
    await seedDemo(t.url, { vaultMasterKeys: TEST_MASTER_KEYS });
    const ops = await t.db.user.findUniqueOrThrow({ where: { email: DEMO.ops.email } });
    expect(ops.totpEnabledAt).not.toBeNull();
    expect(Buffer.from(ops.totpSecretCiphertext!).toString('latin1')).not.toContain(DEMO.ops.totpSecret);
    const redis = testRedis();
    try {
      const twoFactor = testTwoFactor(t.uow, testThrottle(redis));
      expect(await twoFactor.check(ops.id, codeAt(DEMO.ops.totpSecret))).toBe('totp');
    } finally {
      await redis.quit();
    }
  });
});
