import { randomInt } from 'node:crypto';
import { expect } from 'vitest';
import { call } from './client';
import { CARDS, FUTURE, nvp } from './payments-client';

/** A fresh merchant of Lakeside with outlet 001-001, so a test's endpoints see only its payments. */
export async function freshMerchant(token: string): Promise<string> {
  const merchantId = `7${String(randomInt(10 ** 11, 10 ** 12))}${randomInt(10)}`.slice(0, 13);
  const m = await call('POST', '/admin/api/merchants', {
    token,
    body: { merchantId, name: `Webhook test ${merchantId}` },
  });
  expect(m.status, m.text).toBe(201);
  const o = await call('POST', '/admin/api/outlets', {
    token,
    body: { merchantId, storeId: '001', terminalId: '001' },
  });
  expect(o.status, o.text).toBe(201);
  return merchantId;
}

export interface EndpointRecord {
  id: string;
  signingSecret?: string;
  [k: string]: unknown;
}

export async function createEndpoint(token: string, body: Record<string, unknown>): Promise<EndpointRecord> {
  const r = await call<EndpointRecord>('POST', '/admin/api/webhook-endpoints', { token, body });
  expect(r.status, r.text).toBe(201);
  return r.body;
}

/** An approved NVP sale on the merchant's outlet; answers its transaction ID. */
export async function saleOn(merchantId: string, extra: Record<string, string> = {}): Promise<string> {
  const r = await nvp({
    merchantID: merchantId,
    storeID: '001',
    terminalID: '001',
    transactionType: 'CreditCard',
    transactionAction: 'Sale',
    amount: '12.34',
    cardNumber: CARDS.visa,
    cardExpiration: FUTURE,
    ...extra,
  });
  expect(r.status, r.text).toBe(200);
  return r.fields.transactionID;
}

export interface DeliveryRecord {
  id: string;
  webhookId: string;
  endpointId: string;
  eventType: string;
  transactionId: string | null;
  workflowStatus: string;
  attemptCount: number;
  attempts: {
    number: number;
    httpStatus: number | null;
    postingMessage: string | null;
    errorClass: string | null;
  }[];
  postingMessage: string | null;
}

export async function deliveries(token: string, filter: Record<string, unknown>): Promise<DeliveryRecord[]> {
  const q = encodeURIComponent(JSON.stringify(filter));
  const r = await call<DeliveryRecord[]>('GET', `/admin/api/webhook-deliveries?filter=${q}&range=[0,99]`, {
    token,
  });
  expect(r.status, r.text).toBe(200);
  return r.body;
}

/** Polls until `check` passes (it throws until then), up to `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
