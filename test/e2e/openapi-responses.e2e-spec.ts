import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { chipRead } from '../support/emv';
import { OpenApiValidator } from './openapi-validator';
import { CARDS, FUTURE, rest, REST_OUTLET, restSale } from './payments-client';

type Txn = { TransactionID: string; TransactionStatus: string; PaymentMethodID?: string };
type Page = { Transactions: Txn[]; NextCursor: string | null };
type Plan = { PaymentPlanID: string };

const CARD = { CardNumber: CARDS.visa, Expiration: FUTURE, CVN: '123', CardHolderName: 'Pat Doe' };
const YEAR = new Date().getUTCFullYear() + 1;
const INFO = Object.fromEntries([1, 2, 3, 4, 5, 6].map((i) => [`AdditionalInfo${i}`, `info-${i}`]));

/**
 * The document describes what the platform really answers: each main REST flow's answers are
 * validated against the served document's schema for that operation and status, with every
 * object closed, so an undescribed field, a wrong type or a missing null fails here.
 */
describe('REST answers match the OpenAPI document', () => {
  let doc: OpenApiValidator;
  beforeAll(async () => {
    doc = await OpenApiValidator.load();
  });

  it('refuses what the newcomer found: an object cursor, a field the document does not describe', () => {
    const answer = (body: unknown) => ({
      status: 200,
      headers: new Headers({ 'content-type': 'application/json; charset=utf-8' }),
      body,
      text: JSON.stringify(body),
    });
    const list = (body: unknown) => () => doc.check('GET', '/rest/payment/transactions', answer(body));
    expect(list({ Transactions: [], NextCursor: null })).not.toThrow();
    expect(list({ Transactions: [], NextCursor: {} })).toThrow(/NextCursor/);
    expect(list({ Transactions: [], NextCursor: null, Shade: 'red' })).toThrow(/additionalProperty": "Shade/);
    expect(() => doc.check('GET', '/rest/payment/nowhere', answer({}))).toThrow(/not in the document/);
  });

  it('card payments: sale, authorization, capture, void, refund-simple, refund, declines', async () => {
    const patient = `P-${randomUUID().slice(0, 8)}`;
    const sale = doc.check<Txn>(
      'POST',
      '/rest/payment/sale',
      await restSale({
        ...INFO,
        Patient: { PatientID: patient, AccountNumber: 'MRN-1', FirstName: 'Pat', LastName: 'Doe' },
      }),
    );
    expect(sale.TransactionStatus).toBe('C');
    const partial = await restSale({ Amount: '25.10', AllowPartialPayment: true });
    expect(doc.check<Txn>('POST', '/rest/payment/sale', partial).TransactionStatus).toBe('C');
    const declined = await restSale({}, { CardNumber: CARDS.doNotHonor });
    expect(doc.check<Txn>('POST', '/rest/payment/sale', declined).TransactionStatus).toBe('D');

    const auth = doc.check<Txn>(
      'POST',
      '/rest/payment/authorization',
      await rest('POST', '/payment/authorization', { Outlet: REST_OUTLET, Amount: '40.00', Card: CARD }),
    );
    const capture = await rest('POST', '/payment/capture', {
      Outlet: REST_OUTLET,
      TransactionID: auth.TransactionID,
      Amount: '30.00',
    });
    expect(doc.check<Txn>('POST', '/rest/payment/capture', capture).TransactionStatus).toBe('C');
    const refund = await rest('POST', '/payment/refund-simple', {
      Outlet: REST_OUTLET,
      TransactionID: auth.TransactionID,
      Amount: '5.00',
    });
    doc.check('POST', '/rest/payment/refund-simple', refund);
    const other = doc.check<Txn>(
      'POST',
      '/rest/payment/authorization',
      await rest('POST', '/payment/authorization', { Outlet: REST_OUTLET, Amount: '12.00', Card: CARD }),
    );
    const voided = await rest('POST', '/payment/void', {
      Outlet: REST_OUTLET,
      TransactionID: other.TransactionID,
    });
    doc.check('POST', '/rest/payment/void', voided);
    // Unreferenced refunds are off by default: whatever the merchant's setting, the answer is documented.
    const cardRefund = await rest('POST', '/payment/refund', {
      Outlet: REST_OUTLET,
      Amount: '3.00',
      Card: CARD,
    });
    doc.check('POST', '/rest/payment/refund', cardRefund);

    const detail = await rest('GET', `/payment/transaction/${auth.TransactionID}`);
    expect(detail.status).toBe(200);
    doc.check('GET', '/rest/payment/transaction/{id}', detail);
    const saleDetail = await rest('GET', `/payment/transaction/${sale.TransactionID}`);
    expect(JSON.stringify(doc.check('GET', '/rest/payment/transaction/{id}', saleDetail))).toContain(
      'info-6',
    );
  });

  it('chip and contactless sales, with Card.EMV, and a cryptogram decline', async () => {
    const chip = (EntryMode: string, signed: number) =>
      rest('POST', '/payment/sale', {
        Outlet: REST_OUTLET,
        Amount: '25.00',
        Card: {
          EntryMode,
          EMVData: chipRead({ pan: CARDS.visaDebitPin, amountCents: signed, claimedCents: 2500, pin: true }),
        },
      });
    const approved = doc.check<Txn & { Card: { EMV: unknown } }>(
      'POST',
      '/rest/payment/sale',
      await chip('emv', 2500),
    );
    expect(approved.TransactionStatus).toBe('C');
    expect(approved.Card.EMV).toMatchObject({ CryptogramType: 'ARQC' });
    expect(doc.check<Txn>('POST', '/rest/payment/sale', await chip('nfc', 2500)).TransactionStatus).toBe('C');
    expect(doc.check<Txn>('POST', '/rest/payment/sale', await chip('emv', 1000)).TransactionStatus).toBe('D');
  });

  it('eCheck, SaveOnFile and a sale with the stored card', async () => {
    const check = await rest('POST', '/payment/sale', {
      Outlet: REST_OUTLET,
      Amount: '20.00',
      PaymentMethod: 'ECheck',
      ECheck: {
        RoutingNumber: '011000015',
        AccountNumber: '123456789',
        AccountType: 'Checking',
        CheckNumber: '1042',
      },
    });
    doc.check('POST', '/rest/payment/sale', check);
    const saved = doc.check<Txn>(
      'POST',
      '/rest/payment/paymentplan',
      await rest('POST', '/payment/paymentplan', {
        Outlet: REST_OUTLET,
        PaymentPlanType: 'SaveOnFile',
        Card: CARD,
      }),
    );
    expect(saved.TransactionStatus).toBe('O');
    const onFile = await rest('POST', '/payment/sale', {
      Outlet: REST_OUTLET,
      Amount: '9.00',
      PaymentMethod: 'OnFile',
      PaymentMethodID: saved.PaymentMethodID,
    });
    expect(doc.check<Txn>('POST', '/rest/payment/sale', onFile).TransactionStatus).toBe('C');
  });

  it('lists transactions page by page, the last page with a null cursor', async () => {
    const patient = `P-${randomUUID().slice(0, 8)}`;
    for (let i = 0; i < 3; i++) await restSale({ Patient: { PatientID: patient } });
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `PatientID=${patient}&Limit=2${cursor ? `&Cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = doc.check<Page>(
        'GET',
        '/rest/payment/transactions',
        await rest('GET', `/payment/transactions?${query}`),
      );
      cursor = page.NextCursor;
      pages++;
    } while (cursor && pages < 5);
    expect(pages).toBe(2);
  });

  it('payment plans: create, get, list, update, pause, resume, cancel', async () => {
    const patient = `P-${randomUUID().slice(0, 8)}`;
    const created = doc.check<Plan>(
      'POST',
      '/rest/payment/paymentplan',
      await rest('POST', '/payment/paymentplan', {
        Outlet: REST_OUTLET,
        PaymentPlanType: 'Installment',
        TotalAmount: '300.00',
        DownPaymentAmount: '50.00',
        InstallmentAmount: '100.00',
        Frequency: 'Monthly',
        StartDate: `${YEAR}-01-15`,
        DayOfMonth: 15,
        Card: CARD,
        Patient: { PatientID: patient, FirstName: 'Pat', LastName: 'Doe' },
        ...INFO,
      }),
    );
    expect(created.PaymentPlanID).toMatch(/^[0-9A-F]{32}$/);
    const id = created.PaymentPlanID;
    doc.check('GET', '/rest/payment/paymentplan/{id}', await rest('GET', `/payment/paymentplan/${id}`));
    const page = await rest('GET', `/payment/paymentplans?PatientID=${patient}`);
    expect(
      doc.check<{ NextCursor: string | null }>('GET', '/rest/payment/paymentplans', page).NextCursor,
    ).toBeNull();
    const recurring = await rest('POST', '/payment/paymentplan', {
      Outlet: REST_OUTLET,
      PaymentPlanType: 'Recurring',
      InstallmentAmount: '20.00',
      Frequency: 'Weekly',
      StartDate: `${YEAR}-02-01`,
      EndDate: `${YEAR}-06-01`,
      Card: CARD,
    });
    doc.check('POST', '/rest/payment/paymentplan', recurring);
    const update = await rest('POST', `/payment/paymentplan/${id}/update`, { InstallmentAmount: '125.00' });
    doc.check('POST', '/rest/payment/paymentplan/{id}/update', update);
    for (const verb of ['pause', 'resume', 'cancel']) {
      const res = await rest('POST', `/payment/paymentplan/${id}/${verb}`);
      expect(res.status, res.text).toBe(200);
      doc.check('POST', `/rest/payment/paymentplan/{id}/${verb}`, res);
    }
  });

  it('a declined down payment answers without a plan', async () => {
    const res = await rest('POST', '/payment/paymentplan', {
      Outlet: REST_OUTLET,
      PaymentPlanType: 'Installment',
      TotalAmount: '300.00',
      DownPaymentAmount: '50.00',
      InstallmentCount: 2,
      Frequency: 'Monthly',
      StartDate: `${YEAR}-03-15`,
      Card: { ...CARD, CardNumber: CARDS.doNotHonor },
    });
    const body = doc.check<Record<string, unknown>>('POST', '/rest/payment/paymentplan', res);
    expect(body.PaymentPlanID).toBeUndefined();
  });

  it('single sign-on: create a token and poll it', async () => {
    const created = await rest('POST', '/sso/token', {
      Outlet: REST_OUTLET,
      Amount: '10.00',
      Patient: { PatientID: 'P-10' },
    });
    const token = doc.check<{ Token: string }>('POST', '/rest/sso/token', created).Token;
    const status = await rest('GET', `/sso/token/${token}/status`);
    expect(doc.check<{ Status: string }>('GET', '/rest/sso/token/{token}/status', status).Status).toBe('NEW');
  });

  it('errors: 400 with every field, 401, 404, 409', async () => {
    const invalid = await rest('POST', '/payment/sale', { Outlet: {}, Colour: 'red' });
    expect(invalid.status).toBe(400);
    doc.check('POST', '/rest/payment/sale', invalid);
    const badPlan = await rest('POST', '/payment/paymentplan', { PaymentPlanType: 'Installment', Shade: 1 });
    expect(badPlan.status).toBe(400);
    doc.check('POST', '/rest/payment/paymentplan', badPlan);
    const badSso = await rest('POST', '/sso/token', { Outlet: REST_OUTLET, Hue: 1 });
    expect(badSso.status).toBe(400);
    doc.check('POST', '/rest/sso/token', badSso);
    const anonymous = await rest('GET', '/payment/transactions', undefined, { keys: null });
    expect(anonymous.status).toBe(401);
    doc.check('GET', '/rest/payment/transactions', anonymous);
    const missing = await rest('GET', `/payment/transaction/${'0'.repeat(32)}`);
    expect(missing.status).toBe(404);
    doc.check('GET', '/rest/payment/transaction/{id}', missing);
    const noPlan = await rest('GET', `/payment/paymentplan/${'0'.repeat(32)}`);
    expect(noPlan.status).toBe(404);
    doc.check('GET', '/rest/payment/paymentplan/{id}', noPlan);
    const key = { 'idempotency-key': `openapi-${randomUUID()}` };
    const first = doc.check<Txn>('POST', '/rest/payment/sale', await restSaleWith(key, '11.00'));
    const conflict = await restSaleWith(key, '12.00');
    expect(conflict.status).toBe(409);
    expect(doc.check<Txn>('POST', '/rest/payment/sale', conflict).TransactionID).toBe(first.TransactionID);
  });
});

function restSaleWith(headers: Record<string, string>, amount: string) {
  return rest('POST', '/payment/sale', { Outlet: REST_OUTLET, Amount: amount, Card: CARD }, { headers });
}
