import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { as, call, DEMO } from './client';
import { CARDS, FUTURE, HARBOR_KEY, LAKESIDE_NVP, nvp, rest } from './payments-client';

const api = () => inject('apiUrl');
const OUTLET = { merchantID: DEMO.lakeside.merchantId, storeID: '001', terminalID: '002' };

async function ssoNvp(fields: Record<string, string>, auth: string | null = LAKESIDE_NVP) {
  const res = await fetch(`${api()}/sso`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(auth ? { authorization: auth } : {}),
    },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: res.status, location: res.headers.get('location'), text: await res.text() };
}

async function headerToken(extra: Record<string, string> = {}) {
  const r = await ssoNvp({
    ...OUTLET,
    amount: '42.00',
    isReadOnly: 'true',
    responseActionType: 'header',
    ...extra,
  });
  expect(r.status, r.text).toBe(200);
  return Object.fromEntries(new URLSearchParams(r.text));
}

async function submit(token: string, fields: Record<string, string>) {
  const res = await fetch(`${api()}/providers/Form/PatientPayments/NewPaymentSimpleSSO`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token, ...fields }).toString(),
  });
  return {
    status: res.status,
    location: res.headers.get('location'),
    text: await res.text(),
    headers: res.headers,
  };
}

const card = {
  tender: 'CreditCard',
  cardNumber: CARDS.visa,
  cardExpiration: FUTURE,
  cardHolderName: 'Pat Doe',
};

