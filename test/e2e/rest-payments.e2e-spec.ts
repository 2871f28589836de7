import { describe, expect, it } from 'vitest';
import { CARDS, expectRestError, FUTURE, HARBOR_KEY, rest, REST_OUTLET, restSale } from './payments-client';

type Txn = Record<string, unknown> & {
  TransactionID: string;
  TransactionStatus: string;
  ResponseCode: string;
  Card?: Record<string, unknown>;
};

describe('REST payments', () => {
  it('approves a sale in the response shape of rest.md', async () => {
    const res = await restSale({
      Patient: { AccountNumber: 'MRN-1001', FirstName: 'Pat', LastName: 'Doe' },
      AdditionalInfo1: 'INV-2231',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      TransactionStatus: 'C',
      ResponseCode: '000',
      ResponseMessage: 'APPROVED',
      Amount: '25.00',
      RequestAmount: '25.00',
      IsPartiallyApproved: false,
      Card: { Brand: 'VISA', BIN: '411111', LastFour: '1111', ExpirationMonth: 12, EntryMode: 'Keyed' },
      Patient: { AccountNumber: 'MRN-1001', FirstName: 'Pat', LastName: 'Doe' },
      AdditionalInfo1: 'INV-2231',
    });
    expect(res.body.TransactionID).toMatch(/^[0-9A-F]{32}$/);
    expect(res.body.AuthorizationNumber).toMatch(/^[A-Z0-9]{6}$/);
    expect(res.text).not.toContain(CARDS.visa);
  });

  it('matches field names case-insensitively and refuses unknown ones', async () => {
    const res = await rest('POST', '/payment/sale', {
      outlet: { merchantid: REST_OUTLET.MerchantID, storeid: '001', TERMINALID: '002' },
      AMOUNT: '2.00',
      card: { cardnumber: CARDS.amex, expiration: FUTURE },
    });
    expect((res.body as Txn).Card).toMatchObject({ Brand: 'AMEX' });
    const unknown = expectRestError(await restSale({ Colour: 'red' }), 400);
    expect(unknown.Errors).toEqual([{ Field: 'Colour', Message: 'Colour is not a known field' }]);
  });

  it('runs authorization, capture, refund-simple and void through REST', async () => {
    const auth = await restSale({}, {}).then(() =>
      rest<Txn>('POST', '/payment/authorization', {
        Outlet: REST_OUTLET,
        Amount: '40.00',
        Card: { CardNumber: CARDS.mastercard, Expiration: FUTURE },
      }),
    );
    expect(auth.body.TransactionStatus).toBe('A');
    const cap = await rest<Txn>('POST', '/payment/capture', {
      Outlet: REST_OUTLET,
      TransactionID: auth.body.TransactionID,
      Amount: '30.00',
    });
    expect(cap.body).toMatchObject({
      TransactionStatus: 'C',
      Amount: '30.00',
      PrimaryTransactionID: auth.body.TransactionID,
      PrimaryTransactionStatus: 'C',
    });
    const refund = await rest<Txn>('POST', '/payment/refund-simple', {
      Outlet: REST_OUTLET,
      TransactionID: auth.body.TransactionID,
      Amount: '10.00',
    });
    expect(refund.body).toMatchObject({
      TransactionStatus: 'C',
      Amount: '10.00',
      PrimaryTransactionStatus: 'C',
    });
    // A refund stands, so the capture can no longer be voided (decision 0020).
    const refusedVoid = await rest('POST', '/payment/void', {
      Outlet: REST_OUTLET,
      TransactionID: auth.body.TransactionID,
    });
    expect(expectRestError(refusedVoid, 409).ErrorMessage).toMatch(/partly refunded \(10\.00\)/);
    const other = await rest<Txn>('POST', '/payment/authorization', {
      Outlet: REST_OUTLET,
      Amount: '15.00',
      Card: { CardNumber: CARDS.mastercard, Expiration: FUTURE },
    });
    const voided = await rest<Txn>('POST', '/payment/void', {
      Outlet: REST_OUTLET,
      TransactionID: other.body.TransactionID,
    });
    expect(voided.body.PrimaryTransactionStatus).toBe('V');
    const one = await rest<Txn & { SecondaryTransactions: Txn[] }>(
      'GET',
      `/payment/transaction/${auth.body.TransactionID}`,
    );
    expect(one.body.TransactionStatus).toBe('C');
    expect(one.body.SecondaryTransactions.map((s) => s.TransactionAction)).toEqual([
      'Capture',
      'SimpleRefund',
    ]);
    expect(one.body).toHaveProperty('WorkflowStatus');
  });

  it('saves a card through paymentplan and charges it OnFile', async () => {
    const saved = await rest<Txn>('POST', '/payment/paymentplan', {
      PaymentPlanType: 'SaveOnFile',
      Outlet: REST_OUTLET,
      Card: { CardNumber: CARDS.visa, Expiration: FUTURE, CardHolderName: 'Kim Park' },
    });
    expect(saved.body).toMatchObject({ TransactionStatus: 'O' });
    const pm = saved.body.PaymentMethodID as string;
    expect(pm).toMatch(/^[0-9A-F]{32}$/);
    const charged = await rest<Txn>('POST', '/payment/sale', {
      Outlet: REST_OUTLET,
      Amount: '15.00',
      PaymentMethod: 'OnFile',
      PaymentMethodID: pm,
    });
    expect(charged.body).toMatchObject({
      TransactionStatus: 'C',
      Card: { LastFour: '1111', EntryMode: 'OnFile' },
    });
    expectRestError(
      await rest('POST', '/payment/paymentplan', { PaymentPlanType: 'Installment', Outlet: REST_OUTLET }),
      400,
    );
  });

  it('takes eCheck sales', async () => {
    const res = await rest<Txn>('POST', '/payment/sale', {
      Outlet: REST_OUTLET,
      Amount: '75.00',
      PaymentMethod: 'ECheck',
      ECheck: {
        RoutingNumber: '021000021',
        AccountNumber: '000123456789',
        AccountType: 'Savings',
        CheckPresentStatus: 'NotPresent',
      },
    });
    expect(res.body).toMatchObject({
      TransactionStatus: 'C',
      TransactionType: 'eCheck',
      ECheck: { RoutingNumber: '021000021', AccountLastFour: '6789', AccountType: 'Savings' },
    });
  });

  it('lists transactions newest first with a cursor', async () => {
    const patient = `P-${Date.now()}`;
    for (let i = 0; i < 3; i++) await restSale({ Patient: { PatientID: patient } });
    const first = await rest<{ Transactions: Txn[]; NextCursor: string }>(
      'GET',
      `/payment/transactions?PatientID=${patient}&Limit=2`,
    );
    expect(first.body.Transactions).toHaveLength(2);
    const second = await rest<{ Transactions: Txn[]; NextCursor: string | null }>(
      'GET',
      `/payment/transactions?PatientID=${patient}&Limit=2&Cursor=${first.body.NextCursor}`,
    );
    expect(second.body.Transactions).toHaveLength(1);
    expect(second.body.NextCursor).toBeNull();
    const ids = [...first.body.Transactions, ...second.body.Transactions].map((t) => t.TransactionID);
    expect(new Set(ids).size).toBe(3);
    expectRestError(await rest('GET', '/payment/transactions?Limit=0'), 400);
  });

  it('answers errors in the REST shape, naming REST fields', async () => {
    const bad = expectRestError(await restSale({ Amount: '-1' }), 400);
    expect(bad.Errors[0]).toEqual({
      Field: 'Amount',
      Message: 'Amount must be a positive decimal with at most 2 places',
    });
    expectRestError(
      await restSale({}, {}).then(() => rest('POST', '/payment/sale', { Amount: '1.00' }, { keys: null })),
      401,
    );
    expectRestError(await rest('POST', '/payment/sale', undefined, { raw: '{"Amount":', headers: {} }), 400);
    expectRestError(
      await rest('POST', '/payment/sale', undefined, {
        raw: 'Amount=1.00',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      415,
    );
    expectRestError(await rest('GET', '/payment/nothing-here'), 404);
  });

  it('answers another tenant transaction as not found', async () => {
    const mine = await restSale();
    const theirs = await rest('GET', `/payment/transaction/${(mine.body as Txn).TransactionID}`, undefined, {
      keys: HARBOR_KEY,
    });
    const none = await rest('GET', `/payment/transaction/${'D'.repeat(32)}`, undefined, { keys: HARBOR_KEY });
    expect(expectRestError(theirs, 404).ErrorMessage).toBe(expectRestError(none, 404).ErrorMessage);
    const list = await rest<{ Transactions: Txn[] }>('GET', '/payment/transactions?Limit=200', undefined, {
      keys: HARBOR_KEY,
    });
    expect(list.body.Transactions.map((t) => t.TransactionID)).not.toContain(
      (mine.body as Txn).TransactionID,
    );
  });
});
