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
