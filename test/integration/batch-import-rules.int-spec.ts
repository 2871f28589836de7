import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { DomainError } from '@conduit/domain';
import {
  createPrismaClient,
  type DbClient,
  type NewImportRecord,
  type Repositories,
  repositoriesFor,
} from '@conduit/db';
import {
  batchPrincipal,
  BatchImportService,
  FileVault,
  GatewayFilesService,
  ImportSales,
  PaymentsService,
  toWireId,
  parsePaymentCommand,
} from '@conduit/payments';
import { formatImportRecord, type ImportCommand } from '@conduit/wire';
import { makeCredential, makeMerchant, makeOrganization } from '@conduit/testing';
import { PrimaryPayments } from '../../libs/payments/src/primary-payments';
import { answered, errorTextOf, paymentInputOf, rejected } from '../../libs/payments/src/batch/import-record';
import { TEST_MASTER_KEYS, testDatabase, testRedis } from './helpers';
import { paymentsCore, sftpAccountsOf } from './payments-core';

class QuietGatewayFiles extends GatewayFilesService {
  override async placeOutbound(_r: Repositories) {}
  override async archiveInbound(_r: Repositories) {}
}

/** What two runs of the same record must share: everything but identities and clocks. */
const comparablePayload = (p: Record<string, unknown>) => {
  const { EventID, PaymentTransactionID, ResponseDateTime, AuthorizationCode, ...rest } = p;
  expect([EventID, PaymentTransactionID, ResponseDateTime]).not.toContain(undefined);
  return { ...rest, hasAuthorizationCode: AuthorizationCode !== undefined };
};
const comparableRow = (t: Record<string, unknown>) => {
  const {
    id,
    externalId,
    processorReference,
    authorizationNumber,
    createdAt,
    updatedAt,
    capturedAt,
    ...rest
  } = t;
  void [id, externalId, processorReference, createdAt, updatedAt];
  return { ...rest, hasAuthorization: authorizationNumber !== null, captured: capturedAt !== null };
};

/**
 * The page path (BatchImportService → ImportSales, one transaction per page) against the
 * per-record path (PaymentsService.execute, as every other transport): the same Sale records
 * get the same answers, rows and webhook events.
 */
