import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, verifySignature, type Receiver } from '../support/webhook-receiver';
import { as, call } from './client';
import { CARDS, FUTURE, nvp } from './payments-client';
import { createEndpoint, freshMerchant } from './webhooks-client';

/** The merchant-local date (a fresh merchant keeps the default zone, America/New_York). */
const localToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());

/** A plan's life reaches the merchant's receiver: PaymentPlanCreated, each charge, PaymentPlanUpdated. */
describe('payment plan webhooks to a real receiver', () => {
  let admin: string;
  let receiver: Receiver;

  beforeAll(async () => {
    admin = await as.lakesideAdmin();
    receiver = await startReceiver();
  });
  afterAll(() => receiver.close());

  it('posts the plan events and the charges with the plan fields, signed', async () => {
    const merchantId = await freshMerchant(admin);
    const endpoint = await createEndpoint(admin, {
      merchantId,
      url: receiver.url('/plans'),
      format: 'JSON',
    });
    const created = await nvp({
      merchantID: merchantId,
      storeID: '001',
      terminalID: '001',
      transactionAction: 'CreatePaymentPlan',
      paymentPlanType: 'Installment',
      totalAmount: '60.00',
      downPaymentAmount: '10.00',
      installmentCount: '2',
      frequency: 'Monthly',
      startDate: localToday(),
      cardNumber: CARDS.visa,
      cardExpiration: FUTURE,
      patientID: 'P-PLAN-WH',
      patientFirstName: 'Ana',
      patientLastName: 'Lee',
    });
    expect(created.status, created.text).toBe(200);
    const planId = created.fields.paymentPlanID;
    expect(planId).toMatch(/^[0-9A-F]{32}$/);
    const run = await call<{ transaction: { transactionId: string; amount: string } }>(
      'POST',
      `/admin/api/payment-plans/${planId}/run-next`,
      { token: admin },
    );
    expect(run.status, run.text).toBeLessThan(300);
    expect(run.body.transaction.amount).toBe('25.00');

    // Creation raises PaymentPlanCreated and the down payment's Approved; the run-next charge
    // raises its Approved and the plan's PaymentPlanUpdated.
    const requests = await receiver.waitFor(4, { pathPrefix: '/plans', timeoutMs: 20_000 });
    for (const r of requests) expect(verifySignature(r, endpoint.signingSecret as string)).toBe(true);
    const events = requests.map((r) => receiver.parse(r));
    const byType = (type: string) => events.filter((e) => e.EventType === type);
    expect(byType('PaymentPlanCreated')).toHaveLength(1);
    expect(byType('PaymentPlanCreated')[0]).toMatchObject({
      PaymentPlanID: planId,
      PaymentPlanTransactionType: 'Installment',
      PaymentPlanStatus: 'Active',
      InstallmentCount: '2',
      TotalAmount: '60.00',
      AmountPaid: '10.00',
      MerchantID: merchantId,
      PatientID: 'P-PLAN-WH',
      CardLastFourDigits: '************1111',
    });
    const charges = byType('Approved').sort((a, b) =>
      String(a.InstallmentSequenceNumber).localeCompare(String(b.InstallmentSequenceNumber)),
    );
    expect(
      charges.map((c) => [c.InstallmentSequenceNumber, c.Amount, c.PaymentPlanID, c.InstallmentCount]),
    ).toEqual([
      ['0', '10.00', planId, '2'],
      ['1', '25.00', planId, '2'],
    ]);
    expect(charges[1]).toMatchObject({
      PaymentPlanTransactionType: 'Installment',
      PaymentTransactionID: run.body.transaction.transactionId,
    });
    const updated = byType('PaymentPlanUpdated');
    expect(updated).toHaveLength(1);
    expect(updated[0]).toMatchObject({
      PaymentPlanID: planId,
      PaymentPlanChange: 'Charged',
      InstallmentSequenceNumber: '1',
      InstallmentsPaid: '1',
      AmountPaid: '35.00',
      RemainingBalance: '25.00',
      PaymentTransactionID: run.body.transaction.transactionId,
    });
    expect(JSON.stringify(events)).not.toContain(CARDS.visa);
  });
});
