import { beforeAll, describe, expect, it } from 'vitest';
import { as, call, login } from './client';
import { basic, expectNvpError, nvp, rest } from './payments-client';

/**
 * The audit's attacks on merchant boundaries (issue 10 items 1, 5, 10), on a practice of their
 * own with two merchants A and B and a partner granted `payments` on B and only `read` on A.
 */
async function practiceWithTwoMerchants() {
  const ops = await as.ops();
  const stamp = String(Date.now()).slice(-9);
  const org = async (kind: 'PRACTICE' | 'PARTNER') =>
    (
      await call<{ id: string; slug: string }>('POST', '/admin/api/organizations', {
        token: ops,
        body: { name: `Boundary ${kind}`, slug: `boundary-${kind.toLowerCase()}-${stamp}`, kind },
      })
    ).body;
  const practice = await org('PRACTICE');
  const partner = await org('PARTNER');
  const [a, b] = [`61${stamp}01`, `61${stamp}02`];
  for (const merchantId of [a, b]) {
    const m = await call('POST', '/admin/api/merchants', {
      token: ops,
      body: { merchantId, name: `Boundary ${merchantId}`, organizationId: practice.id },
    });
    if (m.status !== 201) throw new Error(`merchant: ${m.text}`);
    await call('POST', '/admin/api/outlets', {
      token: ops,
      body: { merchantId, storeId: '001', terminalId: '001' },
    });
  }
  for (const [merchantId, scope] of [
    [a, 'read'],
    [b, 'payments'],
  ]) {
    const g = await call('POST', '/admin/api/partner-grants', {
      token: ops,
      body: { merchantId, partnerOrganizationSlug: partner.slug, scope },
    });
    if (g.status !== 201) throw new Error(`grant: ${g.text}`);
  }
  let made = 0;
  const credential = async (
    organizationId: string,
    kind: 'ACCOUNT' | 'API_KEY',
    merchantIds: string[] = [],
  ) => {
    const c = await call<{ identifier: string; secret: string }>('POST', '/admin/api/credentials', {
      token: ops,
      body: { kind, name: `boundary-${kind.toLowerCase()}-${++made}`, organizationId, merchantIds },
    });
    if (c.status !== 201) throw new Error(`credential: ${c.text}`);
    return c.body;
  };
  const owner = await credential(practice.id, 'ACCOUNT');
  const ownerKey = await credential(practice.id, 'API_KEY');
  const restrictedToB = await credential(practice.id, 'ACCOUNT', [b]);
  const partnerAccount = await credential(partner.id, 'ACCOUNT');
  const partnerKey = await credential(partner.id, 'API_KEY');
  return {
    ops,
    practiceId: practice.id,
    partnerId: partner.id,
    a,
    b,
    owner: basic(owner.identifier, owner.secret),
    ownerKey: { 'api-key': ownerKey.identifier, 'api-secret': ownerKey.secret },
    restrictedToB: basic(restrictedToB.identifier, restrictedToB.secret),
    partner: basic(partnerAccount.identifier, partnerAccount.secret),
    partnerKey: { 'api-key': partnerKey.identifier, 'api-secret': partnerKey.secret },
  };
}

const outlet = (merchantID: string) => ({ merchantID, storeID: '001', terminalID: '001' });
const card = { transactionType: 'CreditCard', cardNumber: '4111111111111111', cardExpiration: '12/40' };

