import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../support/webhook-receiver';
import { as } from './client';
import { OpenApiValidator } from './openapi-validator';
import { CARDS, FUTURE, rest } from './payments-client';
import { createEndpoint, eventually, freshMerchant, saleOn } from './webhooks-client';

type Verify = (secret: string, headers: Record<string, string>, body: string) => boolean;

/** The document's `webhooks` describe what a receiver really gets, and its snippet verifies it. */
describe('webhooks in the OpenAPI document', () => {
  let admin: string;
  let receiver: Receiver;
  let doc: OpenApiValidator;

  beforeAll(async () => {
    admin = await as.lakesideAdmin();
    receiver = await startReceiver();
    doc = await OpenApiValidator.load();
  });
  afterAll(() => receiver.close());

  it('matches real JSON, XML and NVP deliveries, and the published snippet verifies their signatures', async () => {
    const merchantId = await freshMerchant(admin);
    const formats = ['JSON', 'XML', 'NVP'] as const;
    const secrets: Record<string, string> = {};
    for (const format of formats) {
      const endpoint = await createEndpoint(admin, {
        merchantId,
        url: receiver.url(`/doc/${format.toLowerCase()}`),
        format,
      });
      secrets[format] = endpoint.signingSecret as string;
    }
    await saleOn(merchantId, { patientID: 'P-88', additionalInfo1: 'visit 1', additionalInfo6: 'visit 6' });

    // The receiver snippet exactly as the document publishes it, run as a module.
    const description = doc.document.webhooks.transactionEvent.post.description;
    const code = /```js\n([\s\S]*?)```/.exec(description)?.[1];
    expect(code).toBeTruthy();
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'webhook-snippet-')), 'verify.mjs');
    writeFileSync(file, code as string);
    const { verifyWebhook } = (await import(file)) as { verifyWebhook: Verify };

    const properties = Object.keys(
      (doc.document.components.schemas.TransactionEvent as { properties: Record<string, unknown> })
        .properties,
    );
    for (const format of formats) {
      const [request] = await receiver.waitFor(1, {
        pathPrefix: `/doc/${format.toLowerCase()}`,
        timeoutMs: 15_000,
      });
      expect(verifyWebhook(secrets[format], request.headers, request.rawBody), format).toBe(true);
      expect(verifyWebhook(secrets[format], request.headers, request.rawBody + ' '), format).toBe(false);
      for (const header of ['webhook-id', 'webhook-timestamp', 'webhook-signature', 'user-agent'])
        expect(request.headers[header], header).toBeTruthy();
      if (format === 'JSON') {
        doc.checkComponent('TransactionEvent', JSON.parse(request.rawBody));
      } else {
        // XML and form bodies carry the same names, every value as text.
        expect(properties).toEqual(expect.arrayContaining(Object.keys(receiver.parse(request))));
      }
    }
  });

  it('matches a real payment plan event', async () => {
    const merchantId = await freshMerchant(admin);
    await createEndpoint(admin, { merchantId, url: receiver.url('/doc/plan'), format: 'JSON' });
    const created = await rest('POST', '/payment/paymentplan', {
      Outlet: { MerchantID: merchantId, StoreID: '001', TerminalID: '001' },
      PaymentPlanType: 'Installment',
      TotalAmount: '200.00',
      InstallmentCount: 2,
      Frequency: 'Monthly',
      StartDate: `${new Date().getUTCFullYear() + 1}-01-15`,
      Card: { CardNumber: CARDS.visa, Expiration: FUTURE },
      AdditionalInfo1: 'plan 1',
    });
    expect(created.status, created.text).toBe(200);
    const event = await eventually(async () => {
      const found = receiver
        .requests('/doc/plan')
        .map((r) => JSON.parse(r.rawBody) as Record<string, unknown>)
        .find((b) => b.EventType === 'PaymentPlanCreated');
      expect(found).toBeTruthy();
      return found;
    });
    doc.checkComponent('PaymentPlanEvent', event);
  });
});
