import pg from 'pg';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { as, call } from './client';
import {
  basic,
  expectNvpError,
  LAKESIDE_OUTLET,
  nvp,
  rest,
  REST_OUTLET,
  FUTURE,
  CARDS,
  expectRestError,
} from './payments-client';

async function count(patientId: string): Promise<number> {
  const client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT count(*)::int AS n FROM transactions WHERE patient_id = $1', [
      patientId,
    ]);
    return rows[0].n;
  } finally {
    await client.end();
  }
}

/** One charge, never two: 40 identical requests at once with one Idempotency-Key. */
describe('idempotency under concurrent duplicates', () => {
  let nvpAuth: string;
  let keys: Record<string, string>;
  beforeAll(async () => {
    const token = await as.lakesideAdmin();
    const acct = await call<{ identifier: string; secret: string }>('POST', '/admin/api/credentials', {
      token,
      body: { kind: 'ACCOUNT', name: `idem${Date.now()}` },
    });
    nvpAuth = basic(acct.body.identifier, acct.body.secret);
    const key = await call<{ identifier: string; secret: string }>('POST', '/admin/api/credentials', {
      token,
      body: { kind: 'API_KEY' },
    });
    keys = { 'api-key': key.body.identifier, 'api-secret': key.body.secret };
  });

  it('NVP: one transaction; every other answer is the same bytes replayed, or 409 while in flight', async () => {
    const patient = `IDEM-NVP-${Date.now()}`;
    const fields = {
      ...LAKESIDE_OUTLET,
      transactionType: 'CreditCard',
      transactionAction: 'Sale',
      amount: '33.00',
      cardNumber: CARDS.visa,
      cardExpiration: FUTURE,
      patientID: patient,
    };
    const key = `k-${patient}`;
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => nvp(fields, { auth: nvpAuth, headers: { 'idempotency-key': key } })),
    );
    const ok = answers.filter((a) => a.status === 200);
    const busy = answers.filter((a) => a.status === 409);
    expect(ok.length + busy.length).toBe(40);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    busy.forEach((b) => expect(expectNvpError(b, 409)).toMatch(/in progress/));
    expect(new Set(ok.map((a) => a.text)).size).toBe(1);
    expect(ok.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(ok.length - 1);
    expect(await count(patient)).toBe(1);
    const later = await nvp(fields, { auth: nvpAuth, headers: { 'idempotency-key': key } });
    expect([later.status, later.headers.get('idempotent-replayed'), later.text]).toEqual([
      200,
      'true',
      ok[0].text,
    ]);
    expect(await count(patient)).toBe(1);
  });

  it('REST: the same, with the key scoped to the organization', async () => {
    const patient = `IDEM-REST-${Date.now()}`;
    const body = {
      Outlet: REST_OUTLET,
      Amount: '44.00',
      Card: { CardNumber: CARDS.mastercard, Expiration: FUTURE },
      Patient: { PatientID: patient },
    };
    const key = `k-${patient}`;
    const answers = await Promise.all(
      Array.from({ length: 40 }, () =>
        rest('POST', '/payment/sale', body, { keys, headers: { 'Idempotency-Key': key } }),
      ),
    );
    const ok = answers.filter((a) => a.status === 200);
    expect(ok.length + answers.filter((a) => a.status === 409).length).toBe(40);
    expect(new Set(ok.map((a) => a.text)).size).toBe(1);
    expect(await count(patient)).toBe(1);
    const changed = await rest(
      'POST',
      '/payment/sale',
      { ...body, Amount: '45.00' },
      { keys, headers: { 'Idempotency-Key': key } },
    );
    expect(changed.status).toBe(409);
    expect(await count(patient)).toBe(1);
  });
});

/**
 * The same request written another way is the same request (decision 0030): a retry from a client
 * that re-serialises its body replays the answer instead of a 409, and charges nothing twice.
 */
