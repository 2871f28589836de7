import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { CredentialPrincipal, PaymentPrincipal } from '@conduit/domain';
import type { Repositories } from '@conduit/db';
import {
  BatchImportService,
  FileVault,
  GatewayFilesService,
  ImportSales,
  type OutboundFile,
  type PaymentCommand,
  PaymentsService,
  parsePaymentCommand,
} from '@conduit/payments';
import { type AuthorizeRequest, SandboxProcessor } from '@conduit/processor';
import { PrimaryPayments } from '../../libs/payments/src/primary-payments';
import { formatImportRecord, type ImportCommand } from '@conduit/wire';
import { makeCredential, makeMerchant, makeOrganization } from '@conduit/testing';
import { startMetrics } from '@conduit/observability';
import { TEST_MASTER_KEYS, testDatabase, testRedis } from './helpers';
import { paymentsCore, sftpAccountsOf } from './payments-core';

/** The gateway seam as the lead implements it, recording what the import asked of it. */
class RecordingGatewayFiles extends GatewayFilesService {
  placed: OutboundFile[] = [];
  archived: string[] = [];
  override async placeOutbound(_r: Repositories, file: OutboundFile) {
    this.placed.push(file);
  }
  override async archiveInbound(_r: Repositories, ref: string) {
    this.archived.push(ref);
  }
}

/** The sandbox, able to "die" (the worker killed) at its Nth authorization. */
class DyingSandbox extends SandboxProcessor {
  authorizations = 0;
  dieAfter = Infinity;
  override authorize(req: AuthorizeRequest) {
    if (++this.authorizations > this.dieAfter) return Promise.reject(new Error('worker killed'));
    return super.authorize(req);
  }
}

/** The real PaymentsService (SimpleRefunds go through it), counting calls in flight. */
class WatchedPayments {
  inFlight = 0;
  maxInFlight = 0;
  calls = 0;
  dieAfter = Infinity;
  constructor(private readonly inner: PaymentsService) {}
  async execute(p: PaymentPrincipal, command: PaymentCommand) {
    if (++this.calls > this.dieAfter) throw new Error('worker killed');
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      return await this.inner.execute(p, command);
    } finally {
      this.inFlight--;
    }
  }
}

/** `conduit_payments_total` summed over the series with these labels (decision 0039). */
async function paymentsCounted(labels: Record<string, string>): Promise<number> {
  const { values } = await startMetrics('integration').payments.get();
  return values
    .filter((v) => Object.entries(labels).every(([k, x]) => (v.labels as Record<string, unknown>)[k] === x))
    .reduce((sum, v) => sum + v.value, 0);
}

