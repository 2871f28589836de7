import { inject } from 'vitest';
import { describe, expect, it } from 'vitest';
import { as, call } from './client';
import {
  basic,
  CARDS,
  expectNvpError,
  expectRestError,
  FUTURE,
  LAKESIDE_OUTLET,
  nvp,
  rest,
  sale,
} from './payments-client';

/**
 * What a newcomer gets wrong on purpose (issue 14): misspelled and aliased NVP fields, the
 * primary's ID under either name, an empty REST body — each answered in the caller's own names.
 */
describe('NVP field names', () => {
  it('refuses an unknown field (amout=6) with the other problems, in the sender spelling', async () => {
    const msg = expectNvpError(await sale({ amount: '', amout: '6' }), 400);
    expect(msg).toContain('amout is not a known field');
    expect(msg).toContain('amount is required');
    expect(msg).not.toMatch(/Amount|Card\.|Outlet\./); // no REST names on NVP
  });

  it('never repeats a card number sent as a field name', async () => {
    const res = await sale({ [CARDS.visa]: '1' });
    expect(expectNvpError(res, 400)).toContain('looks like data');
    expect(res.text).not.toContain(CARDS.visa);
  });

  it('accepts the natural aliases of card fields', async () => {
    const res = await nvp({
      ...LAKESIDE_OUTLET,
      transactionType: 'CreditCard',
      transactionAction: 'Sale',
      amount: '7.00',
      creditCardNumber: CARDS.visa,
      expDate: FUTURE,
      cvv2: '123',
    });
    expect(res.fields.responseCode).toBe('000');
  });

  it('takes transactionID as the primary of a Capture, and says when neither is sent', async () => {
    const auth = await sale({ transactionAction: 'Authorization', amount: '9.00' });
    const id = auth.fields.transactionID;
    const missing = await nvp({
      ...LAKESIDE_OUTLET,
      transactionType: 'CreditCard',
      transactionAction: 'Capture',
    });
    expect(expectNvpError(missing, 400)).toBe('primaryTransactionID is required');
    const capture = await nvp({
      ...LAKESIDE_OUTLET,
      transactionType: 'CreditCard',
      transactionAction: 'Capture',
      transactionID: id,
    });
    expect(capture.fields).toMatchObject({ responseCode: '000', primaryTransactionID: id });
  });

  it('lets a merchant opt a legacy sender out of the refusal, and back in', async () => {
    // A merchant of its own: the demo merchants are shared with the other test files.
    const ops = await as.ops();
    const org = await call<{ id: string }>('POST', '/admin/api/organizations', {
      token: ops,
      body: { name: 'Legacy Sender Clinic', slug: `legacy-${Date.now()}`, kind: 'PRACTICE' },
    });
    const merchantID = `6${String(Date.now()).slice(-12)}`;
    await call('POST', '/admin/api/merchants', {
      token: ops,
      body: { merchantId: merchantID, name: 'Legacy merchant', organizationId: org.body.id },
    });
    await call('POST', '/admin/api/outlets', {
      token: ops,
      body: { merchantId: merchantID, storeId: '001', terminalId: '001' },
    });
    const cred = await call<{ identifier: string; secret: string }>('POST', '/admin/api/credentials', {
      token: ops,
      body: { kind: 'ACCOUNT', name: 'legacy', organizationId: org.body.id },
    });
    const auth = basic(cred.body.identifier, cred.body.secret);
    const pay = () =>
      nvp(
        {
          merchantID,
          storeID: '001',
          terminalID: '001',
          transactionType: 'CreditCard',
          transactionAction: 'Sale',
          amount: '3.00',
          cardNumber: CARDS.visa,
          cardExpiration: FUTURE,
          legacyField: 'x',
        },
        { auth },
      );
    const put = (ignoreUnknownNvpFields: boolean) =>
      call('PUT', `/admin/api/merchants/${merchantID}`, { token: ops, body: { ignoreUnknownNvpFields } });
    expect(expectNvpError(await pay(), 400)).toBe(
      'legacyField is not a known field (see /payment/nvp-reference)',
    );
    expect((await put(true)).status).toBe(200);
    expect((await pay()).fields.responseCode).toBe('000');
    expect((await put(false)).status).toBe(200);
    expectNvpError(await pay(), 400);
  });

  it('serves the NVP reference built from the field table', async () => {
    const page = await fetch(`${inject('apiUrl')}/payment/nvp-reference`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    for (const name of ['cardVerificationNumber', 'primaryTransactionID', 'additionalInfo6', 'responseCode'])
      expect(html).toContain(`<code>${name}</code>`);
    const json = (await (await fetch(`${inject('apiUrl')}/payment/nvp-reference.json`)).json()) as {
      requestFields: { name: string; aliases: string[] }[];
    };
    expect(json.requestFields.find((f) => f.name === 'cardVerificationNumber')?.aliases).toContain('cvv');
  });
});

describe('REST field errors', () => {
  it('reports every missing field of an empty body at once, in REST names', async () => {
    const res = expectRestError(await rest('POST', '/payment/sale', {}), 400);
    expect(res.Errors.map((e) => e.Field)).toEqual([
      'Outlet.MerchantID',
      'Outlet.StoreID',
      'Outlet.TerminalID',
      'Amount',
      'Card.CardNumber',
      'Card.Expiration',
    ]);
    expect(res.Errors[0].Message).toBe('Outlet.MerchantID is required');
    expect(res.ErrorMessage).not.toMatch(/\bmerchantID\b|\bamount\b|cardNumber/);
  });

  it('reports unknown and invalid fields together', async () => {
    const res = expectRestError(
      await rest('POST', '/payment/sale', { Outlet: { MerchantID: '1' }, Amout: '5', Amount: 'x' }),
      400,
    );
    const fields = res.Errors.map((e) => e.Field);
    expect(fields).toEqual(
      expect.arrayContaining(['Amout', 'Outlet.MerchantID', 'Outlet.StoreID', 'Amount']),
    );
  });
});
