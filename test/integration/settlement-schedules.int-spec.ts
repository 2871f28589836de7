import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConduitConfig } from '@conduit/config';
import { businessDateOf, latestCutoffAtOrBefore, nextCutoffAfter, parseCutoff } from '@conduit/domain';
import { type SandboxLedger, SandboxProcessor } from '@conduit/processor';
import {
  DataKeys,
  FileVault,
  PostingFilesService,
  SettlementRunsService,
  SettlementService,
} from '@conduit/payments';
import { JobName, QueueName } from '@conduit/queues';
import { makeMerchant, makeOrganization } from '@conduit/testing';
import { WorkerQueues } from '../../apps/worker/src/jobs/worker-queues.service';
import {
  closeSchedulerId,
  SyncSettlementSchedulesHandler,
} from '../../apps/worker/src/settlement/sync-settlement-schedules.handler';
import { CloseSettlementHandler } from '../../apps/worker/src/settlement/close-settlement.handler';
import { TEST_MASTER_KEYS, testDatabase, testRedis } from './helpers';
import { gatewayFilesOf } from './payments-core';
import { inject } from 'vitest';

/** Each merchant's cut-off is a BullMQ schedule in the merchant's own zone, kept in sync. */
describe('settlement schedules (real PostgreSQL and Redis)', () => {
  let t: Awaited<ReturnType<typeof testDatabase>>;
  const redis = testRedis();
  let queues: WorkerQueues;

  beforeAll(async () => {
    t = await testDatabase();
    await redis.flushdb();
    queues = new WorkerQueues({ redisUrl: inject('redisUrl') } as ConduitConfig);
  });
  afterAll(async () => {
    await queues.onApplicationShutdown();
    await t.close();
    await redis.quit();
  });

  it('fires at 20:00 local in each zone, follows a changed cut-off, and drops suspended merchants', async () => {
    const org = await makeOrganization(t.db);
    const ny = await makeMerchant(t.db, org.id);
    await t.db.merchant.update({
      where: { id: ny.id },
      data: { timeZone: 'America/New_York', settlementCutoff: '20:00' },
    });
    const la = await makeMerchant(t.db, org.id);
    await t.db.merchant.update({
      where: { id: la.id },
      data: { timeZone: 'America/Los_Angeles', settlementCutoff: '17:30' },
    });
    const sync = new SyncSettlementSchedulesHandler(t.uow, queues, redis);
    expect(await sync.handle()).toMatchObject({ changed: 2, removed: 0 });
    expect(await sync.handle()).toMatchObject({ changed: 0, removed: 0 });
    const queue = queues.queue(QueueName.SETTLEMENT);
    const scheduler = async (ref: string) => (await queue.getJobScheduler(closeSchedulerId(ref)))!;
    const now = new Date();
    for (const m of [
      { ref: ny.id, zone: 'America/New_York', cutoff: '20:00' },
      { ref: la.id, zone: 'America/Los_Angeles', cutoff: '17:30' },
    ]) {
      const s = await scheduler(m.ref);
      expect(s).toMatchObject({ tz: m.zone, name: JobName.CLOSE_SETTLEMENT });
      // BullMQ's next firing is our own calendar's next cut-off (DST included).
      expect(s.next).toBe(nextCutoffAfter(m.zone, parseCutoff(m.cutoff), now).getTime());
    }
    await t.db.merchant.update({ where: { id: ny.id }, data: { settlementCutoff: '18:15' } });
    await t.db.merchant.update({ where: { id: la.id }, data: { status: 'SUSPENDED' } });
    expect(await sync.handle()).toMatchObject({ changed: 1, removed: 1 });
    expect((await scheduler(ny.id)).next).toBe(
      nextCutoffAfter('America/New_York', parseCutoff('18:15'), new Date()).getTime(),
    );
    const keys = (await queue.getJobSchedulers()).map((s) => s.key);
    expect(keys).toContain(closeSchedulerId(ny.id));
    expect(keys).not.toContain(closeSchedulerId(la.id));
  });

  it("closes the latest passed cut-off when the merchant's schedule fires, once", async () => {
    const org = await makeOrganization(t.db);
    const m = await makeMerchant(t.db, org.id);
    const sandbox = new SandboxProcessor({ ledger: t.uow.read.sandboxLedger as unknown as SandboxLedger });
    const dataKeys = new DataKeys({ vaultMasterKeys: TEST_MASTER_KEYS } as never);
    const handler = new CloseSettlementHandler(
      new SettlementRunsService(
        t.uow,
        new SettlementService(t.uow, sandbox),
        new PostingFilesService(
          t.uow,
          new FileVault(dataKeys),
          gatewayFilesOf(t.uow, dataKeys, new FileVault(dataKeys)),
        ),
      ),
    );
    // No activity: no batch, and the open batch waits for the next cut-off.
    expect(await handler.handle({ merchantRef: m.id })).toMatchObject({ batchRef: null, files: [] });
    const open = await t.db.settlementBatch.findFirstOrThrow({
      where: { merchantRef: m.id, status: 'OPEN' },
    });
    expect(open.cutoffAt.getTime()).toBe(
      nextCutoffAfter(m.timeZone, parseCutoff(m.settlementCutoff), new Date()).getTime(),
    );
    // A sale captured two days ago settles in the batch of the latest cut-off that has passed.
    const outlet = await t.db.outlet.create({
      data: { organizationId: org.id, merchantRef: m.id, storeId: '001', terminalId: '001' },
    });
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    await t.db.transaction.create({
      data: {
        id: '00000000-0000-4000-8000-000000000001',
        organizationId: org.id,
        merchantRef: m.id,
        outletRef: outlet.id,
        channel: 'NVP',
        action: 'Sale',
        tender: 'CreditCard',
        status: 'C',
        responseCode: '000',
        responseMessage: 'Approved',
        requestCents: 1000n,
        amountCents: 1000n,
        processorReference: 'sbx_fixture',
        cardBrand: 'VISA',
        capturedAt: twoDaysAgo,
        createdAt: twoDaysAgo,
      },
    });
    const closed = await handler.handle({ merchantRef: m.id });
    expect(closed).toMatchObject({ alreadyClosed: false, files: [expect.stringMatching(/^POSTING_/)] });
    const batch = await t.db.settlementBatch.findUniqueOrThrow({
      where: { id: (closed as { batchRef: string }).batchRef },
    });
    expect(batch.cutoffAt.getTime()).toBe(
      latestCutoffAtOrBefore(m.timeZone, parseCutoff(m.settlementCutoff), new Date()).getTime(),
    );
    expect(batch.businessDate).toBe(businessDateOf(m.timeZone, batch.cutoffAt));
    expect(Number(batch.netCents)).toBe(1000 - 59);
    // The same firing again (a replayed job, a second worker) changes nothing.
    expect(await handler.handle({ merchantRef: m.id })).toMatchObject({
      batchRef: null,
      alreadyClosed: true,
    });
  });
});
