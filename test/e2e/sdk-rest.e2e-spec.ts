import { describe, expect, inject, it } from 'vitest';
import { Conduit, ConduitError, parseSwipe, type Transaction } from '@conduit-payments/sdk';
import { CARDS, FUTURE } from './payments-client';
import { CARD, conduit, OUTLET, patientId, saleOf, transactionsOf } from './sdk-client';

const YEAR = new Date().getUTCFullYear() + 1;

/** The SDK's REST resources against the started platform (sdk.md "Typed REST resources"). */
describe('SDK: REST payments, transactions and payment plans', () => {
  const sdk = conduit();

  it('takes a sale, and answers a decline as a result rather than an error', async () => {
    const sale = await sdk.payments.sale(saleOf(patientId()));
    expect(sale).toMatchObject({ TransactionStatus: 'C', ResponseCode: '000', Amount: '25.00' });
    expect(sale.Card).toMatchObject({ LastFour: '1111', Brand: 'VISA' });
    const declined = await sdk.payments.sale(
      saleOf(patientId(), { Card: { ...CARD, CardNumber: CARDS.doNotHonor } }),
    );
    expect(declined).toMatchObject({ TransactionStatus: 'D', ResponseCode: '005' });
  });

  it('authorizes, captures part, refunds part and voids, reading the family back', async () => {
    const auth = await sdk.payments.authorize(saleOf(patientId(), { Amount: '40.00' }));
    expect(auth.TransactionStatus).toBe('A');
    const capture = await sdk.payments.capture({
      Outlet: OUTLET,
      TransactionID: auth.TransactionID,
      Amount: '30.00',
    });
    expect(capture).toMatchObject({ ResponseCode: '000', PrimaryTransactionID: auth.TransactionID });
    const refund = await sdk.payments.simpleRefund({
      Outlet: OUTLET,
      TransactionID: auth.TransactionID,
      Amount: '5.00',
    });
    expect(refund.ResponseCode).toBe('000');
    const detail = await sdk.transactions.get(auth.TransactionID);
    expect(detail.TransactionID).toBe(auth.TransactionID);
    expect(detail.SecondaryTransactions.map((s) => s.TransactionAction).sort()).toEqual([
      'Capture',
      'SimpleRefund',
    ]);
    const other = await sdk.payments.authorize(saleOf(patientId()));
    const voided = await sdk.payments.void({ Outlet: OUTLET, TransactionID: other.TransactionID });
    expect(voided.ResponseCode).toBe('000');
    expect((await sdk.transactions.get(other.TransactionID)).TransactionStatus).toBe('V');
  });

  it('saves a card on file and charges it', async () => {
    const saved = await sdk.payments.saveOnFile({ Outlet: OUTLET, Card: CARD });
    expect(saved).toMatchObject({ TransactionAction: 'SaveOnFile', TransactionStatus: 'O' });
    expect(saved.PaymentMethodID).toMatch(/^[0-9A-F]{32}$/);
    const charged = await sdk.payments.sale({
      Outlet: OUTLET,
      Amount: '12.00',
      PaymentMethod: 'OnFile',
      PaymentMethodID: saved.PaymentMethodID,
    });
    expect(charged).toMatchObject({ ResponseCode: '000', Amount: '12.00' });
  });

  it('takes a keyboard-wedge swipe as parseSwipe reads it', async () => {
    const yy = String((new Date().getUTCFullYear() + 2) % 100).padStart(2, '0');
    const swipe = parseSwipe(
      `%B${CARDS.mastercard}^DOE/PAT^${yy}121010000000000?;${CARDS.mastercard}=${yy}121010000000?\r\n`,
    );
    expect(swipe).toMatchObject({ lastFour: '0004', expirationMonth: 12, holderName: 'PAT DOE' });
    const sale = await sdk.payments.sale({
      Outlet: OUTLET,
      Amount: '8.00',
      Card: { EntryMode: 'swipe', TrackData: swipe.trackData },
    });
    expect(sale).toMatchObject({ ResponseCode: '000' });
    expect(sale.Card).toMatchObject({
      LastFour: swipe.lastFour,
      ExpirationMonth: swipe.expirationMonth,
      ExpirationYear: swipe.expirationYear,
      EntryMode: 'Swiped',
    });
  });

  it('walks every page of a list with for await, and the pages themselves', async () => {
    const patient = patientId();
    const made: string[] = [];
    for (let i = 0; i < 5; i++)
      made.push((await sdk.payments.sale(saleOf(patient, { Amount: `${i + 1}.00` }))).TransactionID);
    const seen: Transaction[] = [];
    for await (const t of sdk.transactions.list({ PatientID: patient, Limit: 2 })) seen.push(t);
    expect(seen.map((t) => t.TransactionID)).toEqual([...made].reverse());
    const pages = [];
    for await (const page of sdk.transactions.list({ PatientID: patient, Limit: 2 }).pages())
      pages.push(page.Transactions.length);
    expect(pages).toEqual([2, 2, 1]);
  });

  it('sends one Idempotency-Key per call: the same key twice replays, charging once', async () => {
    const patient = patientId();
    const key = `sdk-${patient}`;
    const first = await sdk.payments.sale(saleOf(patient), { idempotencyKey: key });
    const again = await sdk.payments.sale(saleOf(patient), { idempotencyKey: key });
    expect(again.TransactionID).toBe(first.TransactionID);
    // Without a key of the caller's, each call is its own payment.
    await sdk.payments.sale(saleOf(patient));
    expect(await transactionsOf(patient)).toHaveLength(2);
  });

  it('throws one error class with status, code, reference number and the invalid fields', async () => {
    const err = (await sdk.payments
      .sale({ Outlet: OUTLET, Amount: '-1', Card: { ...CARD, CardNumber: CARDS.luhnFails } })
      .catch((e: unknown) => e)) as ConduitError;
    expect(err).toBeInstanceOf(ConduitError);
    expect(err).toMatchObject({ status: 400, code: 'invalid_request' });
    expect(err.referenceNumber).toBeTruthy();
    expect(err.errors.length).toBeGreaterThan(0);
    expect(err.errors.map((e) => e.field).join(' ')).toMatch(/Amount|Card/);
    expect(JSON.stringify(err)).not.toContain(CARDS.luhnFails);
    const unknown = await sdk.transactions.get('0'.repeat(32)).catch((e: unknown) => e);
    expect(unknown).toMatchObject({ status: 404, code: 'not_found' });
    const wrongKey = new Conduit({ baseUrl: inject('apiUrl'), apiKey: 'ak_x', apiSecret: 'sk_x' });
    await expect(wrongKey.transactions.get('0'.repeat(32))).rejects.toMatchObject({
      status: 401,
      code: 'authentication_failed',
    });
  });

  it('creates, reads, lists, updates, pauses, resumes and cancels a payment plan', async () => {
    const patient = patientId();
    const created = await sdk.paymentPlans.create({
      Outlet: OUTLET,
      PaymentPlanType: 'Installment',
      TotalAmount: '300.00',
      InstallmentAmount: '110.00',
      Frequency: 'Monthly',
      StartDate: `${YEAR}-01-15`,
      DayOfMonth: 15,
      PaymentMethod: 'Card',
      Card: { CardNumber: CARDS.visa, Expiration: FUTURE, CVN: '123', CardHolderName: 'Pat Doe' },
      Patient: { PatientID: patient, FirstName: 'Pat', LastName: 'Doe' },
    });
    expect(created).toMatchObject({ Status: 'Active', PaymentPlanType: 'Installment' });
    // A declined down payment answers no PaymentPlanID; this one was approved.
    expect(created.PaymentPlanID).toMatch(/^[0-9A-F]{32}$/);
    const id = String(created.PaymentPlanID);
    expect((await sdk.paymentPlans.get(id)).Schedule.Upcoming.length).toBeGreaterThan(0);
    const listed = [];
    for await (const plan of sdk.paymentPlans.list({ PatientID: patient })) listed.push(plan.PaymentPlanID);
    expect(listed).toEqual([id]);
    expect((await sdk.paymentPlans.update(id, { InstallmentAmount: '150.00' })).InstallmentAmount).toBe(
      '150.00',
    );
    expect((await sdk.paymentPlans.pause(id)).Status).toBe('Paused');
    expect((await sdk.paymentPlans.resume(id)).Status).toBe('Active');
    expect((await sdk.paymentPlans.cancel(id)).Status).toBe('Cancelled');
    await expect(sdk.paymentPlans.resume(id)).rejects.toMatchObject({ status: 409, code: 'conflict' });
  });
});
