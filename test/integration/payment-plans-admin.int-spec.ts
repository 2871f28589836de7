import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, Role, planClock } from '@conduit/domain';
import {
  BankAccountVault,
  PlanCardReplacementService,
  SsoService,
  PaymentPlansService,
  PlanChargesService,
  toWireId,
} from '@conduit/payments';
import { MerchantsService } from '@conduit/tenancy';
import { actor, makeOrganization } from '@conduit/testing';
import { PaymentPlansAdminService } from '../../apps/api/src/admin/payment-plans-admin.service';
import { PrimaryPayments } from '../../libs/payments/src/primary-payments';
import { TEST_MASTER_KEYS, testDatabase, testRedis } from './helpers';
import { paymentsCore, practiceWithOutlet } from './payments-core';

async function drain(lines: AsyncIterable<string>) {
  let out = '';
  for await (const l of lines) out += l;
  return out;
}

async function rejection(p: Promise<unknown>) {
  return p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: { code?: string }) => e.code,
  );
}

describe('payment plans admin service (real PostgreSQL and Redis)', () => {
  let t: Awaited<ReturnType<typeof testDatabase>>;
  const redis = testRedis();
  let core: ReturnType<typeof paymentsCore>;
  let plans: PaymentPlansService;
  let admin: PaymentPlansAdminService;
  let practice: Awaited<ReturnType<typeof practiceWithOutlet>> & { organizationId: string; today: string };

  beforeAll(async () => {
    t = await testDatabase();
    core = paymentsCore(t.uow, redis, TEST_MASTER_KEYS);
    const primary = new PrimaryPayments(t.uow, core.vault, core.sandbox);
    const bankVault = new BankAccountVault(t.uow, core.dataKeys);
    plans = new PaymentPlansService(t.uow, core.access, primary, core.vault, bankVault);
    const charges = new PlanChargesService(t.uow, core.access, primary, core.vault, bankVault);
    const sso = new SsoService(t.uow, core.access, {
      ssoTokenTtlMs: 15 * 60_000,
      publicBaseUrl: 'https://pay.example',
    } as never);
    admin = new PaymentPlansAdminService(
      t.uow,
      plans,
      charges,
      new PlanCardReplacementService(t.uow, sso, core.access),
    );
    const p = await practiceWithOutlet(t.db, core.access);
    const m = await t.db.merchant.findUniqueOrThrow({ where: { merchantId: p.merchantId } });
    practice = { ...p, organizationId: m.organizationId, today: planClock(m).today };
  });
  afterAll(async () => {
    await t.close();
    await redis.quit();
  });

  /** An installment plan of `total` in `count` monthly charges starting today, on a good card. */
  async function installmentPlan(total: string, count: number, patientId = 'P-100') {
    const made = await plans.create(practice.principal, {
      channel: 'REST',
      merchantId: practice.merchantId,
      storeId: '001',
      terminalId: '001',
      paymentPlanType: 'Installment',
      totalAmount: total,
      installmentCount: String(count),
      frequency: 'Monthly',
      startDate: practice.today,
      card: { cardNumber: '4111111111111111', cardExpiration: '12/40', cardHolderName: 'Ana Lee' },
      patient: { patientId, firstName: 'Ana', lastName: 'Lee' },
    });
    if (!made.detail) throw new Error(`plan refused: ${JSON.stringify(made.declined)}`);
    return made.detail.plan.paymentPlanId;
  }

  const practiceAdmin = () => actor(Role.PRACTICE_ADMIN, practice.organizationId);
  const finance = () => actor(Role.FINANCE, practice.organizationId);

  it('lists with filters and reads a plan with its schedule and history', async () => {
    const id = await installmentPlan('90.00', 3, 'P-LIST');
    const list = await admin.list(finance(), {
      start: 0,
      end: 24,
      filter: { patientId: 'P-LIST', status: ['Active'], merchantId: practice.merchantId },
    });
    expect(list.total).toBe(1);
    expect(list.rows[0]).toMatchObject({
      id,
      paymentPlanId: id,
      status: 'Active',
      installmentAmount: '30.00',
    });
    expect(
      (
        await admin.list(finance(), {
          start: 0,
          end: 24,
          filter: { patientId: 'P-LIST', status: ['Paused'] },
        })
      ).total,
    ).toBe(0);
    const detail = await admin.get(finance(), id);
    expect(detail.schedule.upcoming.map((u) => u.amount)).toEqual(['30.00', '30.00', '30.00']);
    expect(detail.history.map((h) => h.action)).toEqual(['payment-plan.created']);
  });

  it('lets practice admins pause, resume and cancel, recording each in the history', async () => {
    const id = await installmentPlan('60.00', 2);
    expect((await admin.changeStatus(practiceAdmin(), id, 'pause')).status).toBe('Paused');
    expect((await admin.changeStatus(practiceAdmin(), id, 'resume')).status).toBe('Active');
    const cancelled = await admin.changeStatus(practiceAdmin(), id, 'cancel');
    expect(cancelled.status).toBe('Cancelled');
    expect(cancelled.history.map((h) => h.action)).toEqual([
      'payment-plan.created',
      'payment-plan.paused',
      'payment-plan.resumed',
      'payment-plan.cancelled',
    ]);
    expect(await rejection(admin.changeStatus(practiceAdmin(), id, 'resume'))).toBe(ErrorCode.ILLEGAL_STATE);
  });

  it('refuses finance the actions and hides another organization’s plans', async () => {
    const id = await installmentPlan('60.00', 2);
    expect(await rejection(admin.changeStatus(finance(), id, 'pause'))).toBe(ErrorCode.FORBIDDEN);
    expect(await rejection(admin.chargeNow(finance(), id))).toBe(ErrorCode.FORBIDDEN);
    const other = await makeOrganization(t.db);
    const stranger = actor(Role.PRACTICE_ADMIN, other.id);
    expect(await rejection(admin.get(stranger, id))).toBe(ErrorCode.NOT_FOUND);
    expect(await rejection(admin.runNext(stranger, id))).toBe(ErrorCode.NOT_FOUND);
    expect((await admin.list(stranger, { start: 0, end: 24, filter: {} })).total).toBe(0);
  });

  it('opens a card-replacement page for practice admins only', async () => {
    const id = await installmentPlan('60.00', 2);
    // The page is opened by a real, enabled user of the practice (the staff token path).
    const user = await t.db.user.create({
      data: {
        organizationId: practice.organizationId,
        email: 'replacer@plans.test',
        role: Role.PRACTICE_ADMIN,
        passwordHash: 'x',
      },
    });
    const opened = await admin.replaceCard(actor(Role.PRACTICE_ADMIN, practice.organizationId, user.id), id);
    expect(opened.pageUrl).toMatch(
      /^https:\/\/pay\.example\/providers\/Form\/PatientPayments\/UpdatePaymentPlanSimpleSSO\?token=/,
    );
    expect(opened.token.length).toBeGreaterThanOrEqual(32);
    expect(await rejection(admin.replaceCard(finance(), id))).toBe(ErrorCode.FORBIDDEN);
  });

  it('walks a 3-installment plan to Completed with run-next, with exact amounts', async () => {
    const id = await installmentPlan('100.00', 3);
    const amounts: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const r = await admin.runNext(practiceAdmin(), id);
      expect(r.transaction).toMatchObject({ status: 'C', responseCode: '000' });
      amounts.push(r.transaction.amount as string);
    }
    expect(amounts).toEqual(['33.33', '33.33', '33.34']);
    const done = await admin.get(practiceAdmin(), id);
    expect(done).toMatchObject({
      status: 'Completed',
      installmentsPaid: 3,
      amountPaid: '100.00',
      remainingBalance: '0.00',
      nextPaymentDate: null,
    });
    expect(done.schedule.past.map((c) => [c.sequence, c.kind, c.status, c.amount])).toEqual([
      [1, 'SCHEDULED', 'APPROVED', '33.33'],
      [2, 'SCHEDULED', 'APPROVED', '33.33'],
      [3, 'SCHEDULED', 'APPROVED', '33.34'],
    ]);
    expect(done.schedule.past.every((c) => c.transactionId && c.transactionStatus)).toBe(true);
    expect(await rejection(admin.runNext(practiceAdmin(), id))).toBe(ErrorCode.ILLEGAL_STATE);
  });

  it('walks a soft-declining card (051) through its retries to PastDue', async () => {
    const id = await installmentPlan('90.00', 3);
    // The sandbox refuses to store 4000000000009995 ($0 verification declines), so the card is
    // vaulted directly and put on the plan as a replacement payment method.
    const m = await t.db.merchant.findUniqueOrThrow({ where: { merchantId: practice.merchantId } });
    const pm = await t.uow.run((r) =>
      core.vault.store(r, m, {
        pan: '4000000000009995',
        brand: 'VISA',
        bin: '400000',
        last4: '9995',
        expMonth: 12,
        expYear: 2040,
        holderName: 'Ana Lee',
        paymentCardType: 'CREDIT',
      } as never),
    );
    await plans.update(practice.principal, id, { channel: 'REST', paymentMethodId: toWireId(pm) });
    const codes: string[] = [];
    for (let i = 0; i < 4; i += 1)
      codes.push((await admin.runNext(practiceAdmin(), id)).transaction.responseCode as string);
    expect(codes).toEqual(['051', '051', '051', '051']);
    const after = await admin.get(practiceAdmin(), id);
    expect(after).toMatchObject({
      status: 'PastDue',
      failedAttempts: 4,
      installmentsPaid: 0,
      amountPaid: '0.00',
    });
    expect(after.schedule.past.map((c) => [c.sequence, c.kind, c.status])).toEqual([
      [1, 'SCHEDULED', 'DECLINED'],
      [1, 'RETRY', 'DECLINED'],
      [1, 'RETRY', 'DECLINED'],
      [1, 'RETRY', 'DECLINED'],
    ]);
  });

  it('runs next only for sandbox merchants, with a 403 elsewhere', async () => {
    const id = await installmentPlan('60.00', 2);
    await t.db.merchant.update({
      where: { merchantId: practice.merchantId },
      data: { processor: 'ACQUIRER' },
    });
    try {
      expect(await rejection(admin.runNext(practiceAdmin(), id))).toBe(ErrorCode.FORBIDDEN);
      // charge-now is not a sandbox tool: it charges the next amount owed at any merchant.
      expect((await admin.chargeNow(practiceAdmin(), id)).transaction.amount).toBe('30.00');
    } finally {
      await t.db.merchant.update({
        where: { merchantId: practice.merchantId },
        data: { processor: 'SANDBOX' },
      });
    }
  });

  it('exports every matching plan as CSV, without card numbers', async () => {
    const id = await installmentPlan('45.00', 3, 'P-CSV');
    const csv = await drain(admin.csv(finance(), { patientId: 'P-CSV' }));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0].split(',').slice(0, 3)).toEqual(['PaymentPlanID', 'PaymentPlanType', 'Status']);
    const cells = lines[1].split(',');
    expect(cells.slice(0, 4)).toEqual([id, 'Installment', 'Active', practice.merchantId]);
    expect(cells).toContain('VISA ****1111');
    expect(cells.slice(12, 15)).toEqual(['45.00', '', '15.00']);
    expect(csv).not.toContain('4111111111111111');
    await expect(admin.checkFilter(finance(), { nextPaymentDate_gte: 'soon' })).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
    });
  });

  it('keeps the merchant plan settings, validated', async () => {
    const merchants = new MerchantsService(t.uow);
    const updated = await merchants.update(practiceAdmin(), practice.merchantId, {
      planChargeHour: 9,
      planRetryDays: '2,4',
    });
    expect(updated).toMatchObject({ planChargeHour: 9, planRetryDays: [2, 4] });
    expect(await merchants.get(finance(), practice.merchantId)).toMatchObject({ planChargeHour: 9 });
    for (const bad of [{ planChargeHour: 24 }, { planRetryDays: '3,1' }, { planRetryDays: [0] }]) {
      await expect(merchants.update(practiceAdmin(), practice.merchantId, bad)).rejects.toMatchObject({
        code: ErrorCode.VALIDATION_FAILED,
      });
    }
    await merchants.update(practiceAdmin(), practice.merchantId, {
      planChargeHour: 6,
      planRetryDays: [1, 3, 5],
    });
  });
});
