import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rootPoolOf } from '@conduit/db';
import { makeMerchant, makeOrganization } from '@conduit/testing';
import { insertTransactionWithEvent } from '../../libs/db/src/repositories/transaction-insert';
import { testDatabase } from './helpers';

// The sale path's insert (decision 0041): a named prepared statement on the root client's pool,
// and a plain raw query on the transaction's own connection inside a unit of work.
describe('transaction + outbox insert (real PostgreSQL)', () => {
  let t: Awaited<ReturnType<typeof testDatabase>>;
  let base: Record<string, unknown>;

  beforeAll(async () => {
    t = await testDatabase();
    const org = await makeOrganization(t.db);
    const m = await makeMerchant(t.db, org.id);
    const outlet = await t.db.outlet.create({
      data: { organizationId: org.id, merchantRef: m.id, storeId: '001', terminalId: '001' },
    });
    base = {
      organizationId: org.id,
      merchantRef: m.id,
      outletRef: outlet.id,
      channel: 'NVP',
      action: 'Sale',
      tender: 'CreditCard',
      status: 'A',
      responseCode: '000',
      responseMessage: 'Approved',
      requestCents: 999n,
      amountCents: 999n,
    };
  });
  afterAll(() => t.close());

  const event = () => ({ id: randomUUID(), eventType: 'Approved', payload: { Amount: '9.99' } });

  it('writes the row and its event in one named prepared statement on the root pool', async () => {
    const id = randomUUID();
    const e = event();
    await insertTransactionWithEvent(t.db, { ...base, id, additionalInfo: ['a "b"', 'c\\d'] }, e);
    const row = await t.db.transaction.findFirstOrThrow({
      where: { id, organizationId: base.organizationId as string },
    });
    expect(row.amountCents).toBe(999n);
    expect(row.additionalInfo).toEqual(['a "b"', 'c\\d']);
    const ev = await t.db.outboxEvent.findFirstOrThrow({
      where: { id: e.id, organizationId: base.organizationId as string },
    });
    expect(ev.transactionId).toBe(id);
    expect(ev.merchantRef).toBe(base.merchantRef);
    expect(ev.payload).toEqual({ Amount: '9.99' });

    // Sequential use reuses the last idle connection, which prepared the statement.
    const pool = rootPoolOf(t.db)!;
    const { rows } = await pool.query<{ name: string }>('SELECT name FROM pg_prepared_statements');
    expect(rows.map((r) => r.name).some((n) => n.startsWith('conduit_tx_insert_'))).toBe(true);
  });

  it('joins the database transaction inside one: a rollback removes the row and the event', async () => {
    const id = randomUUID();
    const e = event();
    await expect(
      t.db.$transaction(async (tx) => {
        expect(rootPoolOf(tx)).toBeUndefined();
        await insertTransactionWithEvent(tx, { ...base, id }, e);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await t.db.transaction.count({ where: { id } })).toBe(0);
    expect(await t.db.outboxEvent.count({ where: { id: e.id } })).toBe(0);
  });

  it('refuses a field it has no column for, before anything is written', async () => {
    await expect(
      insertTransactionWithEvent(t.db, { ...base, id: randomUUID(), pan: '4111' }, event()),
    ).rejects.toThrow('unknown transaction field pan');
  });
});
