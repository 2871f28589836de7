import { planClock } from '@conduit/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CredentialPrincipal } from '@conduit/domain';
import {
  BankAccountVault,
  PaymentPlansService,
  PlanChargesService,
  type PaymentPlanInput,
} from '@conduit/payments';
import { type AuthorizeRequest, type ProcessorOutcome, SandboxProcessor } from '@conduit/processor';
import { PrimaryPayments } from '../../libs/payments/src/primary-payments';
import { startMetrics } from '@conduit/observability';
import { TEST_MASTER_KEYS, testDatabase, testRedis } from './helpers';
import { paymentsCore, practiceWithOutlet } from './payments-core';

/** The sandbox, remembering every authorization by idempotency key, able to "die" after the network answered. */
class RecordingSandbox extends SandboxProcessor {
  readonly byKey = new Map<string, ProcessorOutcome[]>();
  dieAfterAnswer = false;
  override async authorize(req: AuthorizeRequest) {
    const outcome = await super.authorize(req);
    if (req.idempotencyKey)
      this.byKey.set(req.idempotencyKey, [...(this.byKey.get(req.idempotencyKey) ?? []), outcome]);
    // The network approved; the worker is killed before it books anything.
    if (this.dieAfterAnswer) throw new Error('worker killed');
    return outcome;
  }
}

/** `conduit_payments_total` summed over the series with these labels (decision 0039). */
async function paymentsCounted(labels: Record<string, string>): Promise<number> {
  const { values } = await startMetrics('integration').payments.get();
  return values
    .filter((v) => Object.entries(labels).every(([k, x]) => (v.labels as Record<string, unknown>)[k] === x))
    .reduce((sum, v) => sum + v.value, 0);
}

