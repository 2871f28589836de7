import { beforeAll, describe, expect, inject, it } from 'vitest';
import { as, call, DEMO, expectErrorShape, login } from './client';
import {
  basic,
  CARDS,
  expectNvpError,
  expectRestError,
  FUTURE,
  LAKESIDE_NVP,
  nvp,
  restSale,
  sale,
} from './payments-client';

const OVER = '99999999.99';
const OVER_MESSAGE = "amount 99999999.99 exceeds this merchant's per-transaction limit of 99999.99";

/** An organization of its own, with a practice admin and an account credential (issue 10, item 8). */
async function isolatedPractice() {
  const ops = await as.ops();
  const stamp = String(Date.now());
  const org = await call<{ id: string }>('POST', '/admin/api/organizations', {
    token: ops,
    body: { name: 'Risk Clinic', slug: `risk-${stamp}`, kind: 'PRACTICE' },
  });
  const merchantId = `6${stamp.slice(-12)}`;
  await call('POST', '/admin/api/merchants', {
    token: ops,
    body: { merchantId, name: 'Risk merchant', organizationId: org.body.id },
  });
  await call('POST', '/admin/api/outlets', {
    token: ops,
    body: { merchantId, storeId: '001', terminalId: '001' },
  });
  const email = `admin-${stamp}@risk.test`;
  const user = await call('POST', '/admin/api/users', {
    token: ops,
    body: { email, role: 'PRACTICE_ADMIN', password: 'risk-admin-password', organizationId: org.body.id },
  });
  const cred = await call<{ identifier: string; secret: string }>('POST', '/admin/api/credentials', {
    token: ops,
    body: { kind: 'ACCOUNT', name: 'pos', organizationId: org.body.id },
  });
  if (user.status !== 201 || cred.status !== 201) throw new Error(`setup failed: ${user.text} ${cred.text}`);
  return {
    ops,
    admin: await login(email, 'risk-admin-password'),
    orgId: org.body.id,
    merchantId,
    auth: basic(cred.body.identifier, cred.body.secret),
  };
}

type MerchantBody = {
  status: string;
  allowUnreferencedRefunds: boolean;
  maxTransactionAmount: string;
  name: string;
};

describe('platform risk controls stay with the platform (admin API)', () => {
  let t: Awaited<ReturnType<typeof isolatedPractice>>;
  beforeAll(async () => {
    t = await isolatedPractice();
  });
  const merchant = async () =>
    (await call<MerchantBody>('GET', `/admin/api/merchants/${t.merchantId}`, { token: t.ops })).body;
  const put = (token: string, body: Record<string, unknown>) =>
    call<MerchantBody>('PUT', `/admin/api/merchants/${t.merchantId}`, { token, body });

  it('refuses a practice admin who re-activates a merchant the operator suspended', async () => {
    expect((await put(t.ops, { status: 'SUSPENDED' })).status).toBe(200);
    const refused = expectErrorShape(await put(t.admin, { status: 'ACTIVE' }), 403);
    expect(refused.message).toBe('Only a platform administrator may change status');
    expect((await merchant()).status).toBe('SUSPENDED');
    expect((await put(t.ops, { status: 'ACTIVE' })).body.status).toBe('ACTIVE');
  });

  it('refuses a practice admin who enables unreferenced refunds or raises the limit', async () => {
    expectErrorShape(await put(t.admin, { allowUnreferencedRefunds: true }), 403);
    expectErrorShape(await put(t.admin, { maxTransactionAmount: '99999999.99', name: 'Renamed' }), 403);
    expect(await merchant()).toMatchObject({
      allowUnreferencedRefunds: false,
      maxTransactionAmount: '99999.99',
      name: 'Risk merchant',
    });
    const created = await call('POST', '/admin/api/merchants', {
      token: t.admin,
      body: {
        merchantId: `5${String(Date.now()).slice(-12)}`,
        name: 'Sneaky',
        allowUnreferencedRefunds: true,
      },
    });
    expectErrorShape(created, 403);
  });

  it('lets a practice admin save the whole record back with the controls unchanged', async () => {
    const record = await merchant();
    const saved = await put(t.admin, { ...record, name: 'Risk merchant (east)' });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ name: 'Risk merchant (east)', status: 'ACTIVE' });
  });

  it('lets a platform admin set the limit, which every amount-bearing action then respects', async () => {
    const set = await put(t.ops, { maxTransactionAmount: '500.00', allowUnreferencedRefunds: true });
    expect(set.body).toMatchObject({ maxTransactionAmount: '500.00', allowUnreferencedRefunds: true });
    expectErrorShape(await put(t.ops, { maxTransactionAmount: '0' }), 400);
    const pay = (transactionAction: string, amount: string) =>
      nvp(
        {
          merchantID: t.merchantId,
          storeID: '001',
          terminalID: '001',
          transactionType: 'CreditCard',
          transactionAction,
          amount,
          cardNumber: CARDS.visa,
          cardExpiration: FUTURE,
        },
        { auth: t.auth },
      );
    expect((await pay('Sale', '500.00')).fields.transactionStatus).toBe('C');
    expect((await pay('Authorization', '500.00')).fields.transactionStatus).toBe('A');
    for (const action of ['Sale', 'Authorization', 'Refund'])
      expect(expectNvpError(await pay(action, '500.01'), 400)).toBe(
        "amount 500.01 exceeds this merchant's per-transaction limit of 500.00",
      );
  });
});

describe('the per-transaction limit on every interface', () => {
  it('NVP: refuses a 99,999,999.99 sale and approves one at the default limit', async () => {
    expect(expectNvpError(await sale({ amount: OVER }), 400)).toBe(OVER_MESSAGE);
    expect((await sale({ amount: '99999.99' })).fields).toMatchObject({
      responseCode: '000',
      transactionStatus: 'C',
      amount: '99999.99',
    });
  });

  it('REST: refuses a 99,999,999.99 sale naming Amount and the limit', async () => {
    const body = expectRestError(await restSale({ Amount: OVER }), 400);
    // The core's rule, named as REST names the field (issue 14).
    expect(body.Errors).toEqual([{ Field: 'Amount', Message: OVER_MESSAGE.replace(/^amount/, 'Amount') }]);
    expect((await restSale({ Amount: '99999.99' })).body).toMatchObject({ TransactionStatus: 'C' });
  });

  it('SOAP: refuses a 99,999,999.99 sale with a client fault', async () => {
    const NS = 'https://schemas.conduit.health/2026/payment';
    const request = Object.entries({
      merchantID: DEMO.lakeside.merchantId,
      storeID: '001',
      terminalID: '002',
      amount: OVER,
      cardNumber: CARDS.visa,
      cardExpiration: FUTURE,
    })
      .map(([k, v]) => `<${k}>${v}</${k}>`)
      .join('');
    const res = await fetch(`${inject('apiUrl')}/payment/service.asmx`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml', authorization: LAKESIDE_NVP },
      body: `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><DoCreditCardSale xmlns="${NS}"><Request>${request}</Request></DoCreditCardSale></soap:Body></soap:Envelope>`,
    });
    const text = await res.text();
    expect(res.status).toBe(500);
    expect(text).toContain('<faultcode>soap:Client</faultcode>');
    expect(text).toMatch(
      /amount 99999999\.99 exceeds this merchant(&apos;|&#39;|')s per-transaction limit of 99999\.99/,
    );
    expect(text).toMatch(/<ErrorCode>400<\/ErrorCode>/);
  });
});
