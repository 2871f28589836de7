import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConduitError, verifyWebhook, type WebhookEvent } from '@conduit-payments/sdk';
import { startReceiver, type Receiver, type ReceivedRequest } from '../support/webhook-receiver';
import { as, call } from './client';
import { createEndpoint, freshMerchant, saleOn } from './webhooks-client';
import { conduit } from './sdk-client';

/** Real deliveries of every format, verified by the SDK as a vendor's receiver would. */
describe('SDK: webhook verification of real deliveries', () => {
  let admin: string;
  let receiver: Receiver;
  const sdk = conduit();

  beforeAll(async () => {
    admin = await as.lakesideAdmin();
    receiver = await startReceiver();
  });
  afterAll(() => receiver.close());

  const deliveryOf = async (path: string, transactionId: string): Promise<ReceivedRequest> => {
    const until = Date.now() + 15_000;
    for (;;) {
      const found = receiver.requests(path).find((r) => r.rawBody.includes(transactionId));
      if (found) return found;
      if (Date.now() > until) throw new Error(`no delivery of ${transactionId} to ${path}`);
      await receiver
        .waitFor(receiver.requests(path).length + 1, { pathPrefix: path, timeoutMs: 2_000 })
        .catch(() => undefined);
    }
  };

  it('verifies JSON, XML and NVP deliveries and answers the same typed event from each', async () => {
    const merchantId = await freshMerchant(admin);
    const secrets: Record<string, string> = {};
    for (const format of ['JSON', 'XML', 'NVP']) {
      const endpoint = await createEndpoint(admin, {
        merchantId,
        url: receiver.url(`/sdk/${format.toLowerCase()}`),
        format,
      });
      secrets[format] = endpoint.signingSecret as string;
    }
    const transactionId = await saleOn(merchantId, { patientID: 'P-SDK-HOOK', additionalInfo1: 'a & <b>' });
    const events: WebhookEvent[] = [];
    for (const format of ['JSON', 'XML', 'NVP']) {
      const request = await deliveryOf(`/sdk/${format.toLowerCase()}`, transactionId);
      const event = await sdk.webhooks.verify(request.rawBody, request.headers, secrets[format]);
      events.push(event);
      // Another endpoint's secret, or a body changed by one character, does not verify.
      const other = secrets[format === 'JSON' ? 'XML' : 'JSON'];
      await expect(verifyWebhook(request.rawBody, request.headers, other)).rejects.toMatchObject({
        code: 'invalid_signature',
      });
      await expect(
        verifyWebhook(request.rawBody.replace('12.34', '92.34'), request.headers, secrets[format]),
      ).rejects.toBeInstanceOf(ConduitError);
    }
    for (const event of events)
      expect(event).toMatchObject({
        EventType: 'Approved',
        PaymentTransactionID: transactionId,
        Amount: '12.34',
        IsPartiallyApproved: false,
        MerchantID: merchantId,
        PatientID: 'P-SDK-HOOK',
        AdditionalInfo1: 'a & <b>',
      });
    // One event, three formats: the same fields, the same values.
    expect(events[1]).toEqual(events[0]);
    expect(events[2]).toEqual(events[0]);
  });

  it('verifies with the old or the new secret while a rotation is under way', async () => {
    const merchantId = await freshMerchant(admin);
    const endpoint = await createEndpoint(admin, {
      merchantId,
      url: receiver.url('/sdk/rotate'),
      format: 'JSON',
    });
    const rotated = await call<{ signingSecret: string }>(
      'POST',
      `/admin/api/webhook-endpoints/${endpoint.id}/rotate-secret`,
      { token: admin },
    );
    expect(rotated.status, rotated.text).toBe(200);
    const [previous, current] = [endpoint.signingSecret as string, rotated.body.signingSecret];
    const transactionId = await saleOn(merchantId);
    const request = await deliveryOf('/sdk/rotate', transactionId);
    expect(request.headers['webhook-signature'].split(' ')).toHaveLength(2);
    for (const secrets of [current, previous, [current, previous], [previous, current]])
      expect((await verifyWebhook(request.rawBody, request.headers, secrets)).PaymentTransactionID).toBe(
        transactionId,
      );
  });

  it('refuses a delivery replayed later than the tolerance', async () => {
    const merchantId = await freshMerchant(admin);
    const endpoint = await createEndpoint(admin, {
      merchantId,
      url: receiver.url('/sdk/replay'),
      format: 'NVP',
    });
    const request = await deliveryOf('/sdk/replay', await saleOn(merchantId));
    const secret = endpoint.signingSecret as string;
    const sent = Number(request.headers['webhook-timestamp']) * 1000;
    await expect(
      verifyWebhook(request.rawBody, request.headers, secret, { now: () => sent + 60_000 }),
    ).resolves.toBeDefined();
    await expect(
      verifyWebhook(request.rawBody, request.headers, secret, { now: () => sent + 10 * 60_000 }),
    ).rejects.toThrow(/from now/);
  });
});
