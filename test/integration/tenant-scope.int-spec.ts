import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizationScope, PLATFORM_SCOPE } from '@conduit/domain';
import { makeMerchant, makeOrganization } from '@conduit/testing';
import { testDatabase } from './helpers';

describe('tenant-scoped repositories (real PostgreSQL)', () => {
  let t: Awaited<ReturnType<typeof testDatabase>>;
  let a: { id: string }, b: { id: string }, partner: { id: string };
  let ma: { id: string; merchantId: string; organizationId: string }, mb: { merchantId: string };

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
    // Writes carry the scope too: the partner can neither revoke the grant nor change the merchant.
    await expect(t.uow.read.grants.revoke(scope, grant.id, new Date())).rejects.toThrow();
    await expect(t.uow.read.merchants.update(scope, ma.id, { name: 'Taken over' })).rejects.toThrow();
    await t.uow.read.grants.revoke(organizationScope(a.id), grant.id, new Date());
    expect(await t.uow.read.merchants.getReadable(scope, ma.merchantId)).toBeNull();
  });

  it('finds child rows only through a scope: secondaries and deliveries of a transaction', async () => {
    const outlet = await t.db.outlet.create({
      data: { organizationId: a.id, merchantRef: ma.id, storeId: '001', terminalId: '001' },
    });
    const row = (id: string, primaryId: string | null) => ({
      id,
      organizationId: a.id,
      merchantRef: ma.id,
      outletRef: outlet.id,
      channel: 'NVP',
      action: primaryId ? 'SimpleRefund' : 'Sale',
      tender: 'CreditCard',
      status: 'C',
      responseCode: '000',
      responseMessage: 'Approved',
      requestCents: 100n,
      amountCents: 100n,
      primaryId,
    });
    const [primary, secondary] = [randomUUID(), randomUUID()];
    await t.db.transaction.create({ data: row(primary, null) });
    await t.db.transaction.create({ data: row(secondary, primary) });
    const mine = t.uow.read.forScope(organizationScope(a.id));
    const theirs = t.uow.read.forScope(organizationScope(b.id));
    expect((await mine.transactions.secondariesOf(primary)).map((x) => x.id)).toEqual([secondary]);
    expect(await theirs.transactions.secondariesOf(primary)).toEqual([]);
    expect(await theirs.transactions.get(primary)).toBeNull();
    // Narrowed to other merchants of the same organization (a restricted credential, an allowlist).
    const narrowed = t.uow.read.forScope({ kind: 'organization', organizationId: a.id, merchantRefs: [] });
    expect(await narrowed.transactions.get(primary)).toBeNull();
    expect(await narrowed.transactions.secondariesOf(primary)).toEqual([]);
    // A primary is found for a capture, void or refund only at its own merchant.
    const sibling = await makeMerchant(t.db, a.id);
    await t.uow.run(async (r) => {
      expect(await r.atMerchant(sibling).transactions.primaryForUpdate(primary)).toBeNull();
      expect((await r.atMerchant(ma).transactions.primaryForUpdate(primary))?.id).toBe(primary);
      expect(await r.atMerchant(ma).transactions.primaryForUpdate(secondary)).toBeNull();
    });
    expect(await theirs.webhookDeliveries.forTransaction(primary)).toEqual([]);
  });

  it('refuses a write by id outside the scope, and changes nothing', async () => {
    const foreign = organizationScope(b.id);
    await expect(t.uow.read.organizations.update(foreign, a.id, { name: 'Taken over' })).rejects.toThrow();
    await expect(t.uow.read.merchants.update(foreign, ma.id, { name: 'Taken over' })).rejects.toThrow();
    expect((await t.uow.read.organizations.getOwn(a.id))?.name).not.toBe('Taken over');
    expect((await t.uow.read.merchants.getOwned(organizationScope(a.id), ma.merchantId))?.name).not.toBe(
      'Taken over',
    );
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
        await r.organizations.update(organizationScope(a.id), a.id, { name: 'Renamed' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await t.uow.read.organizations.getOwn(a.id))?.name).not.toBe('Renamed');
  });
});
