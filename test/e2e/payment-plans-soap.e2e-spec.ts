import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { DEMO } from './client';
import { CARDS, FUTURE } from './payments-client';
import { zeep } from './zeep-client';

const OUTLET = { merchantID: DEMO.lakeside.merchantId, storeID: '001', terminalID: '002' };
const YEAR = new Date().getUTCFullYear() + 1;
const SERVICE = '/payment/service.asmx';

type Charge = Record<string, string>;
type PlanOut = Record<string, unknown> & {
  paymentPlanID: string;
  PastCharge: Charge[];
  UpcomingCharge: Charge[];
  Transaction: Charge[];
};

const terms = (patientID: string) => ({
  ...OUTLET,
  paymentPlanType: 'Installment',
  totalAmount: '200.00',
  installmentAmount: '75.00',
  frequency: 'Weekly',
  startDate: `${YEAR}-01-04`,
  cardNumber: CARDS.visa,
  cardExpiration: FUTURE,
  downPaymentAmount: '20.00',
  patientID,
  patientFirstName: 'Sam',
  patientLastName: 'Roe',
});

const plus = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('the WSDL declares the plan operations for both bindings', () => {
  it('with repeated PastCharge and UpcomingCharge elements', async () => {
    const wsdl = await (await fetch(`${inject('apiUrl')}${SERVICE}?wsdl`)).text();
    for (const op of ['Create', 'View', 'Update', 'Pause', 'Resume', 'Cancel', 'List'])
      expect(wsdl.match(new RegExp(`<wsdl:operation name="${op}PaymentPlans?">`, 'g'))).toHaveLength(3);
    expect(wsdl).toContain(
      '<s:element name="PastCharge" type="tns:PlanPastCharge" minOccurs="0" maxOccurs="unbounded"/>',
    );
    expect(wsdl).toContain(
      '<s:element name="UpcomingCharge" type="tns:PlanUpcomingCharge" minOccurs="0" maxOccurs="unbounded"/>',
    );
  });
});

describe.each([
  ['SOAP 1.1', false],
  ['SOAP 1.2', true],
])('payment plans with python3-zeep (%s)', (_label, soap12) => {
  it('creates, views, updates, pauses, resumes, cancels and lists a plan', () => {
    const patient = `P-${randomUUID().slice(0, 8)}`;
    const [created, declined, invalid] = zeep(SERVICE, soap12, [
      { op: 'CreatePaymentPlan', args: { Request: terms(patient) } },
      { op: 'CreatePaymentPlan', args: { Request: { ...terms(patient), cardNumber: CARDS.doNotHonor } } },
      { op: 'CreatePaymentPlan', args: { Request: { ...terms(patient), frequency: 'Daily' } } },
    ]) as [PlanOut, PlanOut, { fault: string }];
    expect(created).toMatchObject({
      responseCode: '000',
      paymentPlanType: 'Installment',
      status: 'Active',
      merchantID: OUTLET.merchantID,
      cardBrand: 'VISA',
      lastFourDigits: '1111',
      patientID: patient,
      totalAmount: '200.00',
      downPaymentAmount: '20.00',
      installmentAmount: '75.00',
      installmentCount: '3',
      amountPaid: '20.00',
      remainingBalance: '180.00',
      nextPaymentDate: `${YEAR}-01-04`,
    });
    expect(created.paymentPlanID).toMatch(/^[0-9A-F]{32}$/);
    expect(created.PastCharge).toMatchObject([{ sequence: '0', kind: 'DOWN_PAYMENT', status: 'APPROVED' }]);
    expect(created.UpcomingCharge).toEqual([
      { sequence: '1', date: `${YEAR}-01-04`, amount: '75.00' },
      { sequence: '2', date: plus(`${YEAR}-01-04`, 7), amount: '75.00' },
      { sequence: '3', date: plus(`${YEAR}-01-04`, 14), amount: '30.00' },
    ]);
    // The card is checked and vaulted with the plan (no $0 verification): the down payment only.
    expect(created.Transaction.map((t) => [t.transactionAction, t.transactionStatus])).toEqual([
      ['Sale', 'C'],
    ]);
    expect(created.PastCharge[0].transactionID).toBe(created.Transaction[0].transactionID);
    expect(declined.paymentPlanID).toBeUndefined();
    expect(declined.responseCode).not.toBe('000');
    expect(declined.Transaction).toMatchObject([{ transactionStatus: 'D' }]);
    expect(invalid.fault).toMatch(/frequency/);

    const id = { paymentPlanID: created.paymentPlanID };
    const [view, updated, paused, resumed, cancelled, illegal, list] = zeep(SERVICE, soap12, [
      { op: 'ViewPaymentPlan', args: { Request: id } },
      { op: 'UpdatePaymentPlan', args: { Request: { ...id, installmentAmount: '90.00' } } },
      { op: 'PausePaymentPlan', args: { Request: id } },
      { op: 'ResumePaymentPlan', args: { Request: id } },
      { op: 'CancelPaymentPlan', args: { Request: id } },
      { op: 'ResumePaymentPlan', args: { Request: id } },
      { op: 'ListPaymentPlans', args: { Request: { patientID: patient } } },
    ]) as PlanOut[];
    const { Transaction, ...plan } = created;
    void Transaction;
    expect(view).toEqual({ ...plan, Transaction: [] });
    expect(updated).toMatchObject({ installmentAmount: '90.00', installmentCount: '2' });
    expect(updated.UpcomingCharge.map((u) => u.amount)).toEqual(['90.00', '90.00']);
    expect(paused.status).toBe('Paused');
    expect(resumed.status).toBe('Active');
    expect(cancelled.status).toBe('Cancelled');
    expect(illegal.fault).toMatch(/cancel/i);
    expect(list).toMatchObject({
      responseCode: '000',
      PaymentPlan: [{ paymentPlanID: created.paymentPlanID, status: 'Cancelled', patientID: patient }],
    });
  }, 120_000);

  it("answers another tenant's plan as not found", () => {
    const [created] = zeep(SERVICE, soap12, [
      { op: 'CreatePaymentPlan', args: { Request: terms('P-SOAP-T') } },
    ]) as PlanOut[];
    const [theirs, none] = zeep(
      SERVICE,
      soap12,
      [
        { op: 'ViewPaymentPlan', args: { Request: { paymentPlanID: created.paymentPlanID } } },
        { op: 'CancelPaymentPlan', args: { Request: { paymentPlanID: 'A'.repeat(32) } } },
      ],
      DEMO.harbor.account,
    );
    expect(theirs.fault).toBeTruthy();
    expect(theirs.fault).toBe(none.fault);
  }, 60_000);
});
