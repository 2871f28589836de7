import { createHash, randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { organizationScope } from '@conduit/domain';
import { createPrismaClient, queryOnPool, UnitOfWork } from '@conduit/db';
import { makeMerchant, makeOrganization } from '@conduit/testing';
import { testDatabase } from './helpers';

/** The delivery engine's SQL on real PostgreSQL: relay, sweeper, lease, record, workflow status. */
describe('webhook engine SQL (real PostgreSQL)', () => {
  let t: Awaited<ReturnType<typeof testDatabase>>;
  let org: { id: string };
  let merchant: { id: string };
  let dataKeyId: string;

  const endpoint = async (extra: Record<string, unknown> = {}) =>
    t.db.webhookEndpoint.create({
      data: {
        id: randomUUID(),
        organizationId: org.id,
        merchantRef: merchant.id,
        url: 'https://receiver.test/hook',
        dataKeyId,
        secretsCiphertext: new Uint8Array([1]),
        ...extra,
      },
    });
  const events = async (n: number, eventType = 'Approved') => {
    const ids = Array.from({ length: n }, () => randomUUID());
    await t.db.outboxEvent.createMany({
      data: ids.map((id) => ({
        id,
        organizationId: org.id,
        merchantRef: merchant.id,
        eventType,
        payload: {},
      })),
    });
    return ids;
  };
  const drain = async () => {
    let total = 0;
    for (;;) {
      const r = await t.uow.read.webhookEngine.relay(500);
      total += r.deliveries.length;
      if (r.events === 0) return total;
    }
  };

  beforeAll(async () => {
    t = await testDatabase();
    org = await makeOrganization(t.db);
    merchant = await makeMerchant(t.db, org.id);
    dataKeyId = randomUUID();
    await t.db.dataKey.create({ data: { id: dataKeyId, wrappedKey: new Uint8Array([1]), masterVersion: 1 } });
  });
  afterEach(() => t.db.webhookEndpoint.deleteMany({ where: { organizationId: org.id } }));
  afterAll(() => t.close());

  it('creates one delivery per matching enabled endpoint and publishes each event once', async () => {
    const all = await endpoint();
    const onlyVoids = await endpoint({ events: ['Voided'] });
    const disabled = await endpoint({ enabled: false });
    const noPayments = await endpoint({ sendPaymentNotifications: false });
    const [approved] = await events(1, 'Approved');
    const [voided] = await events(1, 'Voided');
    await drain();
    const rows = await t.db.webhookDelivery.findMany({ where: { eventId: { in: [approved, voided] } } });
    const pairs = rows
      .map((r) => `${r.eventId === approved ? 'approved' : 'voided'}->${r.endpointId}`)
      .sort();
    expect(pairs).toEqual([`approved->${all.id}`, `voided->${all.id}`, `voided->${onlyVoids.id}`].sort());
    expect(rows.every((r) => r.workflowStatus === 'PENDING')).toBe(true);
    // Ids derive from event and endpoint, so a replayed relay pass makes the same webhook-ids.
    for (const r of rows) {
      const hex = createHash('md5').update(`${r.eventId}:${r.endpointId}`).digest('hex');
      expect(r.id.replace(/-/g, '')).toBe(hex);
    }
    expect(rows.some((r) => r.endpointId === disabled.id || r.endpointId === noPayments.id)).toBe(false);
    const published = await t.db.outboxEvent.findMany({ where: { id: { in: [approved, voided] } } });
    expect(published.every((e) => e.publishedAt !== null)).toBe(true);
    expect((await t.uow.read.webhookEngine.relay(500)).events).toBe(0);
  });

  it('runs the worker connections without waiting for the WAL flush when asked, the api ones with', async () => {
    const [async, sync] = [createPrismaClient(t.url, 1, false), createPrismaClient(t.url, 1)];
    try {
      const show = async (c: typeof async) =>
        (await c.$queryRaw<{ synchronous_commit: string }[]>`SHOW synchronous_commit`)[0].synchronous_commit;
      expect(await show(async)).toBe('off');
      expect(await show(sync)).toBe('on');
    } finally {
      await Promise.all([async.$disconnect(), sync.$disconnect()]);
    }
  });

  it('lets concurrent relays (replicas) share a burst without duplicating a delivery', async () => {
    await endpoint();
    const ids = await events(600);
    const clients = Array.from({ length: 4 }, () => createPrismaClient(t.url, 2));
    try {
      const counts = await Promise.all(
        clients.map(async (c) => {
          const uow = new UnitOfWork(c);
          let n = 0;
          for (;;) {
            const r = await uow.read.webhookEngine.relay(50);
            n += r.deliveries.length;
            if (r.events === 0) return n;
          }
        }),
      );
      expect(counts.reduce((a, b) => a + b, 0)).toBe(600);
      expect(counts.filter((c) => c > 0).length).toBeGreaterThan(1);
      const rows = await t.db.webhookDelivery.count({ where: { eventId: { in: ids } } });
      expect(rows).toBe(600);
    } finally {
      await Promise.all(clients.map((c) => c.$disconnect()));
    }
  });

  it('leases a delivery to one worker at a time and records attempts through to posting error', async () => {
    const e = await endpoint();
    const [eventId] = await events(1);
    await drain();
    const d = await t.db.webhookDelivery.findFirstOrThrow({ where: { eventId, endpointId: e.id } });
    const engine = t.uow.read.webhookEngine;
    const [a, b] = await Promise.all([engine.lease(d.id, 30_000), engine.lease(d.id, 30_000)]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    const record = (status: 'PENDING_POSTING_RETRY' | 'POSTING_ERROR' | 'COMPLETE', next: Date | null) =>
      engine.record({
        deliveryId: d.id,
        attemptId: randomUUID(),
        startedAt: new Date(),
        durationMs: 12,
        httpStatus: 500,
        postingMessage: '500 Internal Server Error: boom',
        errorClass: 'http_status',
        workflowStatus: status,
        nextAttemptAt: next,
      });
    await record('PENDING_POSTING_RETRY', new Date(Date.now() + 60_000));
    expect(await engine.lease(d.id, 30_000)).toBeNull();
    expect((await engine.claimDue(100, new Date())).map((x) => x.id)).not.toContain(d.id);
    await t.db.webhookDelivery.update({
      where: { id: d.id },
      data: { nextAttemptAt: new Date(Date.now() - 1) },
    });
    expect((await engine.claimDue(100, new Date())).map((x) => x.id)).toContain(d.id);
    expect(await engine.lease(d.id, 30_000)).not.toBeNull();
    await record('POSTING_ERROR', null);
    const after = await t.db.webhookDelivery.findUniqueOrThrow({
      where: { id: d.id },
      include: { attemptsLog: true },
    });
    expect(after.workflowStatus).toBe('POSTING_ERROR');
    expect(after.attempts).toBe(2);
    expect(after.attemptsLog.map((x) => x.number).sort()).toEqual([1, 2]);
    expect(after.postingMessage).toBe('500 Internal Server Error: boom');
    expect(await engine.lease(d.id, 30_000)).toBeNull();
    expect((await engine.claimDue(100, new Date())).map((x) => x.id)).not.toContain(d.id);
  });

  it('leases and records many deliveries in one statement each, answering in the order asked', async () => {
    await endpoint();
    const ids = await events(3);
    await drain();
    const rows = await t.db.webhookDelivery.findMany({ where: { eventId: { in: ids } } });
    const engine = t.uow.read.webhookEngine;
    await engine.lease(rows[1].id, 30_000);
    const leased = await engine.leaseMany([rows[0].id, rows[1].id, rows[2].id, randomUUID()], 30_000);
    expect(leased.map((l) => l?.id ?? null)).toEqual([rows[0].id, null, rows[2].id, null]);
    const at = new Date();
    await engine.recordMany([
      {
        deliveryId: rows[0].id,
        attemptId: randomUUID(),
        startedAt: at,
        durationMs: 5,
        httpStatus: 200,
        postingMessage: '200 OK',
        errorClass: null,
        workflowStatus: 'COMPLETE',
        nextAttemptAt: null,
      },
      {
        deliveryId: rows[2].id,
        attemptId: randomUUID(),
        startedAt: at,
        durationMs: 1500,
        httpStatus: null,
        postingMessage: 'no answer within 1500 ms',
        errorClass: 'timeout',
        workflowStatus: 'PENDING_POSTING_RETRY',
        nextAttemptAt: new Date(at.getTime() + 60_000),
      },
    ]);
    const after = await t.db.webhookDelivery.findMany({
      where: { id: { in: [rows[0].id, rows[2].id] } },
      include: { attemptsLog: true },
    });
    const byId = new Map(after.map((r) => [r.id, r]));
    expect(byId.get(rows[0].id)).toMatchObject({
      workflowStatus: 'COMPLETE',
      attempts: 1,
      lastHttpStatus: 200,
      leaseUntil: null,
    });
    expect(byId.get(rows[0].id)?.completedAt).not.toBeNull();
    expect(byId.get(rows[2].id)).toMatchObject({
      workflowStatus: 'PENDING_POSTING_RETRY',
      attempts: 1,
      lastHttpStatus: null,
    });
    expect(byId.get(rows[2].id)?.attemptsLog[0]).toMatchObject({
      number: 1,
      errorClass: 'timeout',
      durationMs: 1500,
    });
    expect(byId.get(rows[2].id)?.nextAttemptAt.getTime()).toBe(at.getTime() + 60_000);
  });

  it('re-queues a delivery whose job went missing only once it is stale', async () => {
    const e = await endpoint();
    const [eventId] = await events(1);
    await drain();
    const d = await t.db.webhookDelivery.findFirstOrThrow({ where: { eventId, endpointId: e.id } });
    const engine = t.uow.read.webhookEngine;
    // Just queued by the relay: not stale yet.
    expect((await engine.claimDue(1000, new Date(Date.now() - 60_000))).map((x) => x.id)).not.toContain(d.id);
    // Queued long ago and never leased (a job lost with Redis): claimed again.
    expect((await engine.claimDue(1000, new Date(Date.now() + 1000))).map((x) => x.id)).toContain(d.id);
  });

  it('shows each transaction the worst workflow status of its deliveries', async () => {
    await endpoint();
    await endpoint();
    const [eventId] = await events(1);
    await drain();
    const ds = await t.db.webhookDelivery.findMany({ where: { eventId } });
    expect(ds).toHaveLength(2);
    const txId = randomUUID();
    const outlet = await t.db.outlet.create({
      data: { organizationId: org.id, merchantRef: merchant.id, storeId: '001', terminalId: '001' },
    });
    await t.db.transaction.create({
      data: {
        id: txId,
        organizationId: org.id,
        merchantRef: merchant.id,
        outletRef: outlet.id,
        channel: 'NVP',
        action: 'Sale',
        tender: 'CreditCard',
        status: 'A',
        responseCode: '000',
        responseMessage: 'Approved',
        requestCents: 100n,
        amountCents: 100n,
      },
    });
    await t.db.webhookDelivery.updateMany({ where: { eventId }, data: { transactionId: txId } });
    const scope = organizationScope(org.id);
    const status = async () =>
      (await t.uow.read.forScope(scope).webhookDeliveries.workflowOf([txId])).get(txId);
    expect(await status()).toBe('PENDING');
    await t.db.webhookDelivery.update({ where: { id: ds[0].id }, data: { workflowStatus: 'COMPLETE' } });
    expect(await status()).toBe('PENDING');
    await t.db.webhookDelivery.update({ where: { id: ds[1].id }, data: { workflowStatus: 'COMPLETE' } });
    expect(await status()).toBe('COMPLETE');
    await t.db.webhookDelivery.update({ where: { id: ds[0].id }, data: { workflowStatus: 'POSTING_ERROR' } });
    expect(await status()).toBe('POSTING_ERROR');
    const list = async (workflowStatus: string) =>
      (
        await t.uow.read.forScope(scope).transactions.list({ start: 0, end: 9, filter: { workflowStatus } })
      ).rows.map((r) => r.id);
    expect(await list('POSTING_ERROR')).toEqual([txId]);
    expect(await list('COMPLETE')).toEqual([]);
  });

  it('counts a burst in the planner’s statistics as soon as the relay asks, and leases by key', async () => {
    await endpoint();
    await events(3000);
    expect(await drain()).toBe(3000);
    const engine = t.uow.read.webhookEngine;
    expect(await engine.refreshStatistics()).toBeGreaterThanOrEqual(3000);
    const plan = await t.db.$queryRaw<{ 'QUERY PLAN': string }[]>`
      EXPLAIN UPDATE webhook_deliveries SET lease_until = now()
      WHERE id = ANY (${[randomUUID(), randomUUID()]}::uuid[])
        AND workflow_status IN ('PENDING', 'PENDING_POSTING_RETRY') AND next_attempt_at <= now()`;
    expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/webhook_deliveries_pkey/);
  });

  it('runs batch statements on the root pool, and inside a unit of work on its transaction', async () => {
    const txid = { text: 'SELECT txid_current()::text AS id', values: [] };
    const [a] = await queryOnPool<{ id: string }>(t.db, txid);
    const [b] = await queryOnPool<{ id: string }>(t.db, txid);
    expect(a.id).not.toBe(b.id); // each its own (autocommit) transaction on a pooled connection
    const same = await t.db.$transaction(async (tx) => {
      const [inside] = await queryOnPool<{ id: string }>(tx, txid);
      const [own] = await tx.$queryRawUnsafe<{ id: string }[]>(txid.text);
      return inside.id === own.id;
    });
    expect(same).toBe(true);
  });
});
