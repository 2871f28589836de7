import { createHash, randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { organizationScope } from '@conduit/domain';
import { createPrismaClient, queryOnPool, UnitOfWork } from '@conduit/db';
import { makeMerchant, makeOrganization } from '@conduit/testing';
import { testDatabase } from './helpers';

/** The delivery engine's SQL on real PostgreSQL: relay, lease, record, workflow status. */
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
    const ids = async () => (await engine.leaseDue(100, 30_000)).map((x) => x.id);
    expect(await engine.owedCount()).toBe(1);
    const [a, b] = await Promise.all([ids(), ids()]);
    expect([...a, ...b].filter((id) => id === d.id)).toHaveLength(1);
    expect(await engine.owedCount()).toBe(0);
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
    expect(await ids()).not.toContain(d.id); // its retry is not due yet
    await t.db.webhookDelivery.update({
      where: { id: d.id },
      data: { nextAttemptAt: new Date(Date.now() - 1) },
    });
    const [retry] = await engine.leaseDue(100, 30_000);
    expect(retry).toMatchObject({ id: d.id, workflowStatus: 'PENDING_POSTING_RETRY', attempts: 1 });
    await record('POSTING_ERROR', null);
    const after = await t.db.webhookDelivery.findUniqueOrThrow({
      where: { id: d.id },
      include: { attemptsLog: true },
    });
    expect(after.workflowStatus).toBe('POSTING_ERROR');
    expect(after.attempts).toBe(2);
    expect(after.attemptsLog.map((x) => x.number).sort()).toEqual([1, 2]);
    expect(after.postingMessage).toBe('500 Internal Server Error: boom');
    expect(await ids()).not.toContain(d.id);
  });

  it('leases the oldest due first, with each event’s payload, and records many in one statement', async () => {
    await endpoint();
    const ids = await events(3);
    await drain();
    const rows = await t.db.webhookDelivery.findMany({ where: { eventId: { in: ids } } });
    const base = Date.now() - 60_000;
    for (const [i, r] of rows.entries())
      await t.db.webhookDelivery.update({ where: { id: r.id }, data: { nextAttemptAt: new Date(base + i) } });
    await t.db.outboxEvent.update({ where: { id: rows[0].eventId }, data: { payload: { Amount: '1.00' } } });
    const engine = t.uow.read.webhookEngine;
    const [first] = await engine.leaseDue(1, 30_000);
    expect(first).toMatchObject({ id: rows[0].id, attempts: 0, payload: { Amount: '1.00' } });
    const rest = await engine.leaseDue(10, 30_000);
    expect(rest.map((r) => r.id).sort()).toEqual([rows[1].id, rows[2].id].sort());
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
      leaseUntil: null,
    });
    expect(byId.get(rows[2].id)?.attemptsLog[0]).toMatchObject({
      number: 1,
      errorClass: 'timeout',
      durationMs: 1500,
    });
    expect(byId.get(rows[2].id)?.nextAttemptAt.getTime()).toBe(at.getTime() + 60_000);
  });

  it('leases a dead worker’s delivery again once its lease lapses, and not before', async () => {
    await endpoint();
    const [eventId] = await events(1);
    await drain();
    const engine = t.uow.read.webhookEngine;
    const [held] = await engine.leaseDue(10, 30_000);
    expect(held.eventId).toBe(eventId);
    expect(await engine.leaseDue(10, 30_000)).toEqual([]);
    await t.db.webhookDelivery.update({
      where: { id: held.id },
      data: { leaseUntil: new Date(Date.now() - 1) }, // the worker died; its lease ran out
    });
    expect((await engine.leaseDue(10, 30_000)).map((d) => d.id)).toEqual([held.id]);
  });

  it('skips rows another worker holds locked instead of waiting for them', async () => {
    await endpoint();
    await events(3);
    await drain();
    const engine = t.uow.read.webhookEngine;
    const rows = await t.db.webhookDelivery.findMany({
      where: { organizationId: org.id },
      orderBy: { id: 'asc' },
    });
    let leasedMeanwhile: string[] = [];
    // Another worker's lease statement, still running, holds the first row.
    await t.db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM webhook_deliveries WHERE id = ${rows[0].id}::uuid FOR UPDATE`;
      leasedMeanwhile = (await engine.leaseDue(10, 30_000)).map((d) => d.id);
    });
    expect(leasedMeanwhile.sort()).toEqual([rows[1].id, rows[2].id].sort());
  });

  it('gives each of 2,000 owed deliveries to exactly one of four concurrent leasers', async () => {
    await endpoint();
    await events(2000);
    expect(await drain()).toBe(2000);
    const engine = t.uow.read.webhookEngine;
    const leaser = async () => {
      const got: string[] = [];
      for (;;) {
        const batch = await engine.leaseDue(37, 30_000);
        if (batch.length === 0) return got;
        got.push(...batch.map((d) => d.id));
      }
    };
    const all = (await Promise.all([leaser(), leaser(), leaser(), leaser()])).flat();
    expect(all).toHaveLength(2000);
    expect(new Set(all).size).toBe(2000);
    expect(await engine.owedCount()).toBe(0);
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

  it('counts a burst in the planner’s statistics as soon as the relay asks, and leases from the index of owed rows', async () => {
    await endpoint();
    await events(3000);
    expect(await drain()).toBe(3000);
    const engine = t.uow.read.webhookEngine;
    expect(await engine.refreshStatistics()).toBeGreaterThanOrEqual(3000);
    // The lease statement itself, counted by PostgreSQL: it reads the partial index of owed rows.
    const scans = async () => {
      const [row] = await t.db.$queryRaw<{ n: number }[]>`
        SELECT idx_scan::int AS n FROM pg_stat_user_indexes WHERE indexrelname = 'webhook_deliveries_due_idx'`;
      return row.n;
    };
    const before = await scans();
    expect(await engine.leaseDue(128, 30_000)).toHaveLength(128);
    await vi.waitFor(async () => expect(await scans()).toBeGreaterThan(before), {
      timeout: 5000,
      interval: 100,
    });
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