/** sso-and-polling.md over NVP and REST, and the hosted page over plain HTTP. */
describe('single sign-on tokens and polling', () => {
  let db: pg.Client;
  beforeAll(async () => {
    db = new pg.Client({ connectionString: inject('databaseUrl') });
    await db.connect();
  });
  afterAll(() => db.end());

  it('creates a token over NVP in header mode (Basic or accountID + securityKey) and redirect mode', async () => {
    const t = await headerToken();
    // responseCode as every NVP answer says it, and respCode for the senders that read it.
    expect(t).toMatchObject({
      responseCode: '000',
      responseMessage: 'Success',
      respCode: '000',
      respMessage: 'Success',
    });
    expect(t.token).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    expect(t.pageURL).toContain(`/providers/Form/PatientPayments/NewPaymentSimpleSSO?token=${t.token}`);
    const byFields = await ssoNvp(
      {
        ...OUTLET,
        accountID: DEMO.lakeside.account.identifier,
        securityKey: DEMO.lakeside.account.password,
        responseActionType: 'header',
      },
      null,
    );
    expect(new URLSearchParams(byFields.text).get('respCode')).toBe('000');
    const redirect = await ssoNvp({ ...OUTLET, amount: '5.00' });
    expect(redirect.status).toBe(302);
    expect(redirect.location).toMatch(/NewPaymentSimpleSSO\?token=[A-Za-z0-9_-]{32,}$/);
    const bad = await ssoNvp(
      { ...OUTLET },
      `Basic ${Buffer.from('billing@lakeside-clinic:wrong').toString('base64')}`,
    );
    expect(bad.status).toBe(302);
    expect(bad.location).toContain('respCode=401');
    expect(decodeURIComponent(bad.location ?? '').replace(/\+/g, ' ')).toContain(
      'Invalid AccountID or Password.',
    );
    const badHeader = await ssoNvp({ ...OUTLET, responseActionType: 'header' }, null);
    expect(badHeader.status).toBe(401);
    expect(badHeader.text).toContain('errorCode=401');
    const invalid = await ssoNvp({ ...OUTLET, isReadOnly: 'true', responseActionType: 'header' });
    expect(invalid.status).toBe(400);
    expect(decodeURIComponent(invalid.text)).toMatch(/amount is required/);
  });

  it('takes one payment per token through the page, then reports COMPLETE everywhere', async () => {
    const t = await headerToken({
      patientID: 'P-9',
      confirmURL: 'https://pms.example/paid',
      relayState: 'visit-7',
    });
    const page = await fetch(t.pageURL.replace(/^https?:\/\/[^/]+/, api()));
    const html = await page.text();
    expect(page.status).toBe(200);
    for (const label of ['Card number', 'Expiration (MM/YY)', 'Security code', 'Name on card', 'ZIP', 'Pay'])
      expect(html).toContain(label);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const status = async () =>
      Object.fromEntries(
        new URLSearchParams(
          (await nvp({ transactionAction: 'GetSSOTokenStatus', singleSignOnToken: t.token })).text,
        ),
      );
    expect((await status()).tokenStatus).toBe('NEW');
    const paid = await submit(t.token, card);
    expect(paid.status).toBe(200);
    expect(paid.text).toContain('Payment approved');
    expect(paid.text).not.toContain(CARDS.visa);
    const after = await status();
    expect(after).toMatchObject({ tokenStatus: 'COMPLETE', responseCode: '000' });
    const continueUrl = new URL(
      /href="([^"]+)"/
        .exec(paid.text.slice(paid.text.indexOf('Continue') - 400))?.[1]
        .replace(/&amp;/g, '&') ?? '',
    );
    expect(continueUrl.origin + continueUrl.pathname).toBe('https://pms.example/paid');
    expect(Object.fromEntries(continueUrl.searchParams)).toMatchObject({
      token: t.token,
      transactionID: after.transactionID,
      respCode: '000',
      relayState: 'visit-7',
    });
    const receipt = await nvp({
      transactionAction: 'ViewReceipt',
      singleSignOnToken: t.token,
      requestToken: 'false',
    });
    expect(receipt.fields).toMatchObject({
      transactionID: after.transactionID,
      amount: '42.00',
      responseCode: '000',
    });
    // `token`, the name /sso answered it by, is singleSignOnToken's alias (decision 0030).
    const byAlias = await nvp({ transactionAction: 'GetSSOTokenStatus', token: t.token });
    expect(Object.fromEntries(new URLSearchParams(byAlias.text))).toEqual(after);
    const clash = await nvp({
      transactionAction: 'GetSSOTokenStatus',
      token: t.token,
      singleSignOnToken: 'x',
    });
    expect(clash.status).toBe(400);
    expect(clash.fields.errorMessage).toMatch(/token and singleSignOnToken are the same field/);
    const receiptByAlias = await nvp({
      transactionAction: 'ViewReceipt',
      token: t.token,
      requestToken: 'false',
    });
    expect(receiptByAlias.text).toBe(receipt.text);
    const again = await submit(t.token, card);
    expect(again.status).toBe(410);
    expect(again.text).toContain('already been used');
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM sso_tokens s JOIN transactions t ON t.id = s.transaction_id WHERE s.transaction_id IS NOT NULL AND t.patient_id = 'P-9'`,
    );
    expect(rows[0].n).toBeGreaterThanOrEqual(1);
  });

  it('sends the browser straight back when the receipt is suppressed, and accepts eCheck', async () => {
    const t = await headerToken({ suppressReceipt: 'true', returnURL: 'https://pms.example/back' });
    const paid = await submit(t.token, {
      tender: 'ECheck',
      routingNumber: '011000015',
      accountNumber: '1234567890',
      accountType: 'Checking',
      accountHolderName: 'Pat Doe',
    });
    expect(paid.status).toBe(303);
    const back = new URL(paid.location ?? '');
    expect(back.origin).toBe('https://pms.example');
    expect(back.searchParams.get('respCode')).toBe('000');
  });

  it('keeps the token usable after invalid input, and refuses double submissions', async () => {
    const t = await headerToken();
    const wrong = await submit(t.token, { ...card, cardNumber: CARDS.luhnFails });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('aria-invalid="true"');
    const both = await Promise.all([submit(t.token, card), submit(t.token, card)]);
    expect(both.map((b) => b.status).sort()).toEqual([200, 410]);
  });

  it('rate-limits token creation per credential (429 with Retry-After, NVP shape)', async () => {
    const admin = await as.lakesideAdmin();
    const cred = await call<{ identifier: string; secret: string }>('POST', '/admin/api/credentials', {
      token: admin,
      body: { kind: 'ACCOUNT', name: `sso-burst-${Date.now()}` },
    });
    const auth = `Basic ${Buffer.from(`${cred.body.identifier}:${cred.body.secret}`).toString('base64')}`;
    const answers = await Promise.all(
      Array.from({ length: 600 }, () => ssoNvp({ ...OUTLET, responseActionType: 'header' }, auth)),
    );
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0].text).toContain('errorCode=429');
  });

  it('polls over REST with every rule of a REST route: credential, rate limit, REST errors', async () => {
    // The status route is served by Fastify directly (decision 0044); these are the rules the
    // Nest pipeline gave it, each checked against the started api.
    const admin = await as.lakesideAdmin();
    const cred = await call<{ identifier: string; secret: string }>('POST', '/admin/api/credentials', {
      token: admin,
      body: { kind: 'API_KEY', description: `sso-poll-burst-${Date.now()}` },
    });
    const keys = { 'api-key': cred.body.identifier, 'api-secret': cred.body.secret };
    const created = await rest<{ Token: string }>(
      'POST',
      '/sso/token',
      { Outlet: { MerchantID: DEMO.lakeside.merchantId, StoreID: '001', TerminalID: '002' }, Amount: '5.00' },
      { keys },
    );
    expect(created.status, created.text).toBe(200);
    const path = `/sso/token/${created.body.Token}/status`;

    const wrong = await rest<{ ErrorCode: number; ReferenceNumber: string }>('GET', path, undefined, {
      keys: { ...keys, 'api-secret': 'not-the-secret' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ ErrorCode: 401, ReferenceNumber: expect.any(String), Errors: [] });
    const bare = await rest('GET', path, undefined, { keys: null });
    expect(bare.status).toBe(401);
    expect(bare.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);

    const answers = await Promise.all(
      Array.from({ length: 600 }, () => rest('GET', path, undefined, { keys })),
    );
    const ok = answers.filter((a) => a.status === 200);
    const limited = answers.filter((a) => a.status === 429);
    expect(ok.length).toBeGreaterThan(0);
    expect(ok[0].body).toMatchObject({ Status: 'NEW', TransactionID: null });
    expect(limited.length, 'RATE_LIMIT_PER_SECOND is 150 on this stack').toBeGreaterThan(0);
    expect(limited[0].body).toMatchObject({
      ErrorCode: 429,
      ErrorMessage: expect.stringContaining('Rate limit'),
    });
    expect(Number(limited[0].headers.get('retry-after'))).toBeGreaterThan(0);
    expect(ok.length + limited.length).toBe(600);
  });

  it('lists tokens for console users of the organization only, never the token itself', async () => {
    const t = await headerToken({ patientID: 'P-list' });
    await submit(t.token, card);
    const finance = await as.lakesideFinance();
    const filter = encodeURIComponent(JSON.stringify({ status: 'COMPLETE' }));
    const list = await call<{ patientId: string; status: string; transactionId: string }[]>(
      'GET',
      `/admin/api/sso-tokens?filter=${filter}&range=[0,99]`,
      { token: finance },
    );
    expect(list.status).toBe(200);
    const mine = list.body.find((x) => x.patientId === 'P-list');
    expect(mine).toMatchObject({
      status: 'COMPLETE',
      transactionId: expect.stringMatching(/^[0-9A-F]{32}$/),
    });
    expect(list.text).not.toContain(t.token);
    const harbor = await call<{ patientId: string }[]>('GET', '/admin/api/sso-tokens?range=[0,499]', {
      token: await as.harborAdmin(),
    });
    expect(harbor.body.some((x) => x.patientId === 'P-list')).toBe(false);
  });

  it('creates and polls over REST; another tenant gets 404', async () => {
    const created = await rest<{ Token: string; PageURL: string; ResponseCode: string }>(
      'POST',
      '/sso/token',
      {
        Outlet: { MerchantID: DEMO.lakeside.merchantId, StoreID: '001', TerminalID: '002' },
        Amount: '10.00',
        Patient: { PatientID: 'P-10' },
      },
    );
    expect(created.status, created.text).toBe(200);
    expect(created.body.ResponseCode).toBe('000');
    const status = await rest<{ Status: string }>('GET', `/sso/token/${created.body.Token}/status`);
    expect(status.body.Status).toBe('NEW');
    const foreign = await rest('GET', `/sso/token/${created.body.Token}/status`, undefined, {
      keys: HARBOR_KEY,
    });
    expect(foreign.status).toBe(404);
    const foreignReceipt = await nvp(
      { transactionAction: 'ViewReceipt', singleSignOnToken: created.body.Token },
      {
        auth: `Basic ${Buffer.from(`${DEMO.harbor.account.identifier}:${DEMO.harbor.account.password}`).toString('base64')}`,
      },
    );
    expect(foreignReceipt.status).toBe(404);
  });

  it('expires an unused token on time even when nobody reads it, and the page then refuses it', async () => {
    const t = await headerToken({ patientID: 'P-expire' });
    const read = async () =>
      (
        await db.query(
          `SELECT s.status FROM sso_tokens s WHERE s.patient_id = 'P-expire' ORDER BY created_at DESC LIMIT 1`,
        )
      ).rows[0].status;
    expect(await read()).toBe('NEW');
    const deadline = Date.now() + 30_000;
    while ((await read()) !== 'EXPIRED' && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 500));
    expect(await read()).toBe('EXPIRED');
    const page = await fetch(t.pageURL.replace(/^https?:\/\/[^/]+/, api()));
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('has expired');
    expect((await submit(t.token, card)).status).toBe(410);
  }, 45_000);
});
