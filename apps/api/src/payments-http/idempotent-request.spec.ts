import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { parseMasterKeys, RequestFingerprints } from '@conduit/crypto';
import { idempotentRequest } from './idempotent-send';

const fingerprints = new RequestFingerprints(parseMasterKeys(`1:${Buffer.alloc(32, 7).toString('base64')}`));

/** A request as the body parsers leave it: the exact text kept, the body parsed. */
function jsonRequest(text: string, url = '/rest/payment/sale'): FastifyRequest {
  return {
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    rawBody: text,
    body: JSON.parse(text),
  } as unknown as FastifyRequest;
}

function formRequest(pairs: [string, string][], url = '/payment/NVP.aspx'): FastifyRequest {
  const body: Record<string, string> = {};
  for (const [k, v] of pairs) body[k] = v;
  return {
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    rawBody: new URLSearchParams(pairs).toString(),
    body,
  } as unknown as FastifyRequest;
}

const fingerprintOf = (req: FastifyRequest) => fingerprints.of(idempotentRequest(req).canonical).fingerprint;

const sale = {
  Outlet: { MerchantID: '2F6C8A0E', StoreID: '001', TerminalID: '001' },
  Amount: '44.00',
  Card: { CardNumber: '5500000000000004', Expiration: '12/29', CVN: '123' },
  Patient: { PatientID: 'P-1' },
};

/** `value` with each object's keys in an order picked by `seed`. */
function reordered(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v) => reordered(v, seed));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([k, v], i) => [(i * 31 + seed) % 17, k, v] as const);
  entries.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1));
  return Object.fromEntries(entries.map(([, k, v]) => [k, reordered(v, seed + 1)]));
}

describe('idempotentRequest fingerprints', () => {
  it('JSON: any key order and whitespace of the same body give the same fingerprint', () => {
    const first = fingerprintOf(jsonRequest(JSON.stringify(sale)));
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom(0, 2, 4, '\t', '  \n'), (seed, space) => {
        expect(fingerprintOf(jsonRequest(JSON.stringify(reordered(sale, seed), null, space)))).toBe(first);
      }),
    );
  });

  it('JSON: any other value gives another fingerprint', () => {
    const first = fingerprintOf(jsonRequest(JSON.stringify(sale)));
    fc.assert(
      fc.property(
        fc.constantFrom('Amount', 'CVN', 'CardNumber', 'PatientID', 'TerminalID'),
        fc.string({ minLength: 1, maxLength: 20 }),
        (field, value) => {
          const changed = JSON.parse(JSON.stringify(sale)) as Record<string, Record<string, string> | string>;
          const holder = Object.values(changed).find((v) => typeof v === 'object' && field in v) as
            Record<string, string> | undefined;
          const before = holder ? holder[field] : (changed[field] as string);
          fc.pre(value !== before);
          if (holder) holder[field] = value;
          else changed[field] = value;
          expect(fingerprintOf(jsonRequest(JSON.stringify(changed)))).not.toBe(first);
        },
      ),
    );
  });

  it('NVP: any order and name casing of the same fields give the same fingerprint', () => {
    const pairs = Object.entries({
      merchantID: '2F6C8A0E',
      transactionAction: 'Sale',
      amount: '33.00',
      cardNumber: '4111111111111111',
      cardVerificationNumber: '737',
    });
    const first = fingerprintOf(formRequest(pairs));
    fc.assert(
      fc.property(fc.shuffledSubarray(pairs, { minLength: pairs.length }), fc.boolean(), (order, upper) => {
        const sent = order.map(([k, v]): [string, string] => [upper ? k.toUpperCase() : k, v]);
        expect(fingerprintOf(formRequest(sent))).toBe(first);
      }),
    );
    expect(fingerprintOf(formRequest(pairs.map(([k, v]) => [k, k === 'amount' ? '33.01' : v])))).not.toBe(
      first,
    );
  });

  it('the path and the interface are part of the request', () => {
    const body = JSON.stringify(sale);
    expect(fingerprintOf(jsonRequest(body, '/rest/payment/authorization'))).not.toBe(
      fingerprintOf(jsonRequest(body)),
    );
    expect(fingerprintOf(jsonRequest(body, '/REST/Payment/Sale?x=1'))).toBe(fingerprintOf(jsonRequest(body)));
  });

  it('canonical texts never equal an exact (legacy) one, and stay keyed', () => {
    const r = idempotentRequest(jsonRequest(JSON.stringify(sale, null, 2)));
    expect(r.legacy).toBe(`POST /rest/payment/sale\n${JSON.stringify(sale, null, 2)}`);
    expect(r.canonical.startsWith('canonical/v1\n')).toBe(true);
    const stored = fingerprints.of(r.canonical).fingerprint;
    // An unkeyed digest of the text would let a reader of the table guess the CVN.
    expect(stored).not.toBe(createHash('sha256').update(r.canonical).digest('hex'));
    expect(stored).not.toContain(sale.Card.CVN);
  });

  it('compares bodies that are not JSON or a form (SOAP XML) exactly', () => {
    const req = {
      method: 'POST',
      url: '/ws/PaymentService.asmx',
      headers: { 'content-type': 'text/xml' },
      rawBody: '<a> <b/></a>',
      body: Buffer.from('<a> <b/></a>'),
    } as unknown as FastifyRequest;
    expect(idempotentRequest(req).canonical).toBe('POST /ws/paymentservice.asmx\n<a> <b/></a>');
  });
});
