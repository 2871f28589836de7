import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CARDS, expectNvpError, FUTURE, HARBOR_NVP, LAKESIDE_OUTLET, nvp } from './payments-client';

const YEAR = new Date().getUTCFullYear() + 1;

function createPlan(extra: Record<string, string | number> = {}, headers: Record<string, string> = {}) {
  return nvp(
    {
      ...LAKESIDE_OUTLET,
      transactionAction: 'CreatePaymentPlan',
      paymentPlanType: 'Installment',
      totalAmount: '250.00',
      installmentAmount: '100.00',
      frequency: 'Monthly',
      startDate: `${YEAR}-01-31`,
      dayOfMonth: 31,
      transactionType: 'CreditCard',
      cardNumber: CARDS.visa,
      cardExpiration: FUTURE,
      patientID: 'P-NVP-1',
      patientFirstName: 'Ana',
      patientLastName: 'Lee',
      additionalInfo2: 'ref-2',
      ...extra,
    },
    { headers },
  );
}

const lastDayOfFeb = (y: number) => (new Date(Date.UTC(y, 2, 0)).getUTCDate() === 29 ? '29' : '28');

describe('NVP payment plans', () => {
  it('creates an installment plan with its schedule flattened, then views it', async () => {
    const res = await createPlan();
    expect(res.status).toBe(200);
    const f = res.fields;
    expect(f).toMatchObject({
      responseCode: '000',
      responseMessage: 'Success',
      paymentPlanType: 'Installment',
      status: 'Active',
      merchantID: LAKESIDE_OUTLET.merchantID,
      storeID: '001',
      terminalID: '002',
      cardBrand: 'VISA',
      lastFourDigits: '1111',
      patientID: 'P-NVP-1',
      patientFirstName: 'Ana',
      patientLastName: 'Lee',
      additionalInfo2: 'ref-2',
      totalAmount: '250.00',
      installmentAmount: '100.00',
      installmentCount: '3',
      frequency: 'Monthly',
      dayOfMonth: '31',
      nextPaymentDate: `${YEAR}-01-31`,
      installmentsPaid: '0',
      amountPaid: '0.00',
      remainingBalance: '250.00',
      failedAttempts: '0',
      pastChargeCount: '0',
      upcomingChargeCount: '3',
      upcomingCharge1Sequence: '1',
      upcomingCharge1Date: `${YEAR}-01-31`,
      upcomingCharge1Amount: '100.00',
      // A month without the 31st charges on its last day.
      upcomingCharge2Date: `${YEAR}-02-${lastDayOfFeb(YEAR)}`,
      upcomingCharge2Amount: '100.00',
      upcomingCharge3Date: `${YEAR}-03-31`,
      upcomingCharge3Amount: '50.00',
      // The card is checked and vaulted with the plan: no transaction until the first charge.
      transactionCount: '0',
    });
    expect(f.paymentPlanID).toMatch(/^[0-9A-F]{32}$/);
    expect(f.paymentMethodID).toMatch(/^[0-9A-F]{32}$/);
    expect(res.text).not.toContain(CARDS.visa);

    const view = await nvp({ transactionAction: 'ViewPaymentPlan', paymentPlanID: f.paymentPlanID });
    const { transactionCount, ...same } = f;
    void transactionCount;
    expect(view.fields).toEqual(same);
  });

  it('lists past charges with their transactions after a down payment', async () => {
    const res = await createPlan({ downPaymentAmount: '40.00', installmentAmount: '', installmentCount: 2 });
    expect(res.fields).toMatchObject({
      amountPaid: '40.00',
      remainingBalance: '210.00',
      pastChargeCount: '1',
      pastCharge1Sequence: '0',
      pastCharge1Kind: 'DOWN_PAYMENT',
      pastCharge1Amount: '40.00',
      pastCharge1Status: 'APPROVED',
      upcomingCharge1Amount: '105.00',
      upcomingCharge2Amount: '105.00',
      transactionCount: '1',
      transaction1Action: 'Sale',
      transaction1Status: 'C',
      transaction1Amount: '40.00',
    });
    expect(res.fields.pastCharge1TransactionID).toBe(res.fields.transaction1ID);
  });

  it('answers a declined down payment with its response code and no plan', async () => {
    const res = await createPlan({ cardNumber: CARDS.doNotHonor, downPaymentAmount: '10.00' });
    expect(res.status).toBe(200);
    expect(res.fields.responseCode).not.toBe('000');
    expect(res.fields.paymentPlanID).toBeUndefined();
    expect(res.fields).toMatchObject({ transactionCount: '1', transaction1Status: 'D' });
  });

  it('updates, pauses, resumes and cancels; an illegal move is a 409', async () => {
    const id = (await createPlan()).fields.paymentPlanID;
    const act = (action: string, extra: Record<string, string> = {}) =>
      nvp({ transactionAction: action, paymentPlanID: id, ...extra });
    const updated = await act('UpdatePaymentPlan', { installmentAmount: '125.00' });
    expect(updated.fields).toMatchObject({
      installmentAmount: '125.00',
      installmentCount: '2',
      upcomingChargeCount: '2',
      upcomingCharge2Amount: '125.00',
    });
    expect((await act('PausePaymentPlan')).fields.status).toBe('Paused');
    expect((await act('ResumePaymentPlan')).fields.status).toBe('Active');
    expect((await act('CancelPaymentPlan')).fields.status).toBe('Cancelled');
    expect(expectNvpError(await act('PausePaymentPlan'), 409)).toMatch(/cancel/i);
  });

  it('names every bad field in NVP spelling', async () => {
    const res = await createPlan({ totalAmount: 'lots', frequency: 'Daily', startDate: '2020-01-01' });
    expect(expectNvpError(res, 400)).toMatch(/totalAmount/);
    expect(res.fields.errorMessage).toMatch(/frequency/);
    expect(res.fields.errorMessage).toMatch(/startDate/);
  });

  it('lists plans with a cursor and hides them from another tenant', async () => {
    const patient = `P-${randomUUID().slice(0, 8)}`;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await createPlan({ patientID: patient })).fields.paymentPlanID);
    const first = await nvp({ transactionAction: 'ListPaymentPlans', patientID: patient, limit: 2 });
    expect(first.fields).toMatchObject({
      responseCode: '000',
      paymentPlanCount: '2',
      paymentPlan1ID: ids[2],
      paymentPlan2ID: ids[1],
      paymentPlan1PatientID: patient,
      paymentPlan1Status: 'Active',
    });
    const second = await nvp({
      transactionAction: 'ListPaymentPlans',
      patientID: patient,
      limit: 2,
      cursor: first.fields.nextCursor,
    });
    expect(second.fields).toMatchObject({ paymentPlanCount: '1', paymentPlan1ID: ids[0] });
    expect(second.fields.nextCursor).toBeUndefined();

    const theirs = await nvp(
      { transactionAction: 'ViewPaymentPlan', paymentPlanID: ids[0] },
      { auth: HARBOR_NVP },
    );
    const none = await nvp(
      { transactionAction: 'ViewPaymentPlan', paymentPlanID: 'F'.repeat(32) },
      { auth: HARBOR_NVP },
    );
    expect(expectNvpError(theirs, 404)).toBe(expectNvpError(none, 404));
    const list = await nvp(
      { transactionAction: 'ListPaymentPlans', patientID: patient },
      { auth: HARBOR_NVP },
    );
    expect(list.fields.paymentPlanCount).toBe('0');
  });

  it('replays a creation under the same Idempotency-Key', async () => {
    const key = randomUUID();
    const first = await createPlan({}, { 'idempotency-key': key });
    const again = await createPlan({}, { 'idempotency-key': key });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.text).toBe(first.text);
  });
});
