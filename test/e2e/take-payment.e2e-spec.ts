import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { as, call, DEMO, expectErrorShape, login } from './client';
import { CARDS, FUTURE } from './payments-client';

const api = () => inject('apiUrl');
const OUTLET = { merchantId: DEMO.lakeside.merchantId, storeId: '001', terminalId: '002' };

interface Created {
  id: string;
  pageUrl: string;
  expiresAt: string;
}

async function submit(pageUrl: string, fields: Record<string, string>) {
  const url = new URL(pageUrl);
  const res = await fetch(`${api()}${url.pathname}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: url.searchParams.get('token') ?? '', ...fields }).toString(),
  });
  return { status: res.status, text: await res.text() };
}

const card = {
  tender: 'CreditCard',
  cardNumber: CARDS.visa,
  cardExpiration: FUTURE,
  cardHolderName: 'Pat Doe',
};

/** The console's "Take a payment" over the admin API: a staff user's page, not an API credential's. */
describe('take a payment (staff-created payment pages)', () => {
  let db: pg.Client;
  beforeAll(async () => {
    db = new pg.Client({ connectionString: inject('databaseUrl') });
    await db.connect();
  });
  afterAll(() => db.end());

  it('lets a practice admin open a page, pay on it, and see who took it', async () => {
    const token = await as.lakesideAdmin();
    const created = await call<Created>('POST', '/admin/api/sso-tokens', {
      token,
      body: { ...OUTLET, amount: '18.50', isReadOnly: true, patientId: 'STAFF-1', patientLastName: 'Doe' },
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body.pageUrl).toMatch(/\/providers\/Form\/PatientPayments\/NewPaymentSimpleSSO\?token=/);
    const paid = await submit(created.body.pageUrl, card);
    expect(paid.status).toBe(200);
    expect(paid.text).toContain('Payment approved');

    const shown = await call<Record<string, unknown>>('GET', `/admin/api/sso-tokens/${created.body.id}`, {
      token,
    });
    expect(shown.body).toMatchObject({
      status: 'COMPLETE',
      channel: 'CONSOLE',
      createdBy: DEMO.lakeside.admin.email,
      amount: '18.50',
    });
    const { rows } = await db.query(
      `SELECT s.credential_id, s.created_by_user_id, t.credential_id AS tx_credential, t.card_present_status, t.amount_cents::int AS cents
         FROM sso_tokens s JOIN transactions t ON t.id = s.transaction_id WHERE s.id = $1`,
      [created.body.id],
    );
    expect(rows[0]).toMatchObject({
      credential_id: null,
      tx_credential: null,
      card_present_status: 'NotPresentPhone',
      cents: 1850,
    });
    expect(rows[0].created_by_user_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses finance, partner developers and platform operators, and other tenants’ merchants', async () => {
    for (const who of [as.lakesideFinance, as.partnerDev]) {
      const r = await call('POST', '/admin/api/sso-tokens', { token: await who(), body: OUTLET });
      expectErrorShape(r, 403);
    }
    const ops = await call('POST', '/admin/api/sso-tokens', { token: await as.ops(), body: OUTLET });
    expect(expectErrorShape(ops, 403).message).toMatch(/user of the practice/);
    const other = await call('POST', '/admin/api/sso-tokens', {
      token: await as.harborAdmin(),
      body: OUTLET,
    });
    expectErrorShape(other, 404);
    const bad = await call('POST', '/admin/api/sso-tokens', {
      token: await as.lakesideAdmin(),
      body: { ...OUTLET, storeId: '1', amount: 'abc' },
    });
    expect(expectErrorShape(bad, 400).errors?.map((e) => e.field)).toContain('storeId');
  });

  it('checks the user again when the page is submitted: a disabled user’s link pays nothing', async () => {
    const admin = await as.lakesideAdmin();
    const email = `desk${Date.now()}@lakeside.test`;
    const user = await call<{ id: string }>('POST', '/admin/api/users', {
      token: admin,
      body: { email, role: 'PRACTICE_ADMIN', password: 'long enough password' },
    });
    expect(user.status).toBe(201);
    const created = await call<Created>('POST', '/admin/api/sso-tokens', {
      token: await login(email, 'long enough password'),
      body: { ...OUTLET, amount: '7.00' },
    });
    expect(created.status, created.text).toBe(201);
    const off = await call('PUT', `/admin/api/users/${user.body.id}`, {
      token: admin,
      body: { disabled: true },
    });
    expect(off.status).toBe(200);
    const refused = await submit(created.body.pageUrl, { ...card, amount: '7.00' });
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('can no longer be used');
    const { rows } = await db.query(`SELECT status, transaction_id FROM sso_tokens WHERE id = $1`, [
      created.body.id,
    ]);
    expect(rows[0]).toEqual({ status: 'NEW', transaction_id: null });
  });

  it('is not bound by the merchant’s API allowlist, which restricts API callers only', async () => {
    const admin = await as.lakesideAdmin();
    const merchantId = `60119${String(Date.now()).slice(-8)}`;
    expect(
      (await call('POST', '/admin/api/merchants', { token: admin, body: { merchantId, name: 'Annex' } }))
        .status,
    ).toBe(201);
    const outlet = await call('POST', '/admin/api/outlets', {
      token: admin,
      body: { merchantId, storeId: '001', terminalId: '001' },
    });
    expect(outlet.status, outlet.text).toBe(201);
    const locked = await call('PUT', `/admin/api/merchants/${merchantId}`, {
      token: admin,
      body: { ipAllowlist: ['203.0.113.0/24'] },
    });
    expect(locked.status, locked.text).toBe(200);
    const created = await call<Created>('POST', '/admin/api/sso-tokens', {
      token: admin,
      body: { merchantId, storeId: '001', terminalId: '001', amount: '3.00', isReadOnly: true },
    });
    expect(created.status, created.text).toBe(201);
    const paid = await submit(created.body.pageUrl, card);
    expect(paid.text).toContain('Payment approved');
  });
});
