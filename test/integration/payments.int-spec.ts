import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, type CredentialPrincipal } from '@conduit/domain';
import {
  AUTHORIZATION_LIFETIME_MS,
  AuthorizationExpiryService,
  DataKeys,
  IdempotencyService,
  PaymentsService,
  VaultService,
  parsePaymentCommand,
} from '@conduit/payments';
import { ExpireAuthorizationsHandler } from '../../apps/worker/src/jobs/expire-authorizations.handler';
import { makeCredential, makeMerchant, makeOrganization } from '@conduit/testing';
import { testDatabase, testRedis } from './helpers';
import { paymentsCore } from './payments-core';

const V1 = `1:${Buffer.alloc(32, 1).toString('base64')}`;
const V2 = `2:${Buffer.alloc(32, 2).toString('base64')}`;
const root = path.resolve(__dirname, '../..');

describe('payments core (real PostgreSQL)', () => {
  let t: Awaited<ReturnType<typeof testDatabase>>;
  const redis = testRedis();
  let payments: PaymentsService;
  let vault: VaultService;
  let principal: CredentialPrincipal;
  let merchantId: string;
  let otherPrincipal: CredentialPrincipal;

  const build = (keys: string) => {
    const core = paymentsCore(t.uow, redis, keys);
    vault = core.vault;
    payments = core.payments;
    return core.access;
  };

  beforeAll(async () => {
    t = await testDatabase();
    const access = build(V1);
    const org = await makeOrganization(t.db);
    const m = await makeMerchant(t.db, org.id);
    merchantId = m.merchantId;
    await t.db.outlet.create({
      data: { organizationId: org.id, merchantRef: m.id, storeId: '001', terminalId: '001' },
    });
    const cred = await makeCredential(t.db, org.id, 'ACCOUNT', 'pw');
    principal = await access.authenticate('ACCOUNT', cred.identifier, 'pw', null);
    const other = await makeOrganization(t.db);
    const oc = await makeCredential(t.db, other.id, 'ACCOUNT', 'pw2');
    otherPrincipal = await access.authenticate('ACCOUNT', oc.identifier, 'pw2', null);
  });
  afterAll(async () => {
    await t.close();
    await redis.quit();
  });

  const input = (extra: Record<string, unknown> = {}) => ({
    channel: 'NVP' as const,
    merchantId,
    storeId: '001',
    terminalId: '001',
    transactionType: 'CreditCard',
    transactionAction: 'Sale',
    amount: '10.00',
    card: { cardNumber: '4111111111111111', cardExpiration: '12/40' },
    ...extra,
  });

  it('writes each transaction with its outbox event, whose payload holds no card number', async () => {
    const { transaction } = await payments.execute(
      principal,
      parsePaymentCommand(input({ patient: { patientId: 'OUTBOX-1' } })),
    );
    const id = await t.db.transaction.findFirstOrThrow({ where: { patientId: 'OUTBOX-1' } });
    const events = await t.db.outboxEvent.findMany({ where: { transactionId: id.id } });
    expect(events).toHaveLength(1);
    expect(events[0].eventType).toBe('Approved');
    expect(events[0].payload).toMatchObject({
      PaymentTransactionID: transaction.transactionId,
      Amount: '10.00',
      CardLastFourDigits: '************1111',
      PatientID: 'OUTBOX-1',
    });
    expect(JSON.stringify(events[0].payload)).not.toContain('4111111111111111');
  });

  it('lets only one of ten concurrent captures of one authorization succeed', async () => {
    const auth = await payments.execute(
      principal,
      parsePaymentCommand(input({ transactionAction: 'Authorization' })),
    );
    const tries = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        payments.execute(
          principal,
          parsePaymentCommand(
            input({
              transactionAction: 'Capture',
              primaryTransactionId: auth.transaction.transactionId,
              amount: '10.00',
            }),
          ),
        ),
      ),
    );
    const ok = tries.filter((r) => r.status === 'fulfilled');
    expect(ok).toHaveLength(1);
    for (const r of tries.filter((x) => x.status === 'rejected'))
      expect((r as PromiseRejectedResult).reason.code).toBe(ErrorCode.ILLEGAL_STATE);
  });

  it('never refunds more than was captured, even concurrently', async () => {
    const sale = await payments.execute(principal, parsePaymentCommand(input({ amount: '30.00' })));
    await Promise.allSettled(
      Array.from({ length: 8 }, () =>
        payments.execute(
          principal,
          parsePaymentCommand(
            input({
              transactionAction: 'SimpleRefund',
              primaryTransactionId: sale.transaction.transactionId,
              amount: '10.00',
            }),
          ),
        ),
      ),
    );
    const row = await t.db.transaction.findFirstOrThrow({
      where: {
        id: sale.transaction.transactionId
          .toLowerCase()
          .replace(/(.{8})(.{4})(.{4})(.{4})(.{12})/, '$1-$2-$3-$4-$5'),
      },
    });
    expect(Number(row.refundedCents)).toBe(3000);
  });

  it('keeps only ciphertext in the vault, readable back by its tenant alone', async () => {
    const saved = await payments.execute(
      principal,
      parsePaymentCommand(
        input({
          transactionAction: 'SaveOnFile',
          card: { cardNumber: '5500000000000004', cardExpiration: '11/39' },
        }),
      ),
    );
    const pm = await t.db.paymentMethod.findFirstOrThrow({ where: { cardLast4: '0004' } });
    expect(Buffer.from(pm.panCiphertext).toString('latin1')).not.toContain('5500000000000004');
    const charged = await payments.execute(
      principal,
      parsePaymentCommand(input({ card: { paymentMethodId: saved.transaction.paymentMethodId } })),
    );
    expect(charged.transaction.card?.entryMode).toBe('OnFile');
    // A card belongs to the merchant that saved it: a sibling merchant of the same practice finds
    // it no more than another tenant's merchant does.
    for (const organizationId of [principal.organizationId, otherPrincipal.organizationId]) {
      const elsewhere = await makeMerchant(t.db, organizationId);
      await expect(vault.reveal(elsewhere, pm.id)).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
    }
  });

  it('re-wraps data keys under a new master key with npm run vault:rotate, and cards still decrypt', async () => {
    const pm = await t.db.paymentMethod.findFirstOrThrow({ where: { cardLast4: '0004' } });
    const out = execFileSync(process.execPath, ['scripts/vault-rotate.mjs'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: t.url, VAULT_MASTER_KEYS: `${V1},${V2}` },
    }).toString();
    expect(out).toMatch(/0 left under older versions/);
    expect((await t.db.dataKey.findMany()).every((k) => k.masterVersion === 2)).toBe(true);
    build(V2); // only the new master key from now on
    const card = await vault.reveal({ id: pm.merchantRef, organizationId: pm.organizationId }, pm.id);
    expect(card.pan).toBe('5500000000000004');
  });

  it('expires authorizations left uncaptured for 7 days (A → X) through the core, and only those', async () => {
    const old = await payments.execute(
      principal,
      parsePaymentCommand(
        input({ transactionAction: 'Authorization', patient: { patientId: 'EXPIRE-OLD' } }),
      ),
    );
    const fresh = await payments.execute(
      principal,
      parsePaymentCommand(
        input({ transactionAction: 'Authorization', patient: { patientId: 'EXPIRE-NEW' } }),
      ),
    );
    await t.db
      .$executeRaw`UPDATE transactions SET created_at = now() - interval '8 days' WHERE patient_id = 'EXPIRE-OLD'`;
    const handler = new ExpireAuthorizationsHandler(new AuthorizationExpiryService(t.uow));
    expect(await handler.handle({ olderThanMs: AUTHORIZATION_LIFETIME_MS })).toEqual({ expired: 1 });
    // A replay finds nothing more to expire.
    expect(await handler.handle({ olderThanMs: AUTHORIZATION_LIFETIME_MS })).toEqual({ expired: 0 });
    const oldId = old.transaction.transactionId.toLowerCase();
    const uuid = `${oldId.slice(0, 8)}-${oldId.slice(8, 12)}-${oldId.slice(12, 16)}-${oldId.slice(16, 20)}-${oldId.slice(20)}`;
    // The move has its event (in the same transaction) and its audit entry, by the scheduler.
    const events = await t.db.outboxEvent.findMany({
      where: { transactionId: uuid },
      orderBy: { createdAt: 'asc' },
    });
    expect(
      events.map((e) => [e.eventType, (e.payload as Record<string, string>).CurrentTransactionStatusCode]),
    ).toEqual([
      ['Approved', 'A'],
      ['Voided', 'X'],
    ]);
    const audit = await t.db.auditLogEntry.findMany({ where: { resourceId: uuid } });
    expect(audit).toEqual([
      expect.objectContaining({
        actorType: 'system',
        actorId: 'system:scheduler',
        action: 'transaction.expire-authorization',
      }),
    ]);
    const status = (id: string) =>
      payments
        .execute(
          principal,
          parsePaymentCommand({ channel: 'NVP', transactionAction: 'ViewReceipt', transactionId: id }),
        )
        .then((r) => r.transaction.status);
    expect([
      await status(old.transaction.transactionId),
      await status(fresh.transaction.transactionId),
    ]).toEqual(['X', 'A']);
    await expect(
      payments.execute(
        principal,
        parsePaymentCommand(
          input({ transactionAction: 'Capture', primaryTransactionId: old.transaction.transactionId }),
        ),
      ),
    ).rejects.toMatchObject({
      code: ErrorCode.ILLEGAL_STATE,
    });
  });

  it('lets exactly one of twenty concurrent claims of an idempotency key through', async () => {
    const idem = new IdempotencyService(t.uow, new DataKeys({ vaultMasterKeys: V1 } as never));
    const claims = await Promise.allSettled(
      Array.from({ length: 20 }, () => idem.claim(principal.organizationId, 'same-key', 'POST /x\nbody')),
    );
    expect(claims.filter((c) => c.status === 'fulfilled' && c.value.kind === 'new')).toHaveLength(1);
    expect(
      claims
        .filter((c) => c.status === 'rejected')
        .every((c) => (c as PromiseRejectedResult).reason.code === ErrorCode.CONFLICT),
    ).toBe(true);
  });
});