describe('idempotency compares requests by their meaning', () => {
  let keys: Record<string, string>;
  let nvpAuth: string;
  beforeAll(async () => {
    const token = await as.lakesideAdmin();
    const key = await call<{ identifier: string; secret: string }>('POST', '/admin/api/credentials', {
      token,
      body: { kind: 'API_KEY' },
    });
    keys = { 'api-key': key.body.identifier, 'api-secret': key.body.secret };
    const acct = await call<{ identifier: string; secret: string }>('POST', '/admin/api/credentials', {
      token,
      body: { kind: 'ACCOUNT', name: `idem-canon${Date.now()}` },
    });
    nvpAuth = basic(acct.body.identifier, acct.body.secret);
  });

  it('REST: reordered keys, other casing and whitespace replay the answer; another body is a 409 naming it', async () => {
    const patient = `IDEM-CANON-REST-${Date.now()}`;
    const key = `k-${patient}`;
    const headers = { 'Idempotency-Key': key };
    const first = await rest(
      'POST',
      '/payment/sale',
      {
        Outlet: REST_OUTLET,
        Amount: '46.00',
        Card: { CardNumber: CARDS.visa, Expiration: FUTURE, CVN: '123' },
        Patient: { PatientID: patient },
      },
      { keys, headers },
    );
    expect(first.status, first.text).toBe(200);
    const id = (first.body as { TransactionID: string }).TransactionID;
    expect(id).toMatch(/^[0-9A-F]{32}$/);
    const rewritten = `{
      "patient" : { "patientid": "${patient}" },
      "CARD": {"CVN":"123",   "expiration": "${FUTURE}", "cardNumber": "${CARDS.visa}"},
      "amount": "46.00",
      "outlet": {"TerminalID": "${REST_OUTLET.TerminalID}", "StoreID": "${REST_OUTLET.StoreID}", "MerchantID": "${REST_OUTLET.MerchantID}"}
    }\n`;
    const again = await rest('POST', '/payment/sale', undefined, { keys, headers, raw: rewritten });
    expect([again.status, again.headers.get('idempotent-replayed'), again.text]).toEqual([
      200,
      'true',
      first.text,
    ]);
    expect(await count(patient)).toBe(1);

    const other = await rest(
      'POST',
      '/payment/sale',
      {
        Outlet: REST_OUTLET,
        Amount: '46.01',
        Card: { CardNumber: CARDS.visa, Expiration: FUTURE, CVN: '123' },
        Patient: { PatientID: patient },
      },
      { keys, headers },
    );
    const error = expectRestError(other, 409);
    expect(error.ErrorMessage).toBe(
      `Idempotency-Key was already used with a different request; it made TransactionID ${id}`,
    );
    expect((other.body as { TransactionID?: string }).TransactionID).toBe(id);
    expect(await count(patient)).toBe(1);
  });

  it('NVP: fields in another order and casing replay the answer; another body is a 409 naming it', async () => {
    const patient = `IDEM-CANON-NVP-${Date.now()}`;
    const fields: [string, string][] = [
      ['merchantID', LAKESIDE_OUTLET.merchantID],
      ['storeID', LAKESIDE_OUTLET.storeID],
      ['terminalID', LAKESIDE_OUTLET.terminalID],
      ['transactionType', 'CreditCard'],
      ['transactionAction', 'Sale'],
      ['amount', '34.00'],
      ['cardNumber', CARDS.visa],
      ['cardExpiration', FUTURE],
      ['patientID', patient],
    ];
    const options = { auth: nvpAuth, headers: { 'idempotency-key': `k-${patient}` } };
    const first = await nvp({}, { ...options, raw: new URLSearchParams(fields).toString() });
    expect(first.status, first.text).toBe(200);
    const id = first.fields.transactionID;
    expect(id).toMatch(/^[0-9A-F]{32}$/);
    const reordered = [...fields]
      .reverse()
      .map(([k, v], i): [string, string] => [i % 2 ? k.toUpperCase() : k, v]);
    const again = await nvp({}, { ...options, raw: new URLSearchParams(reordered).toString() });
    expect([again.status, again.headers.get('idempotent-replayed'), again.text]).toEqual([
      200,
      'true',
      first.text,
    ]);
    expect(await count(patient)).toBe(1);

    const changed = fields.map(([k, v]): [string, string] => [k, k === 'amount' ? '35.00' : v]);
    const other = await nvp({}, { ...options, raw: new URLSearchParams(changed).toString() });
    expect(expectNvpError(other, 409)).toBe(
      `Idempotency-Key was already used with a different request; it made transactionID ${id}`,
    );
    expect(other.fields.transactionID).toBe(id);
    expect(await count(patient)).toBe(1);
  });
});
