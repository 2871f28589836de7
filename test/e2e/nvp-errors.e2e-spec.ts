import { request } from 'node:http';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { as, call, DEMO } from './client';
import {
  basic,
  expectNvpError,
  HARBOR_NVP,
  LAKESIDE_NVP,
  LAKESIDE_OUTLET,
  nvp,
  type NvpAnswer,
  sale,
} from './payments-client';

/**
 * An NVP post that declares `size` bytes and sends none of them: the api refuses an oversized
 * body from its Content-Length alone. (Sending the body races the api's close: fetch then fails
 * with EPIPE instead of showing the answer.)
 */
function postOversized(size: number): Promise<NvpAnswer> {
  const url = new URL('/payment/NVP.aspx', inject('apiUrl'));
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': String(size),
        authorization: LAKESIDE_NVP,
      },
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        req.destroy();
        resolve({
          status: res.statusCode ?? 0,
          headers: new Headers(res.headers as Record<string, string>),
          fields: Object.fromEntries(new URLSearchParams(text)),
          text,
        });
      });
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}

/** A tenant of its own for the tests that change allowlists, restrictions and suspensions. */
async function isolatedTenant() {
  const ops = await as.ops();
  const slug = `errors-${Date.now()}`;
  const org = await call<{ id: string }>('POST', '/admin/api/organizations', {
    token: ops,
    body: { name: 'Errors Clinic', slug, kind: 'PRACTICE' },
  });
  const merchantId = `7${String(Date.now()).slice(-12)}`;
  const other = `8${String(Date.now()).slice(-12)}`;
  for (const id of [merchantId, other]) {
    await call('POST', '/admin/api/merchants', {
      token: ops,
      body: { merchantId: id, name: 'Errors merchant', organizationId: org.body.id },
    });
    await call('POST', '/admin/api/outlets', {
      token: ops,
      body: { merchantId: id, storeId: '001', terminalId: '001' },
    });
  }
  const cred = await call<{ id: string; identifier: string; secret: string }>(
    'POST',
    '/admin/api/credentials',
    {
      token: ops,
      body: { kind: 'ACCOUNT', name: 'pos', organizationId: org.body.id, merchantIds: [merchantId] },
    },
  );
  if (cred.status !== 201) throw new Error(`setup failed: ${cred.text}`);
  return { ops, orgId: org.body.id, merchantId, other, auth: basic(cred.body.identifier, cred.body.secret) };
}

