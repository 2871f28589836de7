import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizationScope, PLATFORM_SCOPE } from '@conduit/domain';
import { makeMerchant, makeOrganization } from '@conduit/testing';
import { testDatabase } from './helpers';

describe('tenant-scoped repositories (real PostgreSQL)', () => {
  let t: Awaited<ReturnType<typeof testDatabase>>;
  let a: { id: string }, b: { id: string }, partner: { id: string };
  let ma: { id: string; merchantId: string }, mb: { merchantId: string };

  beforeAll(async () => {
    t = await testDatabase();
    [a, b, partner] = [
      await makeOrganization(t.db),
      await makeOrganization(t.db),
      await makeOrganization(t.db, 'PARTNER'),
    ];
    [ma, mb] = [await makeMerchant(t.db, a.id), await makeMerchant(t.db, b.id)];
  });
  afterAll(() => t.close());

  const all = { start: 0, end: 99, filter: {} };

  it('lists only the scope organization merchants', async () => {
    const { rows, total } = await t.uow.read.merchants.list(organizationScope(a.id), all);
    expect(rows.map((m) => m.merchantId)).toEqual([ma.merchantId]);
    expect(total).toBe(1);
  });

  it('answers another tenant merchant as if it did not exist', async () => {
    expect(await t.uow.read.merchants.getReadable(organizationScope(a.id), mb.merchantId)).toBeNull();
    expect(await t.uow.read.merchants.getOwned(organizationScope(a.id), mb.merchantId)).toBeNull();
  });

  it('shows platform scope every merchant', async () => {
    const { total } = await t.uow.read.merchants.list(PLATFORM_SCOPE, all);
    expect(total).toBe(2);
  });

  it('lets a partner read a granted merchant, but not own it, until the grant is revoked', async () => {
    const grant = await t.db.partnerGrant.create({
      data: { organizationId: a.id, merchantRef: ma.id, partnerOrganizationId: partner.id, scope: 'read' },
    });
    const scope = organizationScope(partner.id);
    expect((await t.uow.read.merchants.getReadable(scope, ma.merchantId))?.merchantId).toBe(ma.merchantId);
    expect(await t.uow.read.merchants.getOwned(scope, ma.merchantId)).toBeNull();
    expect((await t.uow.read.grants.list(scope, all)).total).toBe(1);
    await t.uow.read.grants.revoke(grant.id, new Date());
    expect(await t.uow.read.merchants.getReadable(scope, ma.merchantId)).toBeNull();
  });

  it('sorts only on allowed columns', async () => {
    await expect(
      t.uow.read.merchants.list(organizationScope(a.id), {
        ...all,
        sort: { field: 'organizationId', order: 'ASC' },
      }),
    ).rejects.toThrow(/sort must be one of/);
  });

  it('rolls back the whole unit of work when any part fails', async () => {
    await expect(
      t.uow.run(async (r) => {
        await r.organizations.update(a.id, { name: 'Renamed' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await t.uow.read.organizations.getOwn(a.id))?.name).not.toBe('Renamed');
  });
});
