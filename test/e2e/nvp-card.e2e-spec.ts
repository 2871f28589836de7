import { describe, expect, it } from 'vitest';
import { CARDS, FUTURE, LAKESIDE_OUTLET, nvp, sale } from './payments-client';

const year2 = Number(FUTURE.slice(3));

describe('NVP card payments', () => {
  it('approves a keyed sale and answers every field of nvp.md', async () => {
    const res = await sale({ cardHolderName: 'Pat Doe', patientID: 'P-1001', additionalInfo1: 'INV-2231' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/x-www-form-urlencoded/);
    const f = res.fields;
    expect(f).toMatchObject({
      responseCode: '000',
      responseMessage: 'APPROVED',
      transactionStatus: 'C',
      amount: '25.00',
      requestAmount: '25.00',
      cardBrand: 'VISA',
      cardBINNumber: '411111',
      lastFourDigits: '1111',
      cardExpirationMonth: '12',
      cardExpirationYear: String(2000 + year2),
      cardHolderName: 'Pat Doe',
      paymentCardType: 'CREDIT',
      EMVCardEntryMode: 'Keyed',
      isEMVTransaction: 'false',
      IsEMVVerifiedByPIN: 'false',
      authorizationText: 'I AGREE TO PAY THE ABOVE AMOUNT ACCORDING TO MY CARD HOLDER AGREEMENT.',
      patientID: 'P-1001',
      additionalInfo1: 'INV-2231',
    });
    expect(f.transactionID).toMatch(/^[0-9A-F]{32}$/);
    expect(f.transactionDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/);
    expect(f.authorizationNumber).toMatch(/^[A-Z0-9]{6}$/);
    expect(res.text).not.toContain(CARDS.visa);
  });

  it('matches field names and the path case-insensitively, and answers on /nvp too', async () => {
    const fields = {
      MERCHANTID: LAKESIDE_OUTLET.merchantID,
      StoreId: '001',
      terminalid: '002',
      TransactionType: 'creditcard',
      TRANSACTIONACTION: 'authcapt',
      Amount: '1.00',
      CardNumber: CARDS.visa,
      CardExpiration: FUTURE,
    };
    for (const path of ['/payment/nvp.aspx', '/PAYMENT/NVP.ASPX', '/nvp']) {
      const res = await nvp(fields, { path });
      expect(res.fields.responseCode, path).toBe('000');
    }
  });

  it.each([
    ['visa', 'VISA'],
    ['mastercard', 'MASTERCARD'],
    ['amex', 'AMEX'],
    ['discover', 'DISCOVER'],
  ] as const)('knows the brand of the %s test card from its BIN', async (card, brand) => {
    const res = await sale({ cardNumber: CARDS[card] });
    expect([res.fields.responseCode, res.fields.cardBrand]).toEqual(['000', brand]);
  });

  it.each<Record<string, string>>([
    { cardExpiration: `12/${year2}` },
    { cardExpiration: `12-${year2}` },
    { cardExpiration: `12${year2}` },
    { cardExpiration: `12/20${year2}` },
    { cardExpirationMonth: '12', cardExpirationYear: `20${year2}` },
  ])('accepts the expiry form %o', async (expiry) => {
    const res = await nvp({
      ...LAKESIDE_OUTLET,
      transactionType: 'CreditCard',
      transactionAction: 'Sale',
      amount: '3.00',
      cardNumber: CARDS.visa,
      ...expiry,
    });
    expect([res.fields.responseCode, res.fields.cardExpirationMonth, res.fields.cardExpirationYear]).toEqual([
      '000',
      '12',
      String(2000 + year2),
    ]);
  });

  it.each([
    ['doNotHonor', '005', 'DECLINED'],
    ['insufficientFunds', '051', 'INSUFFICIENT FUNDS'],
    ['retry', '028', 'PLEASE RETRY'],
    ['referral', '001', 'REFERRAL - CALL ISSUER'],
    ['cvvMismatch', '082', 'CVV MISMATCH'],
    ['luhnFails', '014', 'INVALID ACCOUNT NUMBER'],
  ] as const)('declines the sandbox %s card with %s as a normal 200 answer', async (card, code, message) => {
    const res = await sale({ cardNumber: CARDS[card], cardVerificationNumber: '999' });
    expect(res.status).toBe(200);
    expect(res.fields).toMatchObject({
      responseCode: code,
      responseMessage: message,
      transactionStatus: 'D',
      amount: '0.00',
    });
  });

  it('declines an expired card with 054', async () => {
    const res = await sale({ cardExpiration: '01/20' });
    expect(res.fields).toMatchObject({
      responseCode: '054',
      responseMessage: 'EXPIRED CARD',
      transactionStatus: 'D',
    });
  });

  it('approves the chargeback card (the chargeback arrives after settlement)', async () => {
    expect((await sale({ cardNumber: CARDS.chargeback })).fields.responseCode).toBe('000');
  });

  it('approves half of a .10 amount when partial payment is allowed, else declines 051', async () => {
    const partial = await sale({ amount: '25.10', allowPartialPayment: 'true' });
    expect(partial.fields).toMatchObject({
      responseCode: '010',
      responseMessage: 'Partially Approved $12.55',
      transactionStatus: 'C',
      amount: '12.55',
      requestAmount: '25.10',
      isPartiallyApproved: 'true',
      partialApprovalAmount: '12.55',
    });
    const refused = await sale({ amount: '25.10' });
    expect([refused.fields.responseCode, refused.fields.transactionStatus]).toEqual(['051', 'D']);
  });

  it('parses swiped track data as a keyboard-emulation reader types it', async () => {
    const exp = `${year2}12`;
    const trackData = `%B${CARDS.mastercard}^DOE/PAT^${exp}1010000000000000000?;${CARDS.mastercard}=${exp}10100000000000?\n`;
    const res = await nvp({
      ...LAKESIDE_OUTLET,
      transactionType: 'CreditCard',
      transactionAction: 'Sale',
      amount: '9.99',
      trackData,
      cardPresentStatus: 'PresentSwipeSign',
    });
    expect(res.fields).toMatchObject({
      responseCode: '000',
      cardBrand: 'MASTERCARD',
      lastFourDigits: '0004',
      cardHolderName: 'PAT DOE',
      EMVCardEntryMode: 'Swiped',
    });
  });

  it('marks chip and contactless entry', async () => {
    expect((await sale({ cardPresentStatus: 'PresentEMV' })).fields).toMatchObject({
      EMVCardEntryMode: 'Chip',
      isEMVTransaction: 'true',
    });
    expect((await sale({ cardPresentStatus: 'MSDContactless' })).fields.EMVCardEntryMode).toBe('Contactless');
  });

  it('answers debit cards as DEBIT', async () => {
    expect((await sale({ transactionType: 'DebitCard' })).fields.paymentCardType).toBe('DEBIT');
  });
});
