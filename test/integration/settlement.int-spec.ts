import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { X12Parser } from 'node-x12';
import { type CredentialPrincipal, ErrorCode, PLATFORM_SCOPE } from '@conduit/domain';
import { createPrismaClient, type MerchantRow, UnitOfWork } from '@conduit/db';
import { type SandboxLedger, SandboxProcessor } from '@conduit/processor';
import {
  DataKeys,
  DisputesService,
  FileVault,
  type PaymentsService,
  PostingFilesService,
  SettlementReviewService,
  SettlementService,
  parsePaymentCommand,
} from '@conduit/payments';
import { Role } from '@conduit/domain';
import { randomUUID } from 'node:crypto';
import { makeMerchant, makeOrganization } from '@conduit/testing';
import { TEST_MASTER_KEYS, testDatabase, testRedis } from './helpers';
import { gatewayFilesOf, paymentsCore, practiceWithOutlet } from './payments-core';

const sandboxOf = (uow: UnitOfWork) =>
  new SandboxProcessor({ ledger: uow.read.sandboxLedger as unknown as SandboxLedger });

describe('settlement (real PostgreSQL)', () => {
  let t: Awaited<ReturnType<typeof testDatabase>>;
  const redis = testRedis();
  let payments: PaymentsService;
  let settlement: SettlementService;
  let principal: CredentialPrincipal;
  let merchant: MerchantRow;
  let sandbox: SandboxProcessor;
  let dataKeys: DataKeys;
  const extraClients: { $disconnect(): Promise<void> }[] = [];

  beforeAll(async () => {
    t = await testDatabase();
    sandbox = sandboxOf(t.uow);
    const core = paymentsCore(t.uow, redis, TEST_MASTER_KEYS, sandbox);
    payments = core.payments;
    dataKeys = core.dataKeys;
    const practice = await practiceWithOutlet(t.db, core.access);
    principal = practice.principal;
    merchant = await t.db.merchant.findUniqueOrThrow({ where: { merchantId: practice.merchantId } });
    settlement = new SettlementService(t.uow, sandbox);
  });
  afterAll(async () => {
    for (const c of extraClients) await c.$disconnect();
    await t.close();
    await redis.quit();
  });

  const pay = async (extra: Record<string, unknown>) =>
    (
      await payments.execute(
        principal,
        parsePaymentCommand({
          channel: 'NVP',
          merchantId: merchant.merchantId,
          storeId: '001',
          terminalId: '001',
          transactionType: 'CreditCard',
          transactionAction: 'Sale',
          amount: '10.00',
          card: { cardNumber: '4111111111111111', cardExpiration: '12/40' },
          ...extra,
        }),
      )
    ).transaction;
  const check = (accountNumber: string, amount: string) =>
    pay({
      transactionType: 'eCheck',
      amount,
      card: undefined,
      echeck: { routingNumber: '011000015', accountNumber, accountType: 'Checking' },
    });
  const uuidOf = (wire: string) => {
    const h = wire.toLowerCase();
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
  const statusOf = async (wire: string) =>
    (await t.db.transaction.findUniqueOrThrow({ where: { id: uuidOf(wire) } })).status;

  /** The batch's figures, recomputed from its items and their transactions, to the cent. */
  async function recomputed(batchRef: string) {
    const items = await t.db.settlementItem.findMany({ where: { batchRef }, include: { transaction: true } });
    const settled = items.filter((i) => i.outcome === 'SETTLED');
    const sum = (kind: string) =>
      settled
        .filter((i) => i.kind === kind)
        .reduce((s, i) => s + Math.abs(Number(i.transaction.amountCents)), 0);
    const fees = settled.reduce((s, i) => s + Number(i.feeCents), 0);
    const signed = settled.reduce((s, i) => s + Number(i.amountCents), 0);
    return {
      sales: sum('Sale'),
      refunds: sum('Refund'),
      returns: sum('Return'),
      chargebacks: sum('Chargeback'),
      fees,
      net: signed - fees,
      items,
    };
  }

  const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

  let first: string;
  let chargedBack: string;
  let returned: string;
  let rejectedOnce: string;

  it('closes a batch once: C → S and C → SE with their Settlement events, totals to the cent', async () => {
    const sale = await pay({ amount: '100.00' });
    chargedBack = (
      await pay({ amount: '40.00', card: { cardNumber: '4000000000000259', cardExpiration: '12/40' } })
    ).transactionId;
    rejectedOnce = (await pay({ amount: '10.13' })).transactionId;
    returned = (await check('000000000', '25.00')).transactionId;
    const echeck = await check('123456789', '60.00');
    const voided = await pay({ amount: '5.00' });
    await payments.execute(
      principal,
      parsePaymentCommand({
        channel: 'NVP',
        merchantId: merchant.merchantId,
        storeId: '001',
        terminalId: '001',
        transactionAction: 'Void',
        primaryTransactionId: voided.transactionId,
      }),
    );
    await payments.execute(
      principal,
      parsePaymentCommand({
        channel: 'NVP',
        merchantId: merchant.merchantId,
        storeId: '001',
        terminalId: '001',
        transactionAction: 'SimpleRefund',
        primaryTransactionId: sale.transactionId,
        amount: '30.00',
      }),
    );
    await tick(5);
    const cutoffAt = new Date();
    const result = await settlement.close(merchant, { kind: 'cutoff', cutoffAt });
    expect(result).toMatchObject({ alreadyClosed: false });
    first = result.batchRef!;
    const batch = await t.db.settlementBatch.findUniqueOrThrow({ where: { id: first } });
    expect(batch.batchId).toMatch(/^[0-9A-F]{32}$/);
    expect(batch.status).toBe('PARTIALLY_SETTLED');
    expect(batch.errorCount).toBe(1);
    // 4 card/eCheck sales settle (the .13 one does not), the refund settles, the void does not.
    const r = await recomputed(first);
    expect(r.sales).toBe(10_000 + 4_000 + 2_500 + 6_000);
    expect(r.refunds).toBe(3_000);
    // Fees: 2.90 % + 0.30 per card sale (half up), 0.50 per eCheck, none on the refund.
    expect(r.fees).toBe(320 + 146 + 50 + 50);
    expect({
      sales: Number(batch.saleCents),
      refunds: Number(batch.refundCents),
      fees: Number(batch.feeCents),
      net: Number(batch.netCents),
    }).toEqual({ sales: r.sales, refunds: r.refunds, fees: r.fees, net: r.net });
    expect(Number(batch.netCents)).toBe(22_500 - 3_000 - 566);
    expect(batch.businessDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(batch.depositDate! > batch.businessDate!).toBe(true);
    expect(await statusOf(sale.transactionId)).toBe('S');
    expect(await statusOf(echeck.transactionId)).toBe('S');
    expect(await statusOf(rejectedOnce)).toBe('SE');
    expect(await statusOf(voided.transactionId)).toBe('V');
    const events = await t.db.outboxEvent.findMany({ where: { eventType: 'Settlement' } });
    expect(events).toHaveLength(6);
    for (const e of events)
      expect((e.payload as Record<string, string>).SettlementBatchID).toBe(batch.batchId);
    const se = events.find((e) => e.transactionId === uuidOf(rejectedOnce))!;
    expect((se.payload as Record<string, string>).CurrentTransactionStatusCode).toBe('SE');
    const audit = await t.db.auditLogEntry.findMany({ where: { action: 'settlement.close' } });
    expect(audit).toEqual([
      expect.objectContaining({
        actorType: 'system',
        actorId: 'system:settlement',
        resourceId: batch.batchId,
      }),
    ]);
    // A new open batch waits for the next cut-off.
    const open = await t.db.settlementBatch.findMany({ where: { merchantRef: merchant.id, status: 'OPEN' } });
    expect(open).toHaveLength(1);
    expect(open[0].cutoffAt > cutoffAt).toBe(true);
  });

  it('refuses to void a settled transaction, naming SimpleRefund', async () => {
    const settled = await t.db.transaction.findFirstOrThrow({
      where: { status: 'S', primaryId: null, tender: 'CreditCard' },
    });
    await expect(
      payments.execute(
        principal,
        parsePaymentCommand({
          channel: 'NVP',
          merchantId: merchant.merchantId,
          storeId: '001',
          terminalId: '001',
          transactionAction: 'Void',
          primaryTransactionId: settled.id.replace(/-/g, ''),
        }),
      ),
    ).rejects.toMatchObject({
      code: ErrorCode.ILLEGAL_STATE,
      message: expect.stringContaining('SimpleRefund'),
    });
  });

  it('changes nothing when the close of a cut-off is replayed', async () => {
    const batch = await t.db.settlementBatch.findUniqueOrThrow({ where: { id: first } });
    const before = await t.db.settlementItem.count();
    const replay = await settlement.close(merchant, { kind: 'cutoff', cutoffAt: batch.cutoffAt });
    expect(replay).toEqual({ batchRef: null, settlementBatchId: null, alreadyClosed: true });
    expect(await t.db.settlementItem.count()).toBe(before);
    expect(await t.db.settlementBatch.count({ where: { NOT: { status: 'OPEN' } } })).toBe(1);
  });

  it('gives a merchant with no activity no batch: its open batch waits for the next cut-off', async () => {
    const quiet = await makeMerchant(t.db, merchant.organizationId);
    const cutoffAt = new Date();
    const r = await settlement.close(quiet, { kind: 'cutoff', cutoffAt });
    expect(r.batchRef).toBeNull();
    const batches = await t.db.settlementBatch.findMany({ where: { merchantRef: quiet.id } });
    expect(batches.map((b) => b.status)).toEqual(['OPEN']);
    expect(batches[0].cutoffAt > cutoffAt).toBe(true);
  });

  it('delivers the chargeback and the return at the next close; SE → S; a dispute opens', async () => {
    await pay({ amount: '7.00' });
    const r = await settlement.close(merchant, { kind: 'cutoff', cutoffAt: new Date() });
    const batch = await t.db.settlementBatch.findUniqueOrThrow({ where: { id: r.batchRef! } });
    expect(batch.status).toBe('SETTLED');
    expect(await statusOf(rejectedOnce)).toBe('S');
    expect(await statusOf(chargedBack)).toBe('CB');
    expect(await statusOf(returned)).toBe('RI');
    expect({ returns: batch.returnCount, chargebacks: batch.chargebackCount }).toEqual({
      returns: 1,
      chargebacks: 1,
    });
    const re = await recomputed(batch.id);
    expect(re.returns).toBe(2_500);
    expect(re.chargebacks).toBe(4_000);
    expect(Number(batch.netCents)).toBe(re.net);
    const returnedRow = await t.db.transaction.findUniqueOrThrow({ where: { id: uuidOf(returned) } });
    expect(returnedRow.returnReasonCode).toBe('R01');
    const returnedEvent = await t.db.outboxEvent.findFirstOrThrow({ where: { eventType: 'Returned' } });
    expect(returnedEvent.payload).toMatchObject({
      ReturnReasonCode: 'R01',
      OriginalTransactionID: returned,
      OriginalTransactionStatusCode: 'RI',
    });
    const cbEvent = await t.db.outboxEvent.findFirstOrThrow({ where: { eventType: 'Chargeback' } });
    expect(cbEvent.payload).toMatchObject({
      OriginalTransactionID: chargedBack,
      SettlementBatchID: batch.batchId,
    });
    const dispute = await t.db.dispute.findFirstOrThrow({ where: { transactionId: uuidOf(chargedBack) } });
    expect(dispute).toMatchObject({ status: 'NEEDS_RESPONSE', reasonCode: '10.4', network: 'VISA' });
    expect(Math.round((dispute.dueAt.getTime() - dispute.createdAt.getTime()) / 86_400_000)).toBe(20);
    // Delivered once: another close applies neither event again.
    await pay({ amount: '8.00' });
    const again = await settlement.close(merchant, { kind: 'cutoff', cutoffAt: new Date() });
    const third = await t.db.settlementBatch.findUniqueOrThrow({ where: { id: again.batchRef! } });
    expect({ returns: third.returnCount, chargebacks: third.chargebackCount }).toEqual({
      returns: 0,
      chargebacks: 0,
    });
  });

  it('takes evidence once, encrypted, and reverses a won chargeback in a later batch', async () => {
    const vault = new FileVault(dataKeys);
    const disputes = new DisputesService(t.uow, dataKeys, vault, sandbox);
    const row = await t.db.dispute.findFirstOrThrow({ where: { transactionId: uuidOf(chargedBack) } });
    const actor = {
      userId: 'u1',
      email: 'finance@example.com',
      role: Role.FINANCE,
      organizationId: row.organizationId,
      ip: null,
    };
    const answered = await disputes.respond(actor, row.disputeId, {
      text: 'Signed receipt attached; a winning case for patient PT-7',
      files: [{ fileName: 'receipt.txt', contentType: 'text/plain', bytes: Buffer.from('signed receipt') }],
    });
    expect(answered.status).toBe('UNDER_REVIEW');
    expect(answered.evidence.map((e) => e.kind)).toEqual(['TEXT', 'FILE']);
    expect(answered.evidence[0].text).toContain('winning');
    // At rest the text is ciphertext, and the file's chunks too.
    const stored = await t.db.disputeEvidence.findMany({ where: { disputeRef: row.id } });
    expect(Buffer.from(stored[0].textCipher!).toString('latin1')).not.toContain('winning');
    const chunks = await t.db.storedFileChunk.findMany({ where: { fileRef: stored[1].fileRef! } });
    expect(Buffer.concat(chunks.map((c) => Buffer.from(c.cipher))).toString('latin1')).not.toContain(
      'signed receipt',
    );
    const file = await disputes.evidenceFile(actor, row.disputeId, answered.evidence[1].id);
    const parts: Buffer[] = [];
    for await (const p of file.content) parts.push(p);
    expect(Buffer.concat(parts).toString()).toBe('signed receipt');
    await expect(disputes.respond(actor, row.disputeId, { text: 'again', files: [] })).rejects.toMatchObject({
      code: ErrorCode.ILLEGAL_STATE,
    });
    const r = await settlement.close(merchant, { kind: 'cutoff', cutoffAt: new Date() });
    const batch = await t.db.settlementBatch.findUniqueOrThrow({ where: { id: r.batchRef! } });
    expect(batch.reversalCount).toBe(1);
    expect(Number(batch.reversalCents)).toBe(4_000);
    expect((await t.db.dispute.findUniqueOrThrow({ where: { id: row.id } })).status).toBe('WON');
  });

  it('writes posting files that balance, and an 835 that an X12 parser accepts', async () => {
    await t.db.merchant.update({ where: { id: merchant.id }, data: { era835Enabled: true } });
    const vault = new FileVault(dataKeys);
    const files = new PostingFilesService(t.uow, vault, gatewayFilesOf(t.uow, dataKeys, vault));
    // Two SFTP accounts scoped to the merchant (one disabled) and one of another merchant.
    const account = async (merchantRefs: string[], enabled = true) =>
      (
        await t.db.sftpAccount.create({
          data: {
            id: randomUUID(),
            organizationId: merchant.organizationId,
            username: `posting-${randomUUID().slice(0, 8)}`,
            merchantRefs,
            enabled,
            quotaBytes: 1n << 30n,
            pgpPublicKey: 'test',
            pgpFingerprint: 'test',
            pgpPrivateKeySealed: 'test',
          },
        })
      ).id;
    const [scoped, disabled] = [await account([merchant.id]), await account([merchant.id], false)];
    const written = await files.render(first);
    expect(written.written).toEqual([
      expect.stringMatching(/^POSTING_\d{13}_\d{8}\.txt$/),
      expect.stringMatching(/^ERA_\d{13}_\d{8}\.835$/),
    ]);
    expect((await files.render(first)).written).toEqual([]);
    const rows = await t.db.batchFile.findMany({ where: { batchRef: first }, orderBy: { kind: 'desc' } });
    const outbound = await t.db.gatewayFile.findMany({
      where: { folder: 'OUTBOUND', fileRef: { in: rows.map((f) => f.fileRef!) } },
    });
    expect(outbound.map((f) => [f.accountRef, f.name]).sort()).toEqual(
      rows.map((f) => [scoped, f.name]).sort(),
    );
    expect(outbound.some((f) => f.accountRef === disabled)).toBe(false);
    const posting = (await vault.readAll(t.uow.read, rows[0].fileRef!)).toString();
    const lines = posting.trim().split('\r\n');
    const batch = await t.db.settlementBatch.findUniqueOrThrow({ where: { id: first } });
    const records = lines.filter((l) => l.startsWith('IMDPA14|'));
    expect(records).toHaveLength(batch.itemCount - batch.errorCount);
    const trailer = lines[lines.length - 1].split('|');
    expect(trailer[0]).toBe('IMDPT14');
    expect(Number(trailer[1])).toBe(records.length);
    const net = records.reduce((s, l) => {
      const f = l.split('|');
      const cents = Math.round(Number(f[6]) * 100);
      return s + (['Credit', 'Return', 'Chargeback'].includes(f[5]) ? -cents : cents);
    }, 0);
    expect(Math.round(Number(trailer[2]) * 100)).toBe(net);
    expect(net - Number(batch.feeCents)).toBe(Number(batch.netCents));
    const era = (await vault.readAll(t.uow.read, rows[1].fileRef!)).toString();
    const interchange = new X12Parser(true).parse(era) as unknown as { toJSEDINotation(): unknown };
    expect(interchange).toBeTruthy();
    const segs = era.split('~').filter(Boolean);
    const bpr = segs.find((s) => s.startsWith('BPR'))!.split('*');
    const clp = segs.filter((s) => s.startsWith('CLP')).map((s) => Math.round(Number(s.split('*')[4]) * 100));
    const plb = segs
      .filter((s) => s.startsWith('PLB'))
      .flatMap((s) => {
        const e = s.split('*');
        return e
          .slice(3)
          .filter((_, i) => i % 2 === 1)
          .map((v) => Math.round(Number(v) * 100));
      });
    expect(Math.round(Number(bpr[2]) * 100)).toBe(
      clp.reduce((a, b) => a + b, 0) - plb.reduce((a, b) => a + b, 0),
    );
    // The platform-scoped read of items matches what the file holds.
    const items = await t.uow.read.forScope(PLATFORM_SCOPE).settlements.itemsAfter(first, null, 100);
    expect(clp).toHaveLength(items.filter((i) => i.outcome === 'SETTLED').length);
  });

  it('leaves no half batch when the closing process dies (its database session is killed)', async () => {
    for (let i = 0; i < 12; i++) await pay({ amount: `${21 + i}.00` });
    await tick(5);
    const cutoffAt = new Date();
    const open = await t.db.settlementBatch.findFirstOrThrow({
      where: { merchantRef: merchant.id, status: 'OPEN' },
    });
    // The dying worker has a connection pool of its own, named so it can be found and killed.
    const url = new URL(t.url);
    url.searchParams.set('application_name', 'dying-worker');
    const client = createPrismaClient(url.toString(), 2);
    extraClients.push(client);
    const uow = new UnitOfWork(client);
    const slow = sandboxOf(uow);
    let pages = 0;
    const settle = slow.settle.bind(slow);
    slow.settle = async (req) => {
      // After the first page has been written, the process "dies": PostgreSQL ends its session
      // as it does when a worker is killed, and rolls its transaction back.
      if (++pages === 2) {
        await t.db
          .$queryRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'dying-worker'`;
        await tick(200);
      }
      return settle(req);
    };
    const dying = new SettlementService(uow, slow);
    dying.pageSize = 5;
    await expect(dying.close(merchant, { kind: 'cutoff', cutoffAt })).rejects.toThrow();
    expect(pages).toBe(2);
    expect(await t.db.settlementItem.count({ where: { batchRef: open.id } })).toBe(0);
    expect((await t.db.settlementBatch.findUniqueOrThrow({ where: { id: open.id } })).status).toBe('OPEN');
    expect(
      await t.db.outboxEvent.count({
        where: { eventType: 'Settlement', payload: { path: ['SettlementBatchID'], equals: open.batchId } },
      }),
    ).toBe(0);
    // Another worker then closes the same cut-off, whole.
    const r = await settlement.close(merchant, { kind: 'cutoff', cutoffAt });
    expect(r.batchRef).toBe(open.id);
    expect(await t.db.settlementItem.count({ where: { batchRef: open.id } })).toBe(12);
  });

  it('closes exactly once with four concurrent workers, and a crashed close leaves no half batch', async () => {
    for (let i = 0; i < 30; i++) await pay({ amount: `${51 + i}.00` });
    await tick(5);
    const cutoffAt = new Date();
    // A close that dies half-way (the processor fails on its second page) rolls all of it back.
    const dying = new SandboxProcessor();
    let pages = 0;
    const crash = Object.assign(Object.create(dying) as SandboxProcessor, {
      settle: async (req: Parameters<SandboxProcessor['settle']>[0]) => {
        if (++pages === 2) throw new Error('worker killed mid-close');
        return dying.settle(req);
      },
    });
    const small = new SettlementService(t.uow, crash);
    small.pageSize = 10;
    const openBefore = await t.db.settlementBatch.findFirstOrThrow({
      where: { merchantRef: merchant.id, status: 'OPEN' },
    });
    await expect(small.close(merchant, { kind: 'cutoff', cutoffAt }, new Date())).rejects.toThrow(
      'worker killed',
    );
    expect(await t.db.settlementItem.count({ where: { batchRef: openBefore.id } })).toBe(0);
    expect(
      await t.db.transaction.count({ where: { status: 'C', primaryId: null, settlementBatchId: null } }),
    ).toBeGreaterThanOrEqual(30);
    expect((await t.db.settlementBatch.findUniqueOrThrow({ where: { id: openBefore.id } })).status).toBe(
      'OPEN',
    );
    // Four workers, each with its own connection pool, race for the same cut-off.
    const workers = Array.from({ length: 4 }, () => {
      const client = createPrismaClient(t.url, 3);
      extraClients.push(client);
      const uow = new UnitOfWork(client);
      return new SettlementService(uow, sandboxOf(uow));
    });
    const results = await Promise.all(workers.map((w) => w.close(merchant, { kind: 'cutoff', cutoffAt })));
    expect(results.filter((r) => r.batchRef)).toHaveLength(1);
    expect(results.filter((r) => r.alreadyClosed)).toHaveLength(3);
    const closed = await t.db.settlementBatch.findMany({ where: { merchantRef: merchant.id, cutoffAt } });
    expect(closed).toHaveLength(1);
    expect(closed[0].batchId).toBe(openBefore.batchId);
    expect(await t.db.settlementItem.count({ where: { batchRef: closed[0].id } })).toBe(30);
    const settlementEvents = await t.db.outboxEvent.count({
      where: { eventType: 'Settlement', payload: { path: ['SettlementBatchID'], equals: closed[0].batchId } },
    });
    expect(settlementEvents).toBe(30);
  });

  it("exports every batch of a scope across keyset pages, and no other tenant's", async () => {
    const other = await makeMerchant(t.db, (await makeOrganization(t.db)).id);
    const three = [
      await makeMerchant(t.db, merchant.organizationId),
      await makeMerchant(t.db, merchant.organizationId),
      await makeMerchant(t.db, merchant.organizationId),
    ];
    const base = Date.parse('2026-01-01T01:00:00Z');
    // The three merchants' batches share every cut-off instant: ties the cursor must not lose
    // or repeat across its pages of 1,000.
    const rows = (ref: string, org: string, n: number) =>
      Array.from({ length: n }, (_, i) => {
        const id = randomUUID();
        return {
          id,
          batchId: id.replace(/-/g, '').toUpperCase(),
          organizationId: org,
          merchantRef: ref,
          status: 'SETTLED' as const,
          cutoffAt: new Date(base + i * 1000),
          businessDate: '2026-01-01',
          timeZone: 'America/New_York',
          netCents: 100n,
        };
      });
    for (const m of three) await t.db.settlementBatch.createMany({ data: rows(m.id, m.organizationId, 800) });
    await t.db.settlementBatch.createMany({ data: rows(other.id, other.organizationId, 10) });
    const review = new SettlementReviewService(t.uow, new FileVault(dataKeys));
    const actor = {
      userId: 'u1',
      email: 'finance@example.com',
      role: Role.FINANCE,
      organizationId: merchant.organizationId,
      ip: null,
    };
    let csv = '';
    for await (const chunk of review.listCsv(actor, { merchantId: three.map((m) => m.merchantId) }))
      csv += chunk;
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 2_400);
    const ids = lines.slice(1).map((l) => l.split(',')[1]);
    expect(new Set(ids).size).toBe(2_400);
    let all = '';
    for await (const chunk of review.listCsv(actor, {})) all += chunk;
    expect(all).not.toContain(other.merchantId);
  });
});