describe('merchant boundaries: stored cards, reads under allowlists, nested data', () => {
  let t: Awaited<ReturnType<typeof practiceWithTwoMerchants>>;
  let savedAtA: string;
  let saleAtA: string;

  beforeAll(async () => {
    t = await practiceWithTwoMerchants();
    const saved = await nvp({ ...outlet(t.a), ...card, transactionAction: 'SaveOnFile' }, { auth: t.owner });
    expect(saved.fields.responseCode, saved.text).toBe('000');
    savedAtA = saved.fields.paymentMethodID;
    expect(savedAtA).toMatch(/^[0-9A-F]{32}$/);
    const sale = await nvp(
      {
        ...outlet(t.a),
        transactionType: 'CreditCard',
        transactionAction: 'Sale',
        amount: '5.00',
        paymentMethodID: savedAtA,
      },
      { auth: t.owner },
    );
    expect(sale.fields.responseCode, sale.text).toBe('000');
    saleAtA = sale.fields.transactionID;
  });

  const chargeStored = (merchantID: string, paymentMethodID: string, auth: string) =>
    nvp(
      {
        ...outlet(merchantID),
        transactionType: 'CreditCard',
        transactionAction: 'Sale',
        amount: '9.00',
        paymentMethodID,
      },
      { auth },
    );

  it('a card saved at merchant A cannot be charged at B — by a partner paying at B, or a credential restricted to B', async () => {
    const unknown = expectNvpError(await chargeStored(t.b, 'F'.repeat(32), t.owner), 404);
    for (const auth of [t.partner, t.restrictedToB, t.owner]) {
      const res = await chargeStored(t.b, savedAtA, auth);
      expect(expectNvpError(res, 404)).toBe(unknown);
      expect(res.text).not.toMatch(/approved/i);
    }
    // At A itself the partner holds only `read`: refused as a read-only grant, as before.
    expect(expectNvpError(await chargeStored(t.a, savedAtA, t.partner), 403)).toMatch(/reading only/);
    expect((await chargeStored(t.a, savedAtA, t.owner)).fields.responseCode).toBe('000');
  });

  it('read-only callers never see a PaymentMethodID', async () => {
    const partnerView = await rest<Record<string, unknown>>(
      'GET',
      `/payment/transaction/${saleAtA}`,
      undefined,
      {
        keys: t.partnerKey,
      },
    );
    expect(partnerView.status, partnerView.text).toBe(200);
    expect(partnerView.body.PaymentMethodID).toBeUndefined();
    const receipt = await nvp(
      { transactionAction: 'ViewReceipt', transactionID: saleAtA },
      { auth: t.partner },
    );
    expect(receipt.fields.responseCode, receipt.text).toBe('000');
    expect(receipt.fields.paymentMethodID).toBeUndefined();
    const list = await rest<{ Transactions: Record<string, unknown>[] }>(
      'GET',
      `/payment/transactions?MerchantID=${t.a}`,
      undefined,
      { keys: t.partnerKey },
    );
    expect(list.body.Transactions.length).toBeGreaterThan(0);
    expect(list.body.Transactions.every((x) => x.PaymentMethodID === undefined)).toBe(true);
    const ownerView = await rest<Record<string, unknown>>(
      'GET',
      `/payment/transaction/${saleAtA}`,
      undefined,
      {
        keys: t.ownerKey,
      },
    );
    expect(ownerView.body.PaymentMethodID).toBe(savedAtA);
  });

  it('a partner developer reading a granted merchant transaction in the admin API sees no webhook data or stored card', async () => {
    const endpoint = await call('POST', '/admin/api/webhook-endpoints', {
      token: t.ops,
      body: {
        merchantId: t.a,
        organizationId: t.practiceId,
        url: 'http://127.0.0.1:9/hook?secret=s3cr3t-in-query',
        format: 'JSON',
      },
    });
    expect(endpoint.status, endpoint.text).toBe(201);
    const sale = await nvp(
      { ...outlet(t.a), ...card, transactionAction: 'Sale', amount: '6.00' },
      { auth: t.owner },
    );
    const id = sale.fields.transactionID;
    const ops = await call<{ deliveries: unknown[] }>('GET', `/admin/api/transactions/${id}`, {
      token: t.ops,
    });
    expect(ops.status).toBe(200);
    // The relay creates the delivery within about a second.
    for (let i = 0; i < 50; i++) {
      const again = await call<{ deliveries: unknown[] }>('GET', `/admin/api/transactions/${id}`, {
        token: t.ops,
      });
      if (again.body.deliveries.length) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(
      (await call<{ deliveries: unknown[] }>('GET', `/admin/api/transactions/${id}`, { token: t.ops })).body
        .deliveries.length,
    ).toBeGreaterThan(0);
    // A developer of the partner that holds `read` on A (its own user, so the demo data stays as is).
    const email = `dev-${Date.now()}@boundary.test`;
    const user = await call('POST', '/admin/api/users', {
      token: t.ops,
      body: { email, role: 'PARTNER_DEVELOPER', password: 'boundary-dev-pass', organizationId: t.partnerId },
    });
    expect(user.status, user.text).toBe(201);
    const dev = await login(email, 'boundary-dev-pass');
    const seen = await call<Record<string, unknown>>('GET', `/admin/api/transactions/${id}`, { token: dev });
    expect(seen.status, seen.text).toBe(200);
    expect(seen.body.deliveries).toEqual([]);
    expect(seen.body.workflowStatus).toBeNull();
    expect(seen.text).not.toContain('s3cr3t-in-query');
    const stored = await call<Record<string, unknown>>('GET', `/admin/api/transactions/${saleAtA}`, {
      token: dev,
    });
    expect(stored.status).toBe(200);
    expect(stored.body.paymentMethodId).toBeNull();
  });

  it('a merchant IP allowlist covers reads: REST get and list, NVP ViewReceipt, SSO status', async () => {
    const token = await rest<{ Token: string }>(
      'POST',
      '/sso/token',
      { Outlet: { MerchantID: t.a, StoreID: '001', TerminalID: '001' }, Amount: '10.00' },
      { keys: t.ownerKey },
    );
    expect(token.status, token.text).toBe(200);
    const reads = async () => ({
      get: (await rest('GET', `/payment/transaction/${saleAtA}`, undefined, { keys: t.ownerKey })).status,
      list: (
        await rest<{ Transactions: { TransactionID: string }[] }>(
          'GET',
          '/payment/transactions?Limit=200',
          undefined,
          {
            keys: t.ownerKey,
          },
        )
      ).body.Transactions.some((x) => x.TransactionID === saleAtA),
      receipt: (await nvp({ transactionAction: 'ViewReceipt', transactionID: saleAtA }, { auth: t.owner }))
        .status,
      status: (await rest('GET', `/sso/token/${token.body.Token}/status`, undefined, { keys: t.ownerKey }))
        .status,
    });
    expect(await reads()).toEqual({ get: 200, list: true, receipt: 200, status: 200 });
    const set = (ipAllowlist: string[]) =>
      call('PUT', `/admin/api/merchants/${t.a}`, { token: t.ops, body: { ipAllowlist } });
    expect((await set(['198.51.100.7/32'])).status).toBe(200);
    try {
      // The polled token row may be reused for up to a second (decision 0009).
      await new Promise((r) => setTimeout(r, 1100));
      expect(await reads()).toEqual({ get: 404, list: false, receipt: 404, status: 404 });
    } finally {
      await set([]);
    }
    expect(await reads()).toEqual({ get: 200, list: true, receipt: 200, status: 200 });
  });
});
