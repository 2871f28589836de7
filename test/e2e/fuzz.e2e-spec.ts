import { beforeAll, describe, expect, it } from 'vitest';
import { as, call } from './client';
import { basic, LAKESIDE_OUTLET, nvp, rest, REST_OUTLET } from './payments-client';

/** A small deterministic generator, so a failure can be replayed with the same seed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

const NASTY = [
  '',
  ' ',
  '-1',
  '0',
  '1e9',
  '99999999999.99',
  '1.001',
  'NaN',
  '\u0000',
  '%00',
  '<script>',
  "' OR 1=1 --",
  '../../etc/passwd',
  '🙂',
  'x'.repeat(300),
  '{}',
  '[]',
  'null',
  'true',
  '4111111111111111',
  '13/99',
  '00/00',
  '%B^^?',
  ';=?',
  '1'.repeat(40),
];
const NVP_FIELDS = [
  'merchantID',
  'storeID',
  'terminalID',
  'transactionType',
  'transactionAction',
  'amount',
  'cardNumber',
  'cardExpiration',
  'cardExpirationMonth',
  'cardExpirationYear',
  'cardVerificationNumber',
  'trackData',
  'paymentMethodID',
  'primaryTransactionID',
  'transactionID',
  'routingNumber',
  'accountNumber',
  'accountType',
  'allowPartialPayment',
  'saveOnFile',
  'patientBirthDate',
  'cardPresentStatus',
];
const ACTIONS = [
  'Sale',
  'Authorization',
  'Capture',
  'Void',
  'SimpleRefund',
  'Refund',
  'SaveOnFile',
  'ViewReceipt',
  'Nope',
];

function malformedNvp(r: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  if (r() < 0.15) return pick(['%%%', '&&&=', '=x', 'a=%ZZ', '\u00ff\u00fe', 'amount', 'a=1&a=2&a=3']);
  const fields: Record<string, string> = {
    ...LAKESIDE_OUTLET,
    transactionType: pick(['CreditCard', 'eCheck', 'DebitCard', 'x']),
    transactionAction: pick(ACTIONS),
  };
  for (let i = 0; i < 1 + Math.floor(r() * 5); i++) fields[pick(NVP_FIELDS)] = pick(NASTY);
  return new URLSearchParams(fields).toString();
}

function malformedJson(r: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const roll = r();
  if (roll < 0.2)
    return pick([
      '{',
      '[',
      '"',
      '{"Amount":}',
      'null',
      '[]',
      '123',
      '{"a":1}{"b":2}',
      '\u0000',
      '{"Outlet":"x"}',
    ]);
  const body: Record<string, unknown> = {
    Outlet: roll < 0.5 ? REST_OUTLET : pick([null, 1, 'x', [], { MerchantID: pick(NASTY) }]),
  };
  for (const k of ['Amount', 'PaymentMethod', 'PaymentMethodID', 'TransactionID'])
    if (r() < 0.5) body[k] = pick([...NASTY, 1.5, -3, null, [], {}]);
  if (r() < 0.6)
    body.Card = pick([
      null,
      'x',
      {
        CardNumber: pick(NASTY),
        Expiration: pick(NASTY),
        CVN: pick(NASTY),
        EntryMode: pick(['key', 'swipe', 'x', 7]),
        TrackData: pick(NASTY),
      },
    ]);
  if (r() < 0.3) body.ECheck = { RoutingNumber: pick(NASTY), AccountNumber: pick(NASTY) };
  return JSON.stringify(body);
}

describe('fuzz: malformed NVP and JSON bodies', () => {
  let nvpAuth: string;
  let keys: Record<string, string>;
  beforeAll(async () => {
    const token = await as.lakesideAdmin();
    const a = await call<{ identifier: string; secret: string }>('POST', '/admin/api/credentials', {
      token,
      body: { kind: 'ACCOUNT', name: `fuzz${Date.now()}` },
    });
    const k = await call<{ identifier: string; secret: string }>('POST', '/admin/api/credentials', {
      token,
      body: { kind: 'API_KEY' },
    });
    nvpAuth = basic(a.body.identifier, a.body.secret);
    keys = { 'api-key': k.body.identifier, 'api-secret': k.body.secret };
  });

  it('answers 1,200 malformed bodies with no 5xx, each error in its own shape with a reference number', async () => {
    const r = rng(20261123);
    const paths = ['sale', 'authorization', 'capture', 'void', 'refund-simple', 'refund', 'paymentplan'];
    const problems: string[] = [];
    for (let batch = 0; batch < 120; batch++) {
      const jobs = Array.from({ length: 10 }, async (_, i) => {
        if (i % 2 === 0) {
          const raw = malformedNvp(r);
          const res = await nvp({}, { auth: nvpAuth, raw });
          if (res.status >= 500) problems.push(`NVP ${res.status} for ${raw}`);
          if (
            res.status !== 200 &&
            !(
              res.fields.errorCode === String(res.status) &&
              /^[A-Z0-9]{10}$/.test(res.fields.referenceNumber ?? '')
            )
          )
            problems.push(`NVP shape ${res.status}: ${res.text}`);
        } else {
          const raw = malformedJson(r);
          const res = await rest('POST', `/payment/${paths[Math.floor(r() * paths.length)]}`, undefined, {
            keys,
            raw,
          });
          const b = res.body as { ErrorCode?: number; ReferenceNumber?: string };
          if (res.status >= 500) problems.push(`REST ${res.status} for ${raw}`);
          if (
            res.status !== 200 &&
            !(b.ErrorCode === res.status && /^[A-Z0-9]{10}$/.test(b.ReferenceNumber ?? ''))
          )
            problems.push(`REST shape ${res.status}: ${res.text}`);
        }
      });
      await Promise.all(jobs);
      await new Promise((resolve) => setTimeout(resolve, 40)); // stay under the per-credential rate
    }
    expect(problems.slice(0, 10)).toEqual([]);
  }, 180_000);
});
