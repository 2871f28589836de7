import { describe, expect, it } from 'vitest';
import { as, call, DEMO } from './client';
import { CARDS, expectNvpError, FUTURE, LAKESIDE_OUTLET, nvp, sale } from './payments-client';

const act = (transactionAction: string, primaryTransactionID: string, extra: Record<string, string> = {}) =>
  nvp({
    ...LAKESIDE_OUTLET,
    transactionType: 'CreditCard',
    transactionAction,
    primaryTransactionID,
    ...extra,
  });

describe('NVP secondary actions and the state machine', () => {
  it('authorizes, captures less than authorized once, and refuses a second capture', async () => {
    const auth = await sale({ transactionAction: 'Authorization', amount: '80.00' });
    expect(auth.fields.transactionStatus).toBe('A');
    const over = await act('Capture', auth.fields.transactionID, { amount: '80.01' });
    expect(expectNvpError(over, 409)).toMatch(/exceeds|more than|at most/i);
    const capture = await act('PriorAuthCapt', auth.fields.transactionID, { amount: '60.00' });
    expect(capture.fields).toMatchObject({
      responseCode: '000',
      transactionStatus: 'C',
      amount: '60.00',
      primaryTransactionID: auth.fields.transactionID,
      primaryTransactionStatus: 'C',
    });
    expect(capture.fields.transactionID).not.toBe(auth.fields.transactionID);
    expectNvpError(await act('Capture', auth.fields.transactionID), 409);
  });

  it('voids an authorization and a captured sale, and refuses to void twice', async () => {
    const auth = await sale({ transactionAction: 'AuthOnly' });
    const v1 = await act('Void', auth.fields.transactionID);
    expect(v1.fields).toMatchObject({
      responseCode: '000',
      transactionStatus: 'V',
      primaryTransactionStatus: 'V',
    });
    const s = await sale();
    expect((await act('Void', s.fields.transactionID)).fields.primaryTransactionStatus).toBe('V');
    expect(expectNvpError(await act('Void', s.fields.transactionID), 409)).toMatch(/voided/i);
    expectNvpError(await act('Capture', auth.fields.transactionID), 409);
  });

  it('refunds by transaction ID up to what remains, then refuses', async () => {
    const s = await sale({ amount: '50.00' });
    const r1 = await act('SimpleRefund', s.fields.transactionID, { amount: '20.00' });
    expect(r1.fields).toMatchObject({
      responseCode: '000',
      transactionStatus: 'C',
      amount: '20.00',
      primaryTransactionStatus: 'C',
    });
    const r2 = await act('SimpleRefund', s.fields.transactionID);
    expect(r2.fields.amount).toBe('30.00');
    expect(
      expectNvpError(await act('SimpleRefund', s.fields.transactionID, { amount: '0.01' }), 409),
    ).toMatch(/refund/i);
    expectNvpError(
      await act('SimpleRefund', (await sale({ transactionAction: 'Authorization' })).fields.transactionID),
      409,
    );
  });

  it('refuses to void a sale once it is partly refunded (Sale 100.00 → SimpleRefund 60.00 → Void)', async () => {
    const s = await sale({ amount: '100.00' });
    const refund = await act('SimpleRefund', s.fields.transactionID, { amount: '60.00' });
    expect(refund.fields).toMatchObject({ transactionStatus: 'C', amount: '60.00' });
    expect(expectNvpError(await act('Void', s.fields.transactionID), 409)).toBe(
      'Transaction has been partly refunded (60.00) and cannot be voided; refund the remaining 40.00 instead',
    );
    const receipt = await nvp({ transactionAction: 'ViewReceipt', transactionID: s.fields.transactionID });
    expect(receipt.fields).toMatchObject({ transactionStatus: 'C', amount: '100.00' });
    expect((await act('SimpleRefund', s.fields.transactionID)).fields.amount).toBe('40.00');
    expect(expectNvpError(await act('Void', s.fields.transactionID), 409)).toMatch(/fully refunded/);
  });

  it('refuses an unreferenced refund until the merchant enables it', async () => {
    const refund = () =>
      nvp({
        ...LAKESIDE_OUTLET,
        transactionType: 'CreditCard',
        transactionAction: 'Credit',
        amount: '5.00',
        cardNumber: CARDS.visa,
        cardExpiration: FUTURE,
      });
    expect(expectNvpError(await refund(), 403)).toMatch(/not enabled/);
    const token = await as.ops(); // a platform risk control (decision 0020)
    await call('PUT', `/admin/api/merchants/${DEMO.lakeside.merchantId}`, {
      token,
      body: { allowUnreferencedRefunds: true },
    });
    try {
      expect((await refund()).fields).toMatchObject({
        responseCode: '000',
        transactionStatus: 'C',
        transactionAction: 'Refund',
      });
    } finally {
      await call('PUT', `/admin/api/merchants/${DEMO.lakeside.merchantId}`, {
        token,
        body: { allowUnreferencedRefunds: false },
      });
    }
  });

  it('saves a card on file and charges it by paymentMethodID, never answering the number', async () => {
    const saved = await nvp({
      ...LAKESIDE_OUTLET,
      transactionType: 'CreditCard',
      transactionAction: 'SaveOnFile',
      cardNumber: CARDS.discover,
      cardExpiration: FUTURE,
      cardHolderName: 'Sam Lee',
      cardVerificationNumber: '321',
    });
    expect(saved.fields).toMatchObject({
      responseCode: '000',
      transactionStatus: 'O',
      cardBrand: 'DISCOVER',
      lastFourDigits: '0004',
    });
    expect(saved.fields.paymentMethodID).toMatch(/^[0-9A-F]{32}$/);
    expect(saved.fields.saveOnFileTransactionID).toBe(saved.fields.transactionID);
    const charged = await nvp({
      ...LAKESIDE_OUTLET,
      transactionType: 'CreditCard',
      transactionAction: 'Sale',
      amount: '12.00',
      paymentMethodID: saved.fields.paymentMethodID,
    });
    expect(charged.fields).toMatchObject({
      responseCode: '000',
      transactionStatus: 'C',
      cardBrand: 'DISCOVER',
      lastFourDigits: '0004',
      EMVCardEntryMode: 'OnFile',
      cardHolderName: 'Sam Lee',
    });
    const withSave = await sale({ saveOnFile: 'true' });
    expect(withSave.fields.paymentMethodID).toMatch(/^[0-9A-F]{32}$/);
    expectNvpError(
      await nvp({
        ...LAKESIDE_OUTLET,
        transactionType: 'CreditCard',
        transactionAction: 'Sale',
        amount: '1.00',
        paymentMethodID: '0'.repeat(32),
      }),
      404,
    );
  });

  it('reads a receipt by transaction ID, with the primary status for a secondary', async () => {
    const s = await sale({ patientID: 'P-77', patientFirstName: 'Ana', patientLastName: 'Ruiz' });
    const refund = await act('SimpleRefund', s.fields.transactionID, { amount: '1.00' });
    const receipt = await nvp({ transactionAction: 'ViewReceipt', transactionID: s.fields.transactionID });
    expect(receipt.fields).toMatchObject({
      transactionID: s.fields.transactionID,
      transactionStatus: 'C',
      amount: '25.00',
      patientID: 'P-77',
      patientFirstName: 'Ana',
      lastFourDigits: '1111',
    });
    const secondary = await nvp({
      transactionAction: 'ViewReceipt',
      transactionID: refund.fields.transactionID,
    });
    expect(secondary.fields).toMatchObject({
      primaryTransactionID: s.fields.transactionID,
      primaryTransactionStatus: 'C',
      patientID: 'P-77',
    });
    expectNvpError(await nvp({ transactionAction: 'ViewReceipt', transactionID: 'F'.repeat(32) }), 404);
  });
});