describe('payment import pages apply the per-record rules (real PostgreSQL)', () => {
  let t: Awaited<ReturnType<typeof testDatabase>>;
  const redis = testRedis();
  let payments: PaymentsService;
  let vault: FileVault;
  let imports: BatchImportService;
  let account: { id: string; organizationId: string; username: string };
  let merchants: { id: string; merchantId: string; organizationId: string }[];
  const m = {} as Record<'a1' | 'a2' | 'suspended' | 'limited' | 'b1', { id: string; merchantId: string }>;
  const card = {} as Record<'a1' | 'a2' | 'suspended' | 'limited' | 'b1' | 'chargeback', string>;

  beforeAll(async () => {
    t = await testDatabase();
    const core = paymentsCore(t.uow, redis, TEST_MASTER_KEYS);
    payments = core.payments;
    vault = new FileVault(core.dataKeys);
    const sales = new ImportSales(
      core.access,
      new PrimaryPayments(t.uow, core.vault, core.sandbox),
      core.vault,
    );
    imports = new BatchImportService(
      t.uow,
      payments,
      sales,
      vault,
      new QuietGatewayFiles(vault, sftpAccountsOf(t.uow, core.dataKeys)),
    );
    const orgA = await makeOrganization(t.db);
    const orgB = await makeOrganization(t.db);
    m.a1 = await makeMerchant(t.db, orgA.id);
    m.a2 = await makeMerchant(t.db, orgA.id);
    m.suspended = await makeMerchant(t.db, orgA.id);
    m.limited = await makeMerchant(t.db, orgA.id);
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
    await t.db.outlet.create({
      data: {
        organizationId: orgA.id,
        merchantRef: m.a1.id,
        storeId: '002',
        terminalId: '001',
        active: false,
      },
    });
    const credA = await makeCredential(t.db, orgA.id, 'ACCOUNT', 'pw');
    const credB = await makeCredential(t.db, orgB.id, 'ACCOUNT', 'pw');
    const principalA = await core.access.authenticate('ACCOUNT', credA.identifier, 'pw', null);
    const principalB = await core.access.authenticate('ACCOUNT', credB.identifier, 'pw', null);
    const save = async (p: typeof principalA, merchantId: string, cardNumber = '4111111111111111') =>
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
            card: { cardNumber, cardExpiration: '12/40', cardHolderName: 'Ana Lee' },
          }),
        )
      ).transaction.paymentMethodId!;
    card.a1 = await save(principalA, m.a1.merchantId);
    card.chargeback = await save(principalA, m.a1.merchantId, '4000000000000259');
    card.a2 = await save(principalA, m.a2.merchantId, '5555555555554444');
    card.suspended = await save(principalA, m.suspended.merchantId);
    card.limited = await save(principalA, m.limited.merchantId);
    card.b1 = await save(principalB, m.b1.merchantId);
    await t.db.merchant.update({ where: { id: m.suspended.id }, data: { status: 'SUSPENDED' } });
    await t.db.merchant.update({ where: { id: m.limited.id }, data: { maxTransactionCents: 5000n } });
    account = { id: randomUUID(), organizationId: orgA.id, username: `rules-${randomUUID().slice(0, 6)}` };
    const refs = [m.a1, m.a2, m.suspended, m.limited].map((x) => x.id);
    await t.db.sftpAccount.create({
      data: {
        ...account,
        merchantRefs: refs,
        quotaBytes: 1n << 30n,
        pgpPublicKey: 'test',
        pgpFingerprint: 'test',
        pgpPrivateKeySealed: 'test',
      },
    });
    merchants = await t.db.merchant.findMany({
      where: { id: { in: refs } },
      select: { id: true, merchantId: true, organizationId: true },
    });
  });
  afterAll(async () => {
    await t.close();
    await redis.quit();
  });

  const sale = (o: Partial<ImportCommand>): ImportCommand => ({
    merchantId: m.a1.merchantId,
    storeId: '001',
    terminalId: '001',
    action: 'Sale',
    paymentMethodId: card.a1,
    amountCents: 2500,
    patientId: 'P-7',
    patientFirstName: 'Ana',
    patientLastName: 'Lee',
    additionalInfo1: 'visit 12',
    externalId: '',
    ...o,
  });

  it('gives the same answers, rows and webhook events as PaymentsService.execute', async () => {
    const cases: Record<string, Partial<ImportCommand>> = {
      approved: {},
      approvedOtherMerchant: { merchantId: m.a2.merchantId, paymentMethodId: card.a2, amountCents: 1234 },
      declinedNoPartial: { amountCents: 1010 }, // sandbox: …10 cents without allowPartial → 051
      chargebackCard: { paymentMethodId: card.chargeback },
      suspended: { merchantId: m.suspended.merchantId, paymentMethodId: card.suspended },
      overLimit: { merchantId: m.limited.merchantId, paymentMethodId: card.limited, amountCents: 5001 },
      atLimit: { merchantId: m.limited.merchantId, paymentMethodId: card.limited, amountCents: 5000 },
      anotherMerchantsCard: { paymentMethodId: card.a2 },
      anotherTenantsCard: { paymentMethodId: card.b1 },
      unknownCard: { paymentMethodId: randomUUID().replace(/-/g, '').toUpperCase() },
      deactivatedOutlet: { storeId: '002' },
      unknownOutlet: { storeId: '009' },
    };
    const run = randomUUID().slice(0, 8);
    const names = Object.keys(cases);
    const commands = (path: string) =>
      names.map((n) => sale({ ...cases[n], externalId: `${run}-${path}-${n}` }));

    // The per-record path, as the import ran before pages (and as any other transport runs).
    const principal = batchPrincipal(account, merchants);
    const reference: NewImportRecord[] = [];
    for (const [i, c] of commands('one').entries()) {
      try {
        reference.push(
          answered(
            i + 1,
            c,
            (await payments.execute(principal, parsePaymentCommand(paymentInputOf(c)))).transaction,
          ),
        );
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        reference.push(rejected(i + 1, c, errorTextOf(err)));
      }
    }

    // The page path: the same records in one file.
    const paged = commands('page');
    const id = await t.uow.run(async (r) => {
      const stored = await vault.store(r, [Buffer.from(paged.map(formatImportRecord).join('\n') + '\n')]);
      return (
        await imports.receive(r, { account, name: 'rules.txt', fileRef: stored.fileRef, size: stored.size })
      ).batchFileId;
    });
    expect(await imports.process(id)).toMatchObject({ status: 'PROCESSED', recordCount: names.length });
    const records = await t.db.batchFileRecord.findMany({
      where: { batchFileRef: id },
      orderBy: { line: 'asc' },
    });

    const answer = (x: {
      result: string;
      responseCode?: string;
      responseMessage?: string;
      errorText?: string;
    }) => ({
      result: x.result,
      responseCode: x.responseCode ?? '',
      responseMessage: x.responseMessage ?? '',
      errorText: x.errorText ?? '',
    });
    const byName = (list: { result: string }[]) =>
      Object.fromEntries(names.map((n, i) => [n, answer(list[i])]));
    expect(byName(records)).toEqual(byName(reference));
    // …and those answers are the rules, not merely equal.
    expect(byName(records)).toMatchObject({
      approved: { result: 'A', responseCode: '000' },
      approvedOtherMerchant: { result: 'A', responseCode: '000' },
      declinedNoPartial: { result: 'R', responseCode: '051' },
      chargebackCard: { result: 'A' },
      suspended: { result: 'R', errorText: 'This merchant is suspended' },
      overLimit: {
        result: 'R',
        errorText: "amount: amount 50.01 exceeds this merchant's per-transaction limit of 50.00",
      },
      atLimit: { result: 'A' },
      anotherMerchantsCard: { result: 'R', errorText: 'Payment method not found' },
      anotherTenantsCard: { result: 'R', errorText: 'Payment method not found' },
      unknownCard: { result: 'R', errorText: 'Payment method not found' },
      deactivatedOutlet: { result: 'R', errorText: 'This outlet is deactivated' },
      unknownOutlet: { result: 'R', errorText: 'Outlet not found' },
    });

    // The same rows and the same webhook events, record by record.
    const charged = names.filter((_, i) => reference[i].transactionId);
    expect(charged).toEqual([
      'approved',
      'approvedOtherMerchant',
      'declinedNoPartial',
      'chargebackCard',
      'atLimit',
    ]);
    for (const n of charged) {
      const i = names.indexOf(n);
      const [one, page] = [reference[i].transactionId as string, records[i].transactionId as string];
      expect(page).toBeTruthy();
      const rows = await t.db.transaction.findMany({ where: { id: { in: [one, page] } } });
      const row = (x: string) => rows.find((r) => r.id === x)! as unknown as Record<string, unknown>;
      expect(row(page).externalId).toBe(`${run}-page-${n}`);
      expect(comparableRow(row(page))).toEqual(comparableRow(row(one)));
      const events = await t.db.outboxEvent.findMany({ where: { transactionId: { in: [one, page] } } });
      expect(events).toHaveLength(2);
      const event = (x: string) => events.find((e) => e.transactionId === x)!;
      expect(event(page).eventType).toBe(event(one).eventType);
      expect(event(page).merchantRef).toBe(event(one).merchantRef);
      const payload = (x: string) => event(x).payload as Record<string, unknown>;
      expect(payload(page).PaymentTransactionID).toBe(toWireId(page));
      expect(payload(page).EventID).toBe(event(page).id);
      expect(comparablePayload(payload(page))).toEqual(comparablePayload(payload(one)));
    }
    // Nothing was written for a refused record, on either path.
    expect(await t.db.transaction.count({ where: { externalId: { startsWith: run } } })).toBe(
      2 * charged.length,
    );
  });

  it("commits a page synchronously on the worker's synchronous_commit=off pool", async () => {
    const worker = createPrismaClient(t.url, 2, false); // the worker's settings (decision 0008)
    try {
      const setting = async (db: Pick<DbClient, '$queryRawUnsafe'>) =>
        (await db.$queryRawUnsafe<{ synchronous_commit: string }[]>('SHOW synchronous_commit'))[0]
          .synchronous_commit;
      const file = { id: randomUUID(), organizationId: account.organizationId };
      const inside = await worker.$transaction(async (tx) => {
        const before = await setting(tx);
        await repositoriesFor(tx).batchImports.ofFile(file).durable();
        return { before, after: await setting(tx) };
      });
      expect(inside).toEqual({ before: 'off', after: 'on' });
      expect(await setting(worker)).toBe('off'); // SET LOCAL: that transaction only
    } finally {
      await worker.$disconnect();
    }
  });
});