describe('NVP errors: every status of nvp.md, in the NVP shape', () => {
  let t: Awaited<ReturnType<typeof isolatedTenant>>;
  beforeAll(async () => {
    t = await isolatedTenant();
  });
  const pay = (merchantID: string, auth = t.auth) =>
    nvp(
      {
        merchantID,
        storeID: '001',
        terminalID: '001',
        transactionType: 'CreditCard',
        transactionAction: 'Sale',
        amount: '1.00',
        cardNumber: '4111111111111111',
        cardExpiration: '12/40',
      },
      { auth },
    );

  it('400 names the field and the rule', async () => {
    expect(expectNvpError(await sale({ amount: '12.345' }), 400)).toBe(
      'amount must be a positive decimal with at most 2 places',
    );
    expect(expectNvpError(await sale({ amount: '' }), 400)).toMatch(/amount/);
    expect(expectNvpError(await sale({ cardNumber: '4111-abc' }), 400)).toMatch(/cardNumber/);
    expect(expectNvpError(await sale({ cardExpiration: '13/30' }), 400)).toMatch(/cardExpiration/);
    expect(expectNvpError(await sale({ transactionAction: 'Steal' }), 400)).toMatch(/transactionAction/);
    expect(expectNvpError(await sale({ trackData: '%Bgarbage' }), 400)).toBe(
      'trackData is not valid track 1 or track 2 data',
    );
    expect(expectNvpError(await sale({ merchantID: '123' }), 400)).toMatch(/merchantID must be 13 digits/);
  });

  it('401 with WWW-Authenticate for missing or wrong credentials', async () => {
    const none = await sale({}).then(() => nvp({ ...LAKESIDE_OUTLET }, { auth: null }));
    expect(expectNvpError(none, 401)).toBeTruthy();
    expect(none.headers.get('www-authenticate')).toMatch(/^Basic/);
    const wrong = await nvp(
      { ...LAKESIDE_OUTLET },
      { auth: basic(DEMO.lakeside.account.identifier, 'nope') },
    );
    expect(expectNvpError(wrong, 401)).toBe('Invalid AccountID or Password.');
  });

  it('403 for an address outside the allowlist, before any work', async () => {
    await call('PUT', `/admin/api/organizations/${t.orgId}`, {
      token: t.ops,
      body: { ipAllowlist: ['203.0.113.0/24', '2001:db8::/32'] },
    });
    try {
      expect(expectNvpError(await pay(t.merchantId), 403)).toMatch(/not allowed/);
    } finally {
      await call('PUT', `/admin/api/organizations/${t.orgId}`, { token: t.ops, body: { ipAllowlist: [] } });
    }
    await call('PUT', `/admin/api/merchants/${t.merchantId}`, {
      token: t.ops,
      body: { ipAllowlist: ['198.51.100.7/32'] },
    });
    try {
      expect(expectNvpError(await pay(t.merchantId), 403)).toMatch(/not allowed for this merchant/);
    } finally {
      await call('PUT', `/admin/api/merchants/${t.merchantId}`, { token: t.ops, body: { ipAllowlist: [] } });
    }
    expect((await pay(t.merchantId)).fields.responseCode).toBe('000');
    const audit = await call<{ action: string }[]>(
      'GET',
      `/admin/api/audit-log?filter=${encodeURIComponent(JSON.stringify({ action: 'credential.refused' }))}`,
      { token: t.ops },
    );
    expect(audit.body.length).toBeGreaterThan(0);
  });

  it('403 for a merchant the credential is restricted from, and for a suspended merchant', async () => {
    expect(expectNvpError(await pay(t.other), 403)).toMatch(/restricted/);
    await call('PUT', `/admin/api/merchants/${t.merchantId}`, {
      token: t.ops,
      body: { status: 'SUSPENDED' },
    });
    try {
      expect(expectNvpError(await pay(t.merchantId), 403)).toMatch(/suspended/);
    } finally {
      await call('PUT', `/admin/api/merchants/${t.merchantId}`, { token: t.ops, body: { status: 'ACTIVE' } });
    }
  });

  it('404 alike for unknown and other tenants merchants, outlets and transactions', async () => {
    const unknown = expectNvpError(await sale({ merchantID: '0000000000000' }), 404);
    const foreign = expectNvpError(await sale({ merchantID: DEMO.harbor.merchantId }), 404);
    expect(foreign).toBe(unknown);
    expectNvpError(await sale({ storeID: '999' }), 404);
    const mine = await sale();
    const viaHarbor = await nvp(
      { transactionAction: 'ViewReceipt', transactionID: mine.fields.transactionID },
      { auth: HARBOR_NVP },
    );
    expect(expectNvpError(viaHarbor, 404)).toBe(
      expectNvpError(
        await nvp({ transactionAction: 'ViewReceipt', transactionID: 'A'.repeat(32) }, { auth: HARBOR_NVP }),
        404,
      ),
    );
    expectNvpError(await sale({ transactionAction: 'Void', primaryTransactionID: 'B'.repeat(32) }), 404);
  });

  it('409 for an idempotency key reused with another body, and for an illegal state move', async () => {
    const key = `dup-${Date.now()}`;
    expect((await sale({ idempotencyKey: key })).status).toBe(200);
    expect(expectNvpError(await sale({ idempotencyKey: key, amount: '26.00' }), 409)).toMatch(
      /different request/,
    );
    const s = await sale();
    await sale({ transactionAction: 'Void', primaryTransactionID: s.fields.transactionID });
    expect(
      expectNvpError(
        await sale({ transactionAction: 'Void', primaryTransactionID: s.fields.transactionID }),
        409,
      ),
    ).toMatch(/voided/i);
  });

  it('413 over 4 MiB (the NVP route takes check images) and 415 for another content type', async () => {
    expectNvpError(await postOversized(4 * 1024 * 1024 + 1), 413);
    const json = await nvp(
      {},
      { raw: JSON.stringify({ amount: '1.00' }), headers: { 'content-type': 'application/json' } },
    );
    expectNvpError(json, 415);
  });

  it('429 with Retry-After past the per-credential rate', async () => {
    const answers = await Promise.all(
      Array.from({ length: 800 }, () =>
        nvp({ transactionAction: 'ViewReceipt', transactionID: 'C'.repeat(32) }, { auth: t.auth }),
      ),
    );
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expectNvpError(limited[0], 429);
    expect(Number(limited[0].headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
