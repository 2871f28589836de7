import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, type CredentialPrincipal, DomainError, type CheckImages, Role } from '@conduit/domain';
import type { Repositories } from '@conduit/db';
import { SandboxProcessor } from '@conduit/processor';
import {
  CheckImageStore,
  CheckImagesReviewService,
  DataKeys,
  FileVault,
  parsePaymentCommand,
  PaymentsService,
  TransactionsReviewService,
} from '@conduit/payments';
import { makeOrganization } from '@conduit/testing';
import { PrimaryPayments } from '../../libs/payments/src/primary-payments';
import { SecondaryPayments } from '../../libs/payments/src/secondary-payments';
import { TEST_MASTER_KEYS, testDatabase, testRedis } from './helpers';
import { paymentsCore, practiceWithOutlet } from './payments-core';

/** A PNG and a JPEG carrying a marker that must never be found in the database in clear. */
const MARKER = 'CHECK-IMAGE-PLAINTEXT-MARKER';
const FRONT = Buffer.concat([
  Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
  Buffer.from(MARKER.repeat(4000)), // several 64 KiB chunks
]);
const BACK = Buffer.concat([Buffer.from('ffd8ffe0', 'hex'), Buffer.from(`${MARKER} back`)]);

/** A store that fails after the first side: nothing of the deposit may remain. */
class FailingStore extends CheckImageStore {
  override async store(
    r: Repositories,
    m: { id: string; organizationId: string },
    ref: string,
    i: CheckImages,
  ) {
    await super.store(r, m, ref, { front: i.front });
    throw new Error('disk on fire');
  }
}