describe('payment plans (real PostgreSQL)', () => {
  let t: Awaited<ReturnType<typeof testDatabase>>;
  const redis = testRedis();
  const sandbox = new RecordingSandbox();
  let plans: PaymentPlansService;
  /** Each scheduler its own service instance, as separate workers would have. */
  let schedulers: PlanChargesService[];
  let principal: CredentialPrincipal;
  let merchantId: string;
  let merchantRef: string;

  beforeAll(async () => {
    t = await testDatabase();
    const core = paymentsCore(t.uow, redis, TEST_MASTER_KEYS, sandbox);
    const primary = new PrimaryPayments(t.uow, core.vault, sandbox);
    const bank = new BankAccountVault(t.uow, core.dataKeys);
    plans = new PaymentPlansService(t.uow, core.access, primary, core.vault, bank);
    schedulers = Array.from(
      { length: 4 },
      () => new PlanChargesService(t.uow, core.access, primary, core.vault, bank),
    );
    ({ merchantId, principal } = await practiceWithOutlet(t.db, core.access));
    // Charged from midnight, in UTC: every plan starting today is due as soon as it exists.
    const m = await t.db.merchant.update({
      where: { merchantId },
      data: { planChargeHour: 0, timeZone: 'UTC' },
    });
    merchantRef = m.id;
  });
  afterAll(async () => {
    await t?.close();
    redis.disconnect();
  });

  const today = () => planClock({ timeZone: 'UTC', planChargeHour: 0 }).today;
  const input = (o: Partial<PaymentPlanInput> = {}): PaymentPlanInput => ({
    channel: 'REST',
    merchantId,
    storeId: '001',
    terminalId: '001',
    paymentPlanType: 'Installment',
    totalAmount: '100.00',
    installmentCount: '3',
    frequency: 'Monthly',
    startDate: today(),
    card: { cardNumber: '4111111111111111', cardExpiration: '12/30' },
    patient: { patientId: 'MRN-7', firstName: 'Ana', lastName: 'Lee' },
    ...o,
  });
  const merchant = async () => (await t.uow.read.planSchedule.merchant(merchantRef))!;

  it('creates a plan with an even split, the remainder cents on the last charge', async () => {
    const made = await plans.create(principal, input({ downPaymentAmount: '10.00' }));
    expect(made.declined).toBeNull();
    const d = made.detail!;
    expect(d.plan).toMatchObject({
      status: 'Active',
      totalAmount: '100.00',
      downPaymentAmount: '10.00',
      installmentAmount: '30.00',
      installmentCount: 3,
      amountPaid: '10.00',
      remainingBalance: '90.00',
      nextPaymentDate: today(),
    });
    expect(d.schedule.upcoming.map((u) => u.amount)).toEqual(['30.00', '30.00', '30.00']);
    expect(d.schedule.past).toMatchObject([{ sequence: 0, kind: 'DOWN_PAYMENT', status: 'APPROVED' }]);
    const split = await plans.create(principal, input({ totalAmount: '100.00', installmentCount: '3' }));
    expect(split.detail!.schedule.upcoming.map((u) => u.amount)).toEqual(['33.33', '33.33', '33.34']);
    const events = await t.db.outboxEvent.count({
      where: { merchantRef, eventType: 'PaymentPlanCreated' },
    });
    expect(events).toBe(2);
  });

  it('charges each due plan exactly once under 4 concurrent schedulers and replays', async () => {
    const created = await Promise.all(Array.from({ length: 30 }, () => plans.create(principal, input())));
    const ids = created.map((c) => c.detail!.plan.paymentPlanId);
    const m = await merchant();
    await Promise.all([...schedulers.map((s) => s.runDue()), ...schedulers.map((s) => s.runMerchant(m, 7))]);
    // A replayed job and a run started twice: nothing more to charge.
    const again = await Promise.all(schedulers.map((s) => s.runMerchant(m)));
    expect(again.every((r) => r.claimed === 0)).toBe(true);
    for (const id of ids) {
      const d = await plans.get(principal, id);
      expect(d.plan.installmentsPaid).toBe(1);
      expect(d.plan.amountPaid).toBe('33.33');
      expect(d.schedule.past.filter((c) => c.sequence === 1)).toHaveLength(1);
    }
    const uuids = ids.map((w) =>
      `${w.slice(0, 8)}-${w.slice(8, 12)}-${w.slice(12, 16)}-${w.slice(16, 20)}-${w.slice(20)}`.toLowerCase(),
    );
    const txns = await t.db.transaction.groupBy({
      by: ['paymentPlanRef', 'installmentSequence'],
      where: { paymentPlanRef: { in: uuids } },
      _count: true,
    });
    expect(txns).toHaveLength(uuids.length);
    expect(txns.every((g) => g._count === 1 && g.installmentSequence === 1)).toBe(true);
    const sample = await t.db.transaction.findFirstOrThrow({ where: { paymentPlanRef: uuids[0] } });
    expect(sample).toMatchObject({
      cardPresentStatus: 'NotPresentInstallment',
      channel: 'PLAN',
      installmentCount: 3,
    });
  });

  it('walks a plan to Completed with run-next, every installment counted to the cent', async () => {
    const made = await plans.create(principal, input({ totalAmount: '100.00', installmentCount: '3' }));
    const id = made.detail!.plan.paymentPlanId;
    const ref = (await t.db.paymentPlan.findMany({ orderBy: { createdAt: 'desc' }, take: 1 }))[0].id;
    const m = await merchant();
    // Four workers asking for the same next charge at once: one charge.
    const racing = await Promise.allSettled(schedulers.map((s) => s.chargeOne(m, ref, 'SCHEDULED')));
    expect(racing.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    await schedulers[0].chargeOne(m, ref, 'SCHEDULED');
    const last = await schedulers[1].chargeOne(m, ref, 'SCHEDULED');
    expect(last.amount).toBe('33.34');
    const d = await plans.get(principal, id);
    expect(d.plan).toMatchObject({
      status: 'Completed',
      amountPaid: '100.00',
      remainingBalance: '0.00',
      installmentsPaid: 3,
    });
    expect(d.schedule.upcoming).toEqual([]);
    const sum = await t.db.transaction.aggregate({
      where: { paymentPlanRef: ref },
      _sum: { amountCents: true },
    });
    expect(sum._sum.amountCents).toBe(10000n);
    await expect(schedulers[0].chargeOne(m, ref, 'SCHEDULED')).rejects.toThrow(/Completed/);
  });

  it('recovers a crash between the charge and its bookkeeping without a second charge', async () => {
    const made = await plans.create(principal, input());
    const ref = (await t.db.paymentPlan.findMany({ orderBy: { createdAt: 'desc' }, take: 1 }))[0].id;
    const m = await merchant();
    sandbox.dieAfterAnswer = true;
    await expect(schedulers[0].runMerchant(m)).rejects.toThrow(/worker killed/);
    sandbox.dieAfterAnswer = false;
    const pending = await t.db.paymentPlanCharge.findFirstOrThrow({
      where: { planRef: ref, status: 'PENDING' },
    });
    expect(await t.db.transaction.count({ where: { paymentPlanRef: ref } })).toBe(0);
    // Another worker, after the lease: the same claim, the same idempotency key, one charge.
    const tally = await schedulers[2].runDue({ leaseMs: 0 });
    expect(tally.resumed).toBeGreaterThanOrEqual(1);
    const txn = await t.db.transaction.findUniqueOrThrow({ where: { id: pending.id } });
    const calls = sandbox.byKey.get(pending.id)!;
    expect(calls).toHaveLength(2);
    expect(calls[1].reference).toBe(calls[0].reference);
    expect(txn.processorReference).toBe(calls[0].reference);
    expect(await t.db.transaction.count({ where: { paymentPlanRef: ref, installmentSequence: 1 } })).toBe(1);
    expect((await plans.get(principal, made.detail!.plan.paymentPlanId)).plan.installmentsPaid).toBe(1);
  });

  it('walks a soft-declining card through its retries to PastDue, and back to Active after a card change', async () => {
    const made = await plans.create(
      principal,
      input({ card: { cardNumber: '4000000000009995', cardExpiration: '12/30' } }),
    );
    const id = made.detail!.plan.paymentPlanId;
    const ref = (await t.db.paymentPlan.findMany({ orderBy: { createdAt: 'desc' }, take: 1 }))[0].id;
    const m = await merchant();
    const due = today();
    const plus = (n: number) =>
      new Date(Date.parse(`${due}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    const seen: (string | null)[] = [];
    const plan = (outcome: string) => paymentsCounted({ interface: 'plan', action: 'Sale', outcome });
    const [declinedBefore, approvedBefore] = [await plan('declined'), await plan('approved')];
    for (let i = 0; i < 4; i++) {
      const txn = await schedulers[i % 4].chargeOne(m, ref, 'SCHEDULED');
      expect(txn.responseCode).toBe('051');
      seen.push((await plans.get(principal, id)).plan.nextPaymentDate);
    }
    expect(seen).toEqual([plus(1), plus(3), plus(5), null]);
    const pastDue = await plans.get(principal, id);
    expect(pastDue.plan).toMatchObject({ status: 'PastDue', failedAttempts: 4, installmentsPaid: 0 });
    const changed = await plans.update(principal, id, {
      channel: 'REST',
      card: { cardNumber: '4111111111111111', cardExpiration: '12/30' },
    });
    expect(changed.plan.status).toBe('PastDue');
    expect(changed.plan.nextPaymentDate).toBe(planClock(m).nextRun);
    const ok = await schedulers[0].chargeOne(m, ref, 'SCHEDULED');
    expect(ok.status).toBe('C');
    const back = await plans.get(principal, id);
    expect(back.plan).toMatchObject({ status: 'Active', installmentsPaid: 1, failedAttempts: 0 });
    const attempts = back.schedule.past.filter((c) => c.sequence === 1).map((c) => c.status);
    expect(attempts).toEqual(['DECLINED', 'DECLINED', 'DECLINED', 'DECLINED', 'APPROVED']);
    // Each installment attempt is in the payments metric, as the transports' payments are.
    expect((await plan('declined')) - declinedBefore).toBe(4);
    expect((await plan('approved')) - approvedBefore).toBe(1);
  });

  it('pauses (nothing charged), resumes, cancels for good, and refuses what cannot be', async () => {
    const made = await plans.create(principal, input());
    const id = made.detail!.plan.paymentPlanId;
    const paused = await plans.pause(principal, id);
    expect(paused.plan).toMatchObject({ status: 'Paused', nextPaymentDate: null });
    const m = await merchant();
    await schedulers[0].runMerchant(m);
    expect((await plans.get(principal, id)).plan.installmentsPaid).toBe(0);
    await expect(plans.pause(principal, id)).rejects.toMatchObject({ code: 'ILLEGAL_STATE' });
    const resumed = await plans.resume(principal, id);
    expect(resumed.plan.status).toBe('Active');
    expect(resumed.plan.nextPaymentDate! > today()).toBe(true);
    const cancelled = await plans.cancel(principal, id);
    expect(cancelled.plan.status).toBe('Cancelled');
    await expect(plans.resume(principal, id)).rejects.toMatchObject({ code: 'ILLEGAL_STATE' });
    const audit = await t.db.auditLogEntry.findMany({
      where: { resource: 'payment-plan', resourceId: { not: null } },
      select: { action: true },
    });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'payment-plan.created',
        'payment-plan.paused',
        'payment-plan.resumed',
        'payment-plan.cancelled',
        'payment-plan.charged',
        'payment-plan.declined',
      ]),
    );
  });

  it('refuses a schedule that cannot be met, naming every field', async () => {
    await expect(
      plans.create(principal, input({ totalAmount: '0.02', installmentCount: '3', startDate: '2020-01-01' })),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: {
        fieldErrors: expect.arrayContaining([
          expect.objectContaining({ field: 'startDate' }),
          expect.objectContaining({ field: 'installmentCount' }),
        ]),
      },
    });
  });
});
