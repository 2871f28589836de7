import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, type CredentialPrincipal, DomainError, Role } from '@conduit/domain';
import {
  BankAccountVault,
  PaymentPlansService,
  PlanCardReplacementService,
  SsoPageService,
  SsoPlanPageService,
  SsoService,
} from '@conduit/payments';
import { actor, makeCredential, makeMerchant, makeOrganization } from '@conduit/testing';
import { PrimaryPayments } from '../../libs/payments/src/primary-payments';
import { testDatabase, testRedis, TEST_MASTER_KEYS } from './helpers';
import { paymentsCore } from './payments-core';

const FUTURE = `12/${(new Date().getUTCFullYear() + 3) % 100}`;
const firstOfNextMonth = () => {
  const n = new Date();
  return new Date(Date.UTC(n.getUTCFullYear(), n.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
};

/** The console's "replace the card": its token, its page's submission, against real PostgreSQL. */
describe('payment plan card replacement (real PostgreSQL)', () => {
  let t: Awaited<ReturnType<typeof testDatabase>>;
  const redis = testRedis();
  let plans: PaymentPlansService;
  let replacement: PlanCardReplacementService;
  let page: SsoPlanPageService;
  let principal: CredentialPrincipal;
  let admin: Actor;
  let finance: Actor;
  let merchantId: string;

  beforeAll(async () => {
    t = await testDatabase();
    const core = paymentsCore(t.uow, redis, TEST_MASTER_KEYS);
    const config = { ssoTokenTtlMs: 15 * 60_000, publicBaseUrl: 'https://pay.example' } as never;
    const sso = new SsoService(t.uow, core.access, config);
    plans = new PaymentPlansService(
      t.uow,
      core.access,
      new PrimaryPayments(t.uow, core.vault, core.sandbox),
      core.vault,
      new BankAccountVault(t.uow, core.dataKeys),
    );
    replacement = new PlanCardReplacementService(t.uow, sso, core.access);
    page = new SsoPlanPageService(
      t.uow,
      sso,
      core.access,
      new SsoPageService(t.uow, sso, core.access, core.payments),
      plans,
    );
    const org = await makeOrganization(t.db);
    const m = await makeMerchant(t.db, org.id);
    merchantId = m.merchantId;
    await t.db.outlet.create({
      data: { organizationId: org.id, merchantRef: m.id, storeId: '001', terminalId: '001' },
    });
    const cred = await makeCredential(t.db, org.id, 'ACCOUNT', 'pw');
    principal = await core.access.authenticate('ACCOUNT', cred.identifier, 'pw', null);
    const user = await t.db.user.create({
      data: {
        organizationId: org.id,
        email: `admin-${randomUUID().slice(0, 8)}@x`,
        role: Role.PRACTICE_ADMIN,
        passwordHash: 'x',
      },
    });
    admin = actor(Role.PRACTICE_ADMIN, org.id, user.id);
    finance = actor(Role.FINANCE, org.id);
  });
  afterAll(async () => {
    await t.close();
    await redis.quit();
  });

  const newPlan = async () => {
    const created = await plans.create(principal, {
      channel: 'NVP',
      merchantId,
      storeId: '001',
      terminalId: '001',
      paymentPlanType: 'Installment',
      totalAmount: '90.00',
      installmentCount: '3',
      frequency: 'Monthly',
      startDate: firstOfNextMonth(),
      transactionType: 'CreditCard',
      card: { cardNumber: '4111111111111111', cardExpiration: FUTURE },
      patient: { patientId: 'REPL-1', firstName: 'Pat', lastName: 'Doe' },
    });
    if (!created.detail) throw new Error('plan not created');
    return created.detail.plan;
  };
  const card = (token: string, number: string, authorize = true) => ({
    token,
    tender: 'CreditCard',
    cardNumber: number,
    cardExpiration: FUTURE,
    ...(authorize ? { authorize: 'yes' } : {}),
  });

  it('opens a single-use page for the plan, and the page replaces its card with the text agreed', async () => {
    const plan = await newPlan();
    const opened = await replacement.openCardReplacement(admin, plan.paymentPlanId);
    expect(opened.pageUrl).toBe(
      `https://pay.example/providers/Form/PatientPayments/UpdatePaymentPlanSimpleSSO?token=${opened.token}`,
    );
    const row = await t.db.ssoToken.findFirstOrThrow({ where: { createdByUserId: admin.userId } });
    expect(row).toMatchObject({
      action: 'UpdatePlanMethod',
      channel: 'CONSOLE',
      patientId: 'REPL-1',
      planTerms: { kind: 'replace', paymentPlanId: plan.paymentPlanId },
    });

    const shown = await page.view(opened.token);
    expect(shown.kind).toBe('methodForm');

    const unticked = await page.submit(opened.token, card(opened.token, '5500000000000004', false));
    expect(unticked).toMatchObject({ kind: 'methodForm', errors: [{ field: 'authorize' }] });

    const done = await page.submit(opened.token, card(opened.token, '5500000000000004'));
    if (done.kind !== 'methodDone') throw new Error(`expected methodDone, got ${done.kind}`);
    expect(done.plan.plan.paymentMethodId).not.toBe(plan.paymentMethodId);
    expect(done.plan.plan.paymentMethod).toMatchObject({ kind: 'Card', last4: '0004' });
    expect(done.token.status).toBe('COMPLETE');

    const audit = await t.db.auditLogEntry.findFirstOrThrow({
      where: {
        resourceId: done.plan.plan.paymentPlanId
          .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5')
          .toLowerCase(),
        action: 'payment-plan.paymentmethodchanged',
      },
    });
    const agreed = (audit.changes as { authorization?: string }).authorization ?? '';
    expect(agreed).toContain(
      `instead of the one on file, for the remaining payments of payment plan ${plan.paymentPlanId}`,
    );

    expect((await page.submit(opened.token, card(opened.token, '4111111111111111'))).kind).toBe('used');
  });

  it('refuses a role that may not manage plans, and a cancelled plan', async () => {
    const plan = await newPlan();
    await expect(replacement.openCardReplacement(finance, plan.paymentPlanId)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await plans.cancel(principal, plan.paymentPlanId);
    const refused = await replacement.openCardReplacement(admin, plan.paymentPlanId).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).message).toMatch(/Cancelled payment plan cannot be changed/);
  });
});
