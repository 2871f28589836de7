import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { inject } from 'vitest';
import { createPrismaClient, type DbClient, UnitOfWork } from '@conduit/db';
import { BatchImportService, FileVault, ImportSales, parsePaymentCommand } from '@conduit/payments';
import { PrimaryPayments } from '../../libs/payments/src/primary-payments';
import { formatImportRecord } from '@conduit/wire';
import {
  createTestDatabase,
  makeCredential,
  makeMerchant,
  makeOrganization,
  pgUrlFrom,
} from '@conduit/testing';
import { TEST_MASTER_KEYS, testRedis } from './helpers';
import { gatewayFilesOf, paymentsCore } from './payments-core';

/**
 * Throughput of `BatchImportService.process` on this machine, against the integration
 * PostgreSQL with the worker's connection settings (pool 20, synchronous_commit=off, decision
 * 0008). IMPORT_THROUGHPUT_RECORDS sets the file size (5,000 by default so the suite stays
 * quick; 20,000–100,000 to measure; IMPORT_THROUGHPUT_PAGE sets the page size). Prints records/s,
 * the load average and the time per step.
 */
const RECORDS = Number(process.env.IMPORT_THROUGHPUT_RECORDS ?? 5000);

describe('payment import throughput (real PostgreSQL)', () => {
  let db: DbClient;
  let drop: () => Promise<void>;
  const redis = testRedis();

  beforeAll(async () => {
    const made = await createTestDatabase(pgUrlFrom(inject('pgUrlTemplate')));
    drop = made.drop;
    db = createPrismaClient(made.url, 20, false);
  });
  afterAll(async () => {
    await db.$disconnect();
    await drop();
    await redis.quit();
  });

  it(`processes ${RECORDS} Sale records on one stored card, each charged once`, async () => {
    const uow = new UnitOfWork(db);
    const core = paymentsCore(uow, redis, TEST_MASTER_KEYS);
    const vault = new FileVault(core.dataKeys);
    const sales = new ImportSales(
      core.access,
      new PrimaryPayments(uow, core.vault, core.sandbox),
      core.vault,
    );
    const imports = new BatchImportService(
      uow,
      core.payments,
      sales,
      vault,
      gatewayFilesOf(uow, core.dataKeys, vault),
    );
    const org = await makeOrganization(db);
    const m = await makeMerchant(db, org.id);
    await db.outlet.create({
      data: { organizationId: org.id, merchantRef: m.id, storeId: '001', terminalId: '001' },
    });
    const cred = await makeCredential(db, org.id, 'ACCOUNT', 'pw');
    const principal = await core.access.authenticate('ACCOUNT', cred.identifier, 'pw', null);
    const card = (
      await core.payments.execute(
        principal,
        parsePaymentCommand({
          channel: 'NVP',
          transactionAction: 'SaveOnFile',
          transactionType: 'CreditCard',
          merchantId: m.merchantId,
          storeId: '001',
          terminalId: '001',
          card: { cardNumber: '4111111111111111', cardExpiration: '12/40' },
        }),
      )
    ).transaction.paymentMethodId!;
    const account = { id: randomUUID(), organizationId: org.id, username: `tp-${randomUUID().slice(0, 6)}` };
    await db.sftpAccount.create({
      data: {
        ...account,
        merchantRefs: [m.id],
        quotaBytes: 1n << 30n,
        pgpPublicKey: 'test',
        pgpFingerprint: 'test',
        pgpPrivateKeySealed: 'test',
      },
    });
    const run = randomUUID().slice(0, 8);
    const lines: string[] = [];
    for (let i = 0; i < RECORDS; i++)
      lines.push(
        formatImportRecord({
          merchantId: m.merchantId,
          storeId: '001',
          terminalId: '001',
          action: 'Sale',
          paymentMethodId: card,
          amountCents: 100 + (i % 9000), // …10 cents: the sandbox declines (no partial)
          patientId: `PT-${i}`,
          patientFirstName: 'Pat',
          patientLastName: 'Doe',
          additionalInfo1: 'bench',
          externalId: `${run}-${i}`,
        }),
      );
    const id = await uow.run(async (r) => {
      const stored = await vault.store(r, [Buffer.from(lines.join('\r\n') + '\r\n')]);
      return (
        await imports.receive(r, { account, name: 'tp.txt', fileRef: stored.fileRef, size: stored.size })
      ).batchFileId;
    });
    if (process.env.IMPORT_THROUGHPUT_PAGE) imports.pageSize = Number(process.env.IMPORT_THROUGHPUT_PAGE);
    const profile = process.env.IMPORT_THROUGHPUT_CPU_PROFILE; // a .cpuprofile path, for DevTools
    const session = profile ? new Session() : null;
    if (session) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
    }
    const started = process.hrtime.bigint();
    const result = await imports.process(id);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (session && profile) {
      const { profile: taken } = await session.post('Profiler.stop');
      await writeFile(profile, JSON.stringify(taken));
      session.disconnect();
    }
    console.log(
      JSON.stringify({
        records: RECORDS,
        pageSize: imports.pageSize,
        seconds: Number(seconds.toFixed(2)),
        recordsPerSecond: Math.round(RECORDS / seconds),
        loadAverage: (await import('node:os')).loadavg().map((x) => Number(x.toFixed(2))),
        stepsMs: 'stepsMs' in result ? result.stepsMs : undefined,
      }),
    );
    const declined = lines.filter((_, i) => (100 + (i % 9000)) % 100 === 10).length;
    expect(result).toMatchObject({
      status: 'PROCESSED',
      recordCount: RECORDS,
      acceptedCount: RECORDS - declined,
      rejectedCount: declined,
    });
    expect(await db.transaction.count({ where: { merchantRef: m.id, channel: 'BATCH' } })).toBe(RECORDS);
    expect(await db.outboxEvent.count({ where: { merchantRef: m.id, eventType: 'Declined' } })).toBe(
      declined,
    );
  }, 1_800_000);
});