describe('NVP eCheck', () => {
  const check = {
    routingNumber: '011000015',
    accountNumber: '123456789',
    accountType: 'Checking',
    checkNumber: '1042',
    accountHolderName: 'Pat Doe',
  };
  const echeck = (extra: Record<string, string> = {}) =>
    nvp({
      ...LAKESIDE_OUTLET,
      transactionType: 'eCheck',
      transactionAction: 'Sale',
      amount: '120.00',
      ...check,
      ...extra,
    });

  it('takes an eCheck sale and answers the routing number and last four only', async () => {
    const res = await echeck();
    expect(res.fields).toMatchObject({
      responseCode: '000',
      transactionStatus: 'C',
      routingNumber: '011000015',
      accountNumberLastFourDigits: '6789',
      transactionType: 'eCheck',
    });
    expect(res.text).not.toContain('123456789');
  });

  it('declines over 5000.00 with 051, and refuses a bad ABA check digit with 400', async () => {
    expect((await echeck({ amount: '5000.01' })).fields).toMatchObject({
      responseCode: '051',
      transactionStatus: 'D',
    });
    expect((await echeck({ amount: '5000.00' })).fields.responseCode).toBe('000');
    expect(expectNvpError(await echeck({ routingNumber: '011000016' }), 400)).toMatch(/routingNumber/);
  });

  it('voids before settlement and refunds simply; refuses authorizations', async () => {
    const a = await echeck();
    expect(
      (
        await nvp({
          ...LAKESIDE_OUTLET,
          transactionType: 'eCheck',
          transactionAction: 'Void',
          primaryTransactionID: a.fields.transactionID,
        })
      ).fields.primaryTransactionStatus,
    ).toBe('V');
    const b = await echeck();
    const refund = await nvp({
      ...LAKESIDE_OUTLET,
      transactionType: 'eCheck',
      transactionAction: 'SimpleRefund',
      primaryTransactionID: b.fields.transactionID,
      amount: '20.00',
    });
    expect(refund.fields).toMatchObject({ responseCode: '000', amount: '20.00' });
    expectNvpError(await echeck({ transactionAction: 'Authorization' }), 400);
  });
});
