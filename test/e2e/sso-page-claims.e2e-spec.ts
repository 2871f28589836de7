import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO } from './client';
import { CARDS, FUTURE, LAKESIDE_NVP, nvp } from './payments-client';

const api = () => inject('apiUrl');
const PAGE = '/providers/Form/PatientPayments/NewPaymentSimpleSSO';

async function newToken(): Promise<string> {
  const res = await fetch(`${api()}/sso`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: LAKESIDE_NVP },
    body: new URLSearchParams({
      merchantID: DEMO.lakeside.merchantId,
      storeID: '001',
      terminalID: '002',
      amount: '12.00',
      isReadOnly: 'true',
      responseActionType: 'header',
    }).toString(),
  });
  const token = new URLSearchParams(await res.text()).get('token');
  if (res.status !== 200 || !token) throw new Error(`no token: ${res.status}`);
  return token;
}

/** Posts the page form as a browser would, but with the pairs given (so a field can repeat). */
async function post(pairs: [string, string][]) {
  const res = await fetch(`${api()}${PAGE}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(pairs).toString(),
  });
  return { status: res.status, text: await res.text() };
}

const tokenStatus = async (token: string) =>
  new URLSearchParams(
    (await nvp({ transactionAction: 'GetSSOTokenStatus', singleSignOnToken: token })).text,
  ).get('tokenStatus');

const card = (token: string): [string, string][] => [
  ['token', token],
  ['tender', 'CreditCard'],
  ['cardNumber', CARDS.visa],
  ['cardExpiration', FUTURE],
];

/** Issue 10 item 12: a failed submission never leaves a link claimed for ever. */
describe('hosted page: validate before claiming, release on failure, expire abandoned claims', () => {
  let db: pg.Client;
  beforeAll(async () => {
    db = new pg.Client({ connectionString: inject('databaseUrl') });
    await db.connect();
  });
  afterAll(() => db?.end());

  it('answers a repeated card number field with a 400 form, and the link still pays', async () => {
    const token = await newToken();
    const repeated = await post([...card(token), ['cardNumber', CARDS.mastercard]]);
    expect(repeated.status).toBe(400);
    expect(repeated.text).toContain('Send this field once');
    expect(repeated.text).not.toContain(CARDS.visa);
    expect(repeated.text).not.toContain(CARDS.mastercard);
    const { rows } = await db.query(
      `SELECT status, claimed_at FROM sso_tokens WHERE token_hash = encode(sha256($1::bytea), 'hex')`,
      [token],
    );
    expect(rows).toEqual([{ status: 'NEW', claimed_at: null }]);
    expect(await tokenStatus(token)).toBe('NEW');
    const page = await fetch(`${api()}${PAGE}?token=${token}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Card number');
    const paid = await post(card(token));
    expect(paid.status).toBe(200);
    expect(paid.text).toContain('Payment approved');
    expect(await tokenStatus(token)).toBe('COMPLETE');
  });

  it('expires a link whose claim was abandoned: polling says EXPIRED, the page says expired', async () => {
    const token = await newToken();
    // A submission that died after its claim (its process was killed): the claim stays behind.
    await db.query(
      `UPDATE sso_tokens SET claimed_at = now() - interval '1 hour'
        WHERE token_hash = encode(sha256($1::bytea), 'hex')`,
      [token],
    );
    expect(await tokenStatus(token)).toBe('NEW');
    // Test tokens live 12 s (apps.global.ts); the worker's job then expires it.
    await expect
      .poll(
        async () =>
          (
            await db.query(
              `SELECT status FROM sso_tokens WHERE token_hash = encode(sha256($1::bytea), 'hex')`,
              [token],
            )
          ).rows[0].status,
        { timeout: 30_000, interval: 1000 },
      )
      .toBe('EXPIRED');
    expect(await tokenStatus(token)).toBe('EXPIRED');
    const page = await fetch(`${api()}${PAGE}?token=${token}`);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('This payment link has expired');
  });

  it('shows a fixed text on the error page, whatever the link says', async () => {
    const crafted = new URLSearchParams({
      respCode: '401',
      respMessage: 'Call 555-0100 now <b>to pay</b>',
    });
    const known = await fetch(`${api()}/providers/Form/PatientPayments/Error?${crafted}`);
    const html = await known.text();
    expect(known.status).toBe(200);
    expect(html).toContain('Invalid AccountID or Password.');
    expect(html).not.toMatch(/555-0100|to pay/);
    const unknown = await fetch(
      `${api()}/providers/Form/PatientPayments/Error?respCode=${encodeURIComponent('Send money to X')}`,
    );
    const text = await unknown.text();
    expect(text).toContain('Ask the practice for a new payment link.');
    expect(text).not.toContain('Send money');
  });
});
