import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { Conduit, type ConduitOptions } from '@conduit-payments/sdk';
import { DEMO } from './client';
import { CARDS, FUTURE, REST_OUTLET } from './payments-client';

/** The SDK against the started platform, as a vendor configures it (Lakeside's credentials). */
export function conduit(options: Partial<ConduitOptions> = {}): Conduit {
  return new Conduit({
    baseUrl: inject('apiUrl'),
    apiKey: DEMO.lakeside.apiKey.identifier,
    apiSecret: DEMO.lakeside.apiKey.secret,
    nvp: { accountId: DEMO.lakeside.account.identifier, password: DEMO.lakeside.account.password },
    backoff: { baseDelayMs: 50, maxDelayMs: 200 },
    ...options,
  });
}

export const OUTLET = REST_OUTLET;
export const CARD = { EntryMode: 'key' as const, CardNumber: CARDS.visa, Expiration: FUTURE, CVN: '123' };
export const patientId = () => `P-SDK-${randomUUID().slice(0, 8)}`;

/** A sale as the README's quick start writes it, for one patient (so a test counts its own). */
export const saleOf = (patient: string, extra: Record<string, unknown> = {}) => ({
  Outlet: OUTLET,
  Amount: '25.00',
  Card: CARD,
  Patient: { PatientID: patient, FirstName: 'Pat', LastName: 'Doe' },
  ...extra,
});

/** Transactions the database holds for a patient: what moved money, whatever any client says. */
export async function transactionsOf(patient: string): Promise<{ action: string; status: string }[]> {
  const db = new pg.Client({ connectionString: inject('databaseUrl') });
  await db.connect();
  try {
    const { rows } = await db.query(
      'SELECT action::text AS action, status::text AS status FROM transactions WHERE patient_id = $1 ORDER BY created_at',
      [patient],
    );
    return rows;
  } finally {
    await db.end();
  }
}

/** The payer completes the hosted page with a card, over plain HTTP (as a browser posts it). */
export async function payOnHostedPage(token: string): Promise<number> {
  const res = await fetch(`${inject('apiUrl')}/providers/Form/PatientPayments/NewPaymentSimpleSSO`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      token,
      tender: 'CreditCard',
      cardNumber: CARDS.visa,
      cardExpiration: FUTURE,
      cardHolderName: 'Pat Doe',
    }).toString(),
  });
  await res.text();
  return res.status;
}