describe('check images (real PostgreSQL)', () => {
  let t: Awaited<ReturnType<typeof testDatabase>>;
  const redis = testRedis();
  let vault: FileVault;
  let principal: CredentialPrincipal;
  let merchantId: string;
  let payments: (store: CheckImageStore) => PaymentsService;
  const actor = (organizationId: string, role = Role.FINANCE): Actor => ({
    userId: randomUUID(),
    email: 'finance@practice.test',
    role,
    organizationId,
    ip: '127.0.0.1',
  });

  beforeAll(async () => {
    t = await testDatabase();
    const sandbox = new SandboxProcessor();
    const core = paymentsCore(t.uow, redis, TEST_MASTER_KEYS, sandbox);
    ({ merchantId, principal } = await practiceWithOutlet(t.db, core.access));
    vault = new FileVault(core.dataKeys);
    payments = (store) =>
      new PaymentsService(
        t.uow,
        core.access,
        new PrimaryPayments(t.uow, core.vault, sandbox, store),
        new SecondaryPayments(t.uow, sandbox),
      );
  });
  afterAll(async () => {
    await t.close();
    await redis.quit();
  });

  const deposit = (patientId: string, amount = '25.00', back: Buffer | null = BACK) =>
    parsePaymentCommand({
      channel: 'NVP',
      merchantId,
      storeId: '001',
      terminalId: '001',
      transactionType: 'eCheck',
      transactionAction: 'Sale',
      amount,
      echeck: {
        routingNumber: '011000015',
        accountNumber: '123456789',
        checkNumber: '1042',
        checkPresentStatus: 'Present',
        checkFrontImage: FRONT.toString('base64'),
        ...(back ? { checkBackImage: back.toString('base64') } : {}),
      },
      patient: { patientId },
    });

  it('stores both sides encrypted with the transaction: no plaintext in any row, bytes round-trip', async () => {
    const { transaction } = await payments(new CheckImageStore(vault)).execute(principal, deposit('CHK-1'));
    expect(transaction.status).toBe('C');
    const row = await t.db.transaction.findFirstOrThrow({ where: { patientId: 'CHK-1' } });
    const images = await t.db.checkImage.findMany({
      where: { transactionRef: row.id },
      orderBy: { side: 'desc' },
    });
    expect(images.map((i) => [i.side, i.contentType, i.size, i.merchantRef])).toEqual([
      ['FRONT', 'image/png', FRONT.length, row.merchantRef],
      ['BACK', 'image/jpeg', BACK.length, row.merchantRef],
    ]);
    const chunks = await t.db.storedFileChunk.findMany({
      where: { fileRef: { in: images.map((i) => i.fileRef) } },
    });
    expect(chunks.length).toBeGreaterThan(2);
    for (const c of chunks) {
      const cipher = Buffer.from(c.cipher);
      expect(cipher.includes(Buffer.from(MARKER))).toBe(false);
      expect(cipher.includes(FRONT.subarray(0, 8))).toBe(false);
    }
    // Nothing else in the database holds the marker either (outbox payload, idempotency, audit).
    const [found] = await t.db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM outbox_events WHERE payload::text LIKE ${`%${MARKER}%`}`;
    expect(found.n).toBe(0n);
    expect((await vault.readAll(t.uow.read, images[0].fileRef)).equals(FRONT)).toBe(true);
    expect((await vault.readAll(t.uow.read, images[1].fileRef)).equals(BACK)).toBe(true);
  });

  it('keeps the images of a declined deposit with its declined row', async () => {
    const { transaction } = await payments(new CheckImageStore(vault)).execute(
      principal,
      deposit('CHK-DECLINED', '5000.01', null),
    );
    expect(transaction.status).toBe('D');
    const row = await t.db.transaction.findFirstOrThrow({ where: { patientId: 'CHK-DECLINED' } });
    expect(await t.db.checkImage.count({ where: { transactionRef: row.id } })).toBe(1);
  });

  it('writes the row, its event and its images in one database transaction', async () => {
    const files = await t.db.storedFile.count();
    await expect(payments(new FailingStore(vault)).execute(principal, deposit('CHK-FAIL'))).rejects.toThrow(
      'disk on fire',
    );
    expect(await t.db.transaction.count({ where: { patientId: 'CHK-FAIL' } })).toBe(0);
    expect(await t.db.storedFile.count()).toBe(files);
  });

  it('shows the images to whoever reads the transaction, audits each view, and no one else', async () => {
    const row = await t.db.transaction.findFirstOrThrow({ where: { patientId: 'CHK-1' } });
    const wireId = row.id.replace(/-/g, '').toUpperCase();
    const finance = actor(row.organizationId);
    const detail = await new TransactionsReviewService(t.uow).get(finance, wireId);
    expect(detail.checkImages).toEqual([
      {
        side: 'FRONT',
        contentType: 'image/png',
        size: FRONT.length,
        url: `/admin/api/transactions/${wireId}/check-images/front`,
      },
      {
        side: 'BACK',
        contentType: 'image/jpeg',
        size: BACK.length,
        url: `/admin/api/transactions/${wireId}/check-images/back`,
      },
    ]);
    const review = new CheckImagesReviewService(t.uow, vault);
    const image = await review.open(finance, wireId, 'back');
    expect(image.contentType).toBe('image/jpeg');
    expect(image.bytes.equals(BACK)).toBe(true);
    const audit = await t.db.auditLogEntry.findFirstOrThrow({
      where: { action: 'transaction.check-image.view', resourceId: wireId },
    });
    expect(audit).toMatchObject({
      organizationId: row.organizationId,
      actorId: finance.userId,
      changes: { side: 'BACK' },
    });

    const other = await makeOrganization(t.db);
    const stranger = review.open(actor(other.id, Role.PRACTICE_ADMIN), wireId, 'front');
    await expect(stranger).rejects.toBeInstanceOf(DomainError);
    await expect(stranger).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(review.open(finance, wireId, 'side')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const plain = await t.db.transaction.findFirstOrThrow({ where: { patientId: 'CHK-DECLINED' } });
    const plainId = plain.id.replace(/-/g, '').toUpperCase();
    await expect(review.open(finance, plainId, 'back')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('survives a master key rotation like any stored file (npm run vault:rotate)', async () => {
    const row = await t.db.transaction.findFirstOrThrow({ where: { patientId: 'CHK-1' } });
    const front = await t.db.checkImage.findFirstOrThrow({
      where: { transactionRef: row.id, side: 'FRONT' },
    });
    const next = `2:${Buffer.alloc(32, 7).toString('base64')}`;
    const out = execFileSync(process.execPath, ['scripts/vault-rotate.mjs'], {
      cwd: path.resolve(__dirname, '../..'),
      env: { ...process.env, DATABASE_URL: t.url, VAULT_MASTER_KEYS: `${TEST_MASTER_KEYS},${next}` },
    }).toString();
    expect(out).toMatch(/0 left under older versions/);
    // Only the new master key from now on: the image's data key was re-wrapped, its chunks untouched.
    const rotated = new FileVault(new DataKeys({ vaultMasterKeys: next } as never));
    expect((await rotated.readAll(t.uow.read, front.fileRef)).equals(FRONT)).toBe(true);
  });
});