describe('payment import files (real PostgreSQL)', () => {
  let t: Awaited<ReturnType<typeof testDatabase>>;
  const redis = testRedis();
  let payments: PaymentsService;
  let vault: FileVault;
  let gateway: RecordingGatewayFiles;
  let watched: WatchedPayments;
  let imports: BatchImportService;
  const sandbox = new DyingSandbox();
  let principalA: CredentialPrincipal;
  let principalB: CredentialPrincipal;
  let account: { id: string; organizationId: string; username: string };
  const m = {} as Record<'a1' | 'a2' | 'a3' | 'b1', { id: string; merchantId: string }>;
  let cardA1: string;
  let cardA2: string;
  let cardB1: string;
  let saleA2: string;

  const cmd = (o: Partial<ImportCommand>): ImportCommand => ({
    merchantId: m.a1.merchantId,
    storeId: '001',
    terminalId: '001',
    action: 'Sale',
    paymentMethodId: cardA1,
    amountCents: 1000,
    patientId: 'P1',
    patientFirstName: 'Ana',
    patientLastName: 'Lee',
    additionalInfo1: '',
    externalId: randomUUID(),
    ...o,
  });
  const fileOf = (lines: string[]) => lines.join('\r\n') + '\r\n\r\n';

  async function upload(name: string, content: string | Buffer) {
    return t.uow.run(async (r) => {
      const stored = await vault.store(r, [typeof content === 'string' ? Buffer.from(content) : content]);
      return (await imports.receive(r, { account, name, fileRef: stored.fileRef, size: stored.size }))
        .batchFileId;
    });
  }
  async function ackOf(batchFileId: string): Promise<string[]> {
    const inbound = await t.db.batchFile.findUniqueOrThrow({ where: { id: batchFileId } });
    const ack = await t.db.batchFile.findFirstOrThrow({ where: { relatedRef: batchFileId, kind: 'ACK' } });
    expect(inbound.relatedRef).toBe(ack.id);
    const text = (await vault.readAll(t.uow.read, ack.fileRef!)).toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    return text.slice(0, -2).split('\r\n');
  }
  const chargesOf = (externalIds: string[]) =>
    t.db.transaction.count({ where: { externalId: { in: externalIds } } });
  const idsOf = async (externalIds: string[]) =>
    (
      await t.db.transaction.findMany({ where: { externalId: { in: externalIds } }, select: { id: true } })
    ).map((x) => x.id);

  beforeAll(async () => {
    t = await testDatabase();
    const core = paymentsCore(t.uow, redis, TEST_MASTER_KEYS, sandbox);
    payments = core.payments;
    vault = new FileVault(core.dataKeys);
    gateway = new RecordingGatewayFiles(vault, sftpAccountsOf(t.uow, core.dataKeys));
    watched = new WatchedPayments(payments);
    const sales = new ImportSales(core.access, new PrimaryPayments(t.uow, core.vault, sandbox), core.vault);
    imports = new BatchImportService(t.uow, watched as unknown as PaymentsService, sales, vault, gateway);
    const orgA = await makeOrganization(t.db);
    const orgB = await makeOrganization(t.db);
    // An allowlist restricts API callers, not the file channel: a1's must not stop the import.
    m.a1 = await makeMerchant(t.db, orgA.id, { ipAllowlist: ['10.9.9.0/24'] });
    m.a2 = await makeMerchant(t.db, orgA.id);
    m.a3 = await makeMerchant(t.db, orgA.id);
    m.b1 = await makeMerchant(t.db, orgB.id);
    for (const x of Object.values(m)) {
      const merchant = await t.db.merchant.findUniqueOrThrow({ where: { id: x.id } });
      await t.db.outlet.create({
        data: {
          organizationId: merchant.organizationId,
          merchantRef: x.id,
          storeId: '001',
          terminalId: '001',
        },
      });
    }
    const credA = await makeCredential(t.db, orgA.id, 'ACCOUNT', 'pw');
    const credB = await makeCredential(t.db, orgB.id, 'ACCOUNT', 'pw');
    principalA = await core.access.authenticate('ACCOUNT', credA.identifier, 'pw', '10.9.9.1');
    principalB = await core.access.authenticate('ACCOUNT', credB.identifier, 'pw', null);
    const save = async (p: CredentialPrincipal, merchantId: string) =>
      (
        await payments.execute(
          p,
          parsePaymentCommand({
            channel: 'NVP',
            transactionAction: 'SaveOnFile',
            transactionType: 'CreditCard',
            merchantId,
            storeId: '001',
            terminalId: '001',
            card: { cardNumber: '4111111111111111', cardExpiration: '12/40' },
          }),
        )
      ).transaction.paymentMethodId!;
    cardA1 = await save(principalA, m.a1.merchantId);
    cardA2 = await save(principalA, m.a2.merchantId);
    cardB1 = await save(principalB, m.b1.merchantId);
    saleA2 = (
      await payments.execute(
        principalA,
        parsePaymentCommand({
          channel: 'NVP',
          transactionAction: 'Sale',
          transactionType: 'CreditCard',
          merchantId: m.a2.merchantId,
          storeId: '001',
          terminalId: '001',
          amount: '50.00',
          card: { paymentMethodId: cardA2 },
        }),
      )
    ).transaction.transactionId;
    account = { id: randomUUID(), organizationId: orgA.id, username: `acct-${randomUUID().slice(0, 6)}` };
    await t.db.sftpAccount.create({
      data: {
        ...account,
        merchantRefs: [m.a1.id, m.a2.id],
        quotaBytes: 1n << 30n,
        pgpPublicKey: 'test',
        pgpFingerprint: 'test',
        pgpPrivateKeySealed: 'test',
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await redis.quit();
  });

  let mixed: string[];
  let mixedSale1: ImportCommand;

  it('processes a mixed file: sales, refunds and refused records, each alone, acked in line order', async () => {
    const sale1 = cmd({ amountCents: 2500 });
    const sale2 = cmd({ merchantId: m.a2.merchantId, paymentMethodId: cardA2, amountCents: 1234 });
    const refund = cmd({
      merchantId: m.a2.merchantId,
      action: 'SimpleRefund',
      paymentMethodId: saleA2,
      amountCents: 1000,
    });
    const foreignCard = cmd({ paymentMethodId: cardB1 });
    const otherMerchantsCard = cmd({ paymentMethodId: cardA2 });
    const otherMerchantsRefund = cmd({ action: 'SimpleRefund', paymentMethodId: saleA2 });
    const foreignMerchant = cmd({ merchantId: m.b1.merchantId, paymentMethodId: cardB1 });
    const outOfScope = cmd({ merchantId: m.a3.merchantId });
    const declined = cmd({ amountCents: 1013 }); // sandbox: .13 is not a magic amount → approved
    mixedSale1 = sale1;
    const lines = [
      formatImportRecord(sale1),
      formatImportRecord(sale2),
      'IMPTI10|123|1|x|Charge|zz|25|P||||',
      formatImportRecord(refund),
      formatImportRecord(foreignCard),
      '',
      formatImportRecord(otherMerchantsCard),
      formatImportRecord(otherMerchantsRefund),
      formatImportRecord(foreignMerchant),
      formatImportRecord(outOfScope),
      formatImportRecord(declined),
    ];
    mixed = lines;
    const batch = (action: string, outcome: string) =>
      paymentsCounted({ interface: 'batch', action, outcome });
    const before = [
      await batch('Sale', 'approved'),
      await batch('Sale', 'refused'),
      await batch('SimpleRefund', 'approved'),
      await batch('SimpleRefund', 'refused'),
    ];
    const id = await upload('mixed.txt', '\uFEFF' + lines.join('\n') + '\n\n');
    const result = await imports.process(id);
    // The file's Sales and refunds are in the payments metric: 3 Sales approved, the 2 on a card
    // the merchant does not hold refused, 1 refund each way (out-of-scope lines never reach the core).
    const after = [
      await batch('Sale', 'approved'),
      await batch('Sale', 'refused'),
      await batch('SimpleRefund', 'approved'),
      await batch('SimpleRefund', 'refused'),
    ];
    expect(after.map((n, i) => n - before[i])).toEqual([3, 2, 1, 1]);
    expect(result).toMatchObject({
      status: 'PROCESSED',
      recordCount: 10,
      acceptedCount: 4,
      rejectedCount: 6,
    });
    const ack = (await ackOf(id)).map((l) => l.split('|'));
    expect(ack).toHaveLength(10);
    expect(ack.every((f) => f.length === 7 && f[0] === 'IMA10')).toBe(true);
    expect(ack.map((f) => [f[1], f[2]])).toEqual([
      [sale1.externalId, 'A'],
      [sale2.externalId, 'A'],
      ['', 'R'],
      [refund.externalId, 'A'],
      [foreignCard.externalId, 'R'],
      [otherMerchantsCard.externalId, 'R'],
      [otherMerchantsRefund.externalId, 'R'],
      [foreignMerchant.externalId, 'R'],
      [outOfScope.externalId, 'R'],
      [declined.externalId, 'A'],
    ]);
    expect(ack[0].slice(3, 6)).toEqual([expect.stringMatching(/^[0-9A-F]{32}$/), '000', 'APPROVED']);
    expect(ack[2][6]).toBe(
      'MerchantID: MerchantID must be 13 digits; StoreID: StoreID must be 3 digits; TerminalID: TerminalID must be 3 digits; ' +
        'TransactionAction: TransactionAction must be Sale or SimpleRefund; PaymentMethodID: PaymentMethodID must be a stored card PaymentMethodID (32 hexadecimal characters); ' +
        'Amount: Amount must be a positive amount in dollars with 2 decimals (e.g. 25.00), at most 99999999.99; ExternalID: ExternalID is required',
    );
    expect(ack[4][6]).toBe('Payment method not found');
    expect(ack[5][6]).toBe('Payment method not found');
    expect(ack[6][6]).toBe('Primary transaction not found');
    expect(ack[7][6]).toBe(`MerchantID: merchant ${m.b1.merchantId} is not in this account's scope`);
    expect(ack[8][6]).toBe(`MerchantID: merchant ${m.a3.merchantId} is not in this account's scope`);
    // The money, to the cent, on the rows that carry the ExternalIDs.
    const rows = await t.db.transaction.findMany({
      where: { externalId: { in: [sale1, sale2, refund, declined].map((c) => c.externalId) } },
    });
    const byExt = new Map(rows.map((r) => [r.externalId, r]));
    expect(Number(byExt.get(sale1.externalId)!.amountCents)).toBe(2500);
    expect(byExt.get(sale1.externalId)!.merchantRef).toBe(m.a1.id);
    expect(byExt.get(sale1.externalId)!.channel).toBe('BATCH');
    expect(byExt.get(sale1.externalId)!.credentialId).toBeNull();
    expect(Number(byExt.get(sale2.externalId)!.amountCents)).toBe(1234);
    expect(byExt.get(refund.externalId)!.action).toBe('SimpleRefund');
    expect(Number(byExt.get(refund.externalId)!.amountCents)).toBe(1000);
    const original = await t.db.transaction.findFirstOrThrow({
      where: { id: byExt.get(refund.externalId)!.primaryId! },
    });
    expect(Number(original.refundedCents)).toBe(1000);
    expect(
      await t.db.transaction.count({
        where: { OR: [{ merchantRef: m.b1.id }, { merchantRef: m.a3.id }], channel: 'BATCH' },
      }),
    ).toBe(0);
    const file = await t.db.batchFile.findUniqueOrThrow({ where: { id } });
    expect(file).toMatchObject({ status: 'PROCESSED', recordCount: 10, acceptedCount: 4, rejectedCount: 6 });
    expect(file.processedAt).not.toBeNull();
    const records = await t.db.batchFileRecord.findMany({
      where: { batchFileRef: id },
      orderBy: { line: 'asc' },
    });
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 7, 8, 9, 10, 11]);
    const ackRow = await t.db.batchFile.findFirstOrThrow({ where: { relatedRef: id } });
    expect(ackRow).toMatchObject({
      direction: 'OUTBOUND',
      kind: 'ACK',
      name: 'mixed.txt.ack',
      accountRef: account.id,
    });
    expect(gateway.placed.at(-1)).toMatchObject({
      accountRefs: [account.id],
      name: 'mixed.txt.ack',
      batchFileRef: ackRow.id,
    });
    expect(gateway.archived.at(-1)).toBe(id);
    const audit = await t.db.auditLogEntry.findFirstOrThrow({
      where: { resourceId: id, action: 'batch-file.process' },
    });
    expect(audit).toMatchObject({
      actorType: 'system',
      actorId: 'system:batch-files',
      actorLabel: `sftp:${account.username}`,
    });
  });

  it('re-processing the same content as a new file charges nothing twice', async () => {
    const before = await t.db.transaction.count();
    const changed = formatImportRecord({ ...mixedSale1, amountCents: 9999 });
    const id = await upload('mixed-again.txt', fileOf([...mixed, changed]));
    await imports.process(id);
    expect(await t.db.transaction.count()).toBe(before);
    const ack = (await ackOf(id)).map((l) => l.split('|'));
    const first = ack[0];
    expect(first.slice(1, 3)).toEqual([mixedSale1.externalId, 'A']);
    expect(first[6]).toBe('Duplicate ExternalID: already processed');
    expect(ack.at(-1)!.slice(1, 3)).toEqual([mixedSale1.externalId, 'R']);
    expect(ack.at(-1)![6]).toBe('ExternalID already used for a different record');
    const dup = await t.db.batchFileRecord.count({ where: { batchFileRef: id, duplicate: true } });
    expect(dup).toBe(5); // four replays and the changed record
  });

  it('a file that repeats an ExternalID charges it once, and replays or refuses the repeats', async () => {
    const x = cmd({ amountCents: 4200 });
    const refusedFirst = cmd({ paymentMethodId: cardB1 }); // nothing written: the repeat runs alone
    const lines = [
      formatImportRecord(x),
      formatImportRecord(x),
      formatImportRecord({ ...x, amountCents: 4300 }),
      formatImportRecord(refusedFirst),
      formatImportRecord({ ...refusedFirst, paymentMethodId: cardA1 }),
    ];
    const id = await upload('repeats.txt', fileOf(lines));
    expect(await imports.process(id)).toMatchObject({
      status: 'PROCESSED',
      recordCount: 5,
      acceptedCount: 3,
    });
    const ack = (await ackOf(id)).map((l) => l.split('|'));
    expect(ack.map((f) => [f[1], f[2], f[6]])).toEqual([
      [x.externalId, 'A', ''],
      [x.externalId, 'A', 'Duplicate ExternalID: already processed'],
      [x.externalId, 'R', 'ExternalID already used for a different record'],
      [refusedFirst.externalId, 'R', 'Payment method not found'],
      [refusedFirst.externalId, 'A', ''],
    ]);
    expect(ack[1][3]).toBe(ack[0][3]);
    expect(await chargesOf([x.externalId, refusedFirst.externalId])).toBe(2);
  });

  it('charges each ExternalID once when four processors run two files with the same records', async () => {
    const cmds = Array.from({ length: 300 }, (_, i) => cmd({ amountCents: 100 * (1 + i) }));
    const content = fileOf(cmds.map(formatImportRecord));
    const [f1, f2] = [await upload('race-1.txt', content), await upload('race-2.txt', content)];
    imports.pageSize = 64; // several pages each, so the runs overtake one another
    try {
      await Promise.all([imports.process(f1), imports.process(f2), imports.process(f1), imports.process(f2)]);
    } finally {
      imports.pageSize = 1000;
    }
    expect(await chargesOf(cmds.map((c) => c.externalId))).toBe(300);
    // Each charge's own record is the one answer that is not a replay, whichever run made it.
    expect(
      await t.db.batchFileRecord.count({ where: { batchFileRef: { in: [f1, f2] }, duplicate: false } }),
    ).toBe(300);
    expect(
      await t.db.outboxEvent.count({
        where: { transactionId: { in: await idsOf(cmds.map((c) => c.externalId)) } },
      }),
    ).toBe(300);
    for (const f of [f1, f2]) {
      const ack = (await ackOf(f)).map((l) => l.split('|'));
      expect(ack).toHaveLength(300);
      expect(ack.every((x, i) => x[1] === cmds[i].externalId && x[2] === 'A')).toBe(true);
    }
    // Both files answer each record with the one transaction that carries its ExternalID.
    const a1 = (await ackOf(f1)).map((l) => l.split('|')[3]);
    const a2 = (await ackOf(f2)).map((l) => l.split('|')[3]);
    expect(a1).toEqual(a2);
    expect(await t.db.batchFile.count({ where: { relatedRef: { in: [f1, f2] }, kind: 'ACK' } })).toBe(2);
  }, 600_000);

  it('a processor killed mid-page, then run again, charges each record once', async () => {
    const cmds = Array.from({ length: 1200 }, (_, i) => cmd({ amountCents: 100 * (5 + i) }));
    const id = await upload('killed.txt', fileOf(cmds.map(formatImportRecord)));
    imports.pageSize = 512;
    sandbox.authorizations = 0;
    sandbox.dieAfter = 700; // inside the second page: its first sales were authorized, none written
    try {
      await expect(imports.process(id)).rejects.toThrow('worker killed');
    } finally {
      sandbox.dieAfter = Infinity;
    }
    // A page is one database transaction: the dead page left no charge without its record.
    expect(await chargesOf(cmds.map((c) => c.externalId))).toBe(512);
    expect(await t.db.batchFileRecord.count({ where: { batchFileRef: id } })).toBe(512);
    expect((await t.db.batchFile.findUniqueOrThrow({ where: { id } })).status).toBe('PROCESSING');
    try {
      const result = await imports.process(id);
      expect(result).toMatchObject({ status: 'PROCESSED', recordCount: 1200, acceptedCount: 1200 });
    } finally {
      imports.pageSize = 1000;
    }
    expect(await chargesOf(cmds.map((c) => c.externalId))).toBe(1200);
    const ack = (await ackOf(id)).map((l) => l.split('|'));
    expect(ack.map((x) => x[1])).toEqual(cmds.map((c) => c.externalId));
    expect(await t.db.batchFileRecord.count({ where: { batchFileRef: id, duplicate: true } })).toBe(0);
    expect(
      await t.db.outboxEvent.count({
        where: { transactionId: { in: await idsOf(cmds.map((c) => c.externalId)) } },
      }),
    ).toBe(1200);
    expect(await imports.process(id)).toEqual({ skipped: 'PROCESSED' });
  }, 600_000);

  it('rejects a file that is not IMPTI10 at all, whole, with an acknowledgement saying why', async () => {
    const before = await t.db.transaction.count();
    const csv = await upload('payments.csv', 'MerchantID,Amount\n' + formatImportRecord(cmd({})) + '\n');
    expect(await imports.process(csv)).toMatchObject({ status: 'REJECTED' });
    expect(await ackOf(csv)).toEqual([
      'IMA10||R||||File is not an IMPTI10 payment import file: line 1 is not an IMPTI10 record (a record starts with IMPTI10)',
    ]);
    const binary = await upload(
      'scan.pdf',
      Buffer.concat([Buffer.from(formatImportRecord(cmd({})) + '\n'), Buffer.from([0x25, 0x00, 0xff])]),
    );
    await imports.process(binary);
    expect(await ackOf(binary)).toEqual([
      'IMA10||R||||File is not an IMPTI10 payment import file: line 2 contains NUL bytes (a binary file)',
    ]);
    const empty = await upload('empty.txt', '\r\n\r\n');
    await imports.process(empty);
    expect((await ackOf(empty))[0]).toMatch(/it has no records$/);
    const file = await t.db.batchFile.findUniqueOrThrow({ where: { id: binary } });
    expect(file).toMatchObject({ status: 'REJECTED', recordCount: 0 });
    expect(file.errors[0]).toMatch(/NUL bytes/);
    expect(await t.db.transaction.count()).toBe(before);
  });

  it('streams a 2,000-record file in pages, each one database transaction', async () => {
    const cmds = Array.from({ length: 2000 }, (_, i) => cmd({ amountCents: 100 * (1 + (i % 900)) }));
    const id = await upload('big.txt', fileOf(cmds.map(formatImportRecord)));
    watched.calls = 0;
    const started = process.hrtime.bigint();
    const result = await imports.process(id);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(JSON.stringify({ records: 2000, seconds, recordsPerSecond: Math.round(2000 / seconds) }));
    expect(result).toMatchObject({ status: 'PROCESSED', recordCount: 2000, acceptedCount: 2000 });
    expect(watched.calls).toBe(0); // no Sale went one by one through PaymentsService.execute
    expect(await chargesOf(cmds.map((c) => c.externalId))).toBe(2000);
    const pages = await t.db.auditLogEntry.findMany({
      where: { resourceId: id, action: 'batch-file.page' },
      orderBy: { createdAt: 'asc' },
    });
    expect(pages.map((p) => p.changes)).toEqual([
      { lines: [1, 1000], records: 1000, charged: 1000, replayed: 0 },
      { lines: [1001, 2000], records: 1000, charged: 1000, replayed: 0 },
    ]);
    expect(pages.every((p) => p.actorId === 'system:batch-files')).toBe(true);
  }, 600_000);
});
