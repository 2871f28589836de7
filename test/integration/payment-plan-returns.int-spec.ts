import { planClock } from '@conduit/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CredentialPrincipal } from '@conduit/domain';
import type { Merchant } from '@conduit/db';
import {
  BankAccountVault,
  PaymentPlansService,
  type PaymentsService,
  PlanChargesService,
  SettlementService,
  parsePaymentCommand,
} from '@conduit/payments';
import { type SandboxLedger, SandboxProcessor } from '@conduit/processor';
import { PrimaryPayments } from '../../libs/payments/src/primary-payments';
import { TEST_MASTER_KEYS, testDatabase, testRedis } from './helpers';
import { paymentsCore, practiceWithOutlet } from './payments-core';

describe('payment plans and eCheck returns (real PostgreSQL)', () => {
  let t: Awaited<ReturnType<typeof testDatabase>>;
  const redis = testRedis();
  let plans: PaymentPlansService;
  let charges: PlanChargesService;
  let settlement: SettlementService;
  let payments: PaymentsService;
  let principal: CredentialPrincipal;
  let merchant: Merchant;

  beforeAll(async () => {
    t = await testDatabase();
    const sandbox = new SandboxProcessor({ ledger: t.uow.read.sandboxLedger as unknown as SandboxLedger });
    const core = paymentsCore(t.uow, redis, TEST_MASTER_KEYS, sandbox);
    payments = core.payments;
    const primary = new PrimaryPayments(t.uow, core.vault, sandbox);
    const bank = new BankAccountVault(t.uow, core.dataKeys);
    plans = new PaymentPlansService(t.uow, core.access, primary, core.vault, bank);
    charges = new PlanChargesService(t.uow, core.access, primary, core.vault, bank);
    settlement = new SettlementService(t.uow, sandbox);
    const practice = await practiceWithOutlet(t.db, core.access);
    principal = practice.principal;
    merchant = await t.db.merchant.update({
      where: { merchantId: practice.merchantId },
      data: { planChargeHour: 0, timeZone: 'UTC' },
    });
  });
  afterAll(async () => {
    await t?.close();
    redis.disconnect();
  });

  /** A close; the sandbox delivers a settled item's return at the close after. */
  const close = async () => {
    await payments.execute(
      principal,
      parsePaymentCommand({
        channel: 'NVP',
        merchantId: merchant.merchantId,
        storeId: '001',
        terminalId: '001',
        transactionType: 'CreditCard',
        transactionAction: 'Sale',
        amount: '1.00',
        card: { cardNumber: '4111111111111111', cardExpiration: '12/30' },
      }),
    );
    await settlement.close(merchant, { kind: 'cutoff', cutoffAt: new Date() });
  };

  it('re-presents an R01 return at most twice, then the plan is PastDue with the charge owed', async () => {
    const today = planClock({ timeZone: 'UTC', planChargeHour: 0 }).today;
    const made = await plans.create(principal, {
      channel: 'REST',
      merchantId: merchant.merchantId,
      storeId: '001',
      terminalId: '001',
      paymentPlanType: 'Installment',
      totalAmount: '90.00',
      installmentCount: '3',
      frequency: 'Monthly',
      startDate: today,
      transactionType: 'eCheck',
      // The sandbox returns account 000000000 (R01) after it settles.
      echeck: { routingNumber: '011000015', accountNumber: '000000000', accountType: 'Checking' },
    });
    const id = made.detail!.plan.paymentPlanId;
    expect(made.detail!.plan.paymentMethod).toMatchObject({ kind: 'ECheck', accountLast4: '0000' });
    const m = (await t.uow.read.planSchedule.merchant(merchant.id))!;
    const ref = (await t.db.paymentPlan.findFirstOrThrow({ where: { merchantRef: merchant.id } })).id;
    const kinds: string[] = [];
    for (let round = 0; round < 3; round++) {
      const txn = await charges.chargeOne(m, ref, 'SCHEDULED');
      expect(txn).toMatchObject({ status: 'C', amount: '30.00', tender: 'eCheck' });
      await close(); // settles the debit
      await close(); // its return arrives
      const d = await plans.get(principal, id);
      kinds.push(d.schedule.past.at(-1)!.kind);
      expect(d.schedule.past.at(-1)!.status).toBe('RETURNED');
      expect(d.plan).toMatchObject({ installmentsPaid: 0, amountPaid: '0.00' });
      if (round < 2)
        expect(d.plan).toMatchObject({ status: 'Active', nextPaymentDate: m && planClock(m).nextRun });
      else expect(d.plan).toMatchObject({ status: 'PastDue', nextPaymentDate: null });
    }
    expect(kinds).toEqual(['SCHEDULED', 'REPRESENTMENT', 'REPRESENTMENT']);
    const returned = await t.db.outboxEvent.findMany({
      where: {
        merchantRef: merchant.id,
        eventType: 'PaymentPlanUpdated',
        payload: { path: ['PaymentPlanChange'], equals: 'Returned' },
      },
    });
    expect(returned).toHaveLength(3);
    // One standing charge per sequence at any time: three attempts, none left APPROVED.
    const attempts = await t.db.paymentPlanCharge.findMany({ where: { planRef: ref, sequence: 1 } });
    expect(attempts.map((a) => a.status)).toEqual(['RETURNED', 'RETURNED', 'RETURNED']);
  });
});
