import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withIndexPlans } from '../../libs/db/src/repositories/webhook-engine.repository';
import { testDatabase } from './helpers';

type Setting = { v: string }[];

// Decision 0042: the delivery engine's statements plan with sequential scans off, whatever the
// deliveries table's statistics say, and the setting ends with their transaction.
describe('withIndexPlans (real PostgreSQL)', () => {
  let t: Awaited<ReturnType<typeof testDatabase>>;
  beforeAll(async () => {
    t = await testDatabase();
  });
  afterAll(() => t.close());

  const setting = (db: typeof t.db | Parameters<Parameters<typeof t.db.$transaction>[0]>[0]) =>
    db.$queryRaw<Setting>`SELECT current_setting('enable_seqscan') AS v`;

  it('turns sequential scans off for the statement on a root client, and only for it', async () => {
    const inside = await withIndexPlans(t.db, (db) => setting(db));
    expect(inside[0].v).toBe('off');
    // Every pooled connection is back to the default afterwards (SET LOCAL ended with the COMMIT).
    const after = await Promise.all(Array.from({ length: 8 }, () => setting(t.db)));
    expect(after.map((r) => r[0].v)).toEqual(Array(8).fill('on'));
  });

  it('inside a caller’s transaction, sets it on that transaction’s connection until it ends', async () => {
    const seen = await t.db.$transaction(async (tx) => {
      const during = await withIndexPlans(tx, (db) => setting(db));
      const later = await setting(tx);
      return [during[0].v, later[0].v];
    });
    expect(seen).toEqual(['off', 'off']);
    expect((await setting(t.db))[0].v).toBe('on');
  });

  it('plans a lease by id as an index scan even while the statistics call the table empty', async () => {
    const plan = await t.db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(
        'CREATE TEMP TABLE queue_probe (LIKE webhook_deliveries INCLUDING ALL) ON COMMIT DROP',
      );
      await tx.$executeRawUnsafe('ANALYZE queue_probe'); // empty: what autovacuum records after a drain
      const explain = (db: typeof tx) =>
        db.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(
          "EXPLAIN UPDATE queue_probe SET lease_until = now() WHERE id = ANY ('{00000000-0000-0000-0000-000000000001}'::uuid[])",
        );
      const plain = (await explain(tx)).map((r) => r['QUERY PLAN']).join('\n');
      const indexed = (await withIndexPlans(tx, (db) => explain(db as typeof tx)))
        .map((r) => r['QUERY PLAN'])
        .join('\n');
      return { plain, indexed };
    });
    expect(plan.plain).toMatch(/Seq Scan on queue_probe/);
    expect(plan.indexed).not.toMatch(/Seq Scan/);
    expect(plan.indexed).toMatch(/Index/);
  });
});
