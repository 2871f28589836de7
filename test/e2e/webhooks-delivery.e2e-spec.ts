import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, verifySignature, type Receiver } from '../support/webhook-receiver';
import { as, call } from './client';
import { CARDS, rest } from './payments-client';
import { createEndpoint, deliveries, eventually, freshMerchant, saleOn } from './webhooks-client';

/** Payments reach real receivers in every format, signed, with the workflow statuses of webhooks.md. */
describe('webhook delivery to real receivers', () => {
  let admin: string;
  let finance: string;
  let receiver: Receiver;

  beforeAll(async () => {
    admin = await as.lakesideAdmin();
    finance = await as.lakesideFinance();
    receiver = await startReceiver();
  });
  afterAll(() => receiver.close());

  const forTransaction = (transactionId: string, pathPrefix: string) =>
    receiver
      .requests(pathPrefix)
      .filter(
        (r) => r.rawBody.includes(transactionId) && receiver.parse(r).PaymentTransactionID === transactionId,
      );

  it('posts JSON, XML and NVP, signed so the standardwebhooks library verifies them', async () => {
    const merchantId = await freshMerchant(admin);
    const endpoints = {
      JSON: await createEndpoint(admin, { merchantId, url: receiver.url('/fmt/json'), format: 'JSON' }),
      XML: await createEndpoint(admin, { merchantId, url: receiver.url('/fmt/xml'), format: 'XML' }),
      NVP: await createEndpoint(admin, { merchantId, url: receiver.url('/fmt/nvp'), format: 'NVP' }),
    };
    const transactionId = await saleOn(merchantId, { patientID: 'P-77', additionalInfo1: 'visit 9' });
    for (const [format, endpoint] of Object.entries(endpoints)) {
      const path = `/fmt/${format.toLowerCase()}`;
      const [request] = await receiver.waitFor(1, { pathPrefix: path, timeoutMs: 15_000 });
      expect(verifySignature(request, endpoint.signingSecret as string)).toBe(true);
      expect(verifySignature(request, 'whsec_' + Buffer.alloc(32, 1).toString('base64'))).toBe(false);
      expect(request.headers['user-agent']).toMatch(/^Conduit-Webhooks\/\d/);
      expect(request.headers['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/);
      expect(request.contentType).toContain(
        { JSON: 'application/json', XML: 'application/xml', NVP: 'application/x-www-form-urlencoded' }[
          format
        ],
      );
      if (format === 'XML')
        expect(request.rawBody).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><PaymentTransaction>/);
      const fields = receiver.parse(request);
      expect(fields).toMatchObject({
        EventType: 'Approved',
        PaymentTransactionID: transactionId,
        TransactionAction: 'Sale',
        Amount: '12.34',
        CardLastFourDigits: '************1111',
        MerchantID: merchantId,
        Outlet: `${merchantId}-001-001`,
        PatientID: 'P-77',
        AdditionalInfo1: 'visit 9',
        WorkflowStatus: 'PENDING',
      });
      expect(request.rawBody).not.toContain(CARDS.visa);
    }
    const list = await eventually(async () => {
      const ds = await deliveries(finance, { transactionId });
      expect(ds.map((d) => d.workflowStatus)).toEqual(['COMPLETE', 'COMPLETE', 'COMPLETE']);
      return ds;
    });
    expect(list.every((d) => d.attemptCount === 1 && d.attempts[0].httpStatus === 200)).toBe(true);
    const tx = await call<{ workflowStatus: string; deliveries: unknown[] }>(
      'GET',
      `/admin/api/transactions/${transactionId}`,
      { token: finance },
    );
    expect(tx.body.workflowStatus).toBe('COMPLETE');
    expect(tx.body.deliveries).toHaveLength(3);
  });

  it('retries a failing receiver to posting error, keeps the posting message, and resends with the same webhook-id', async () => {
    const merchantId = await freshMerchant(admin);
    receiver.behave('/retry', {
      kind: 'status',
      status: 503,
      reason: 'Practice System Down',
      body: 'try later',
    });
    const endpoint = await createEndpoint(admin, { merchantId, url: receiver.url('/retry') });
    const transactionId = await saleOn(merchantId);
    const seen = new Set<string>();
    const failed = await eventually(async () => {
      const [d] = await deliveries(finance, { transactionId });
      seen.add(d.workflowStatus);
      expect(d.workflowStatus).toBe('POSTING_ERROR');
      return d;
    }, 30_000);
    expect(seen.has('PENDING_POSTING_RETRY')).toBe(true);
    expect(failed.attemptCount).toBe(5);
    expect(failed.attempts.map((a) => a.httpStatus)).toEqual([503, 503, 503, 503, 503]);
    expect(failed.postingMessage).toBe('503 Practice System Down: try later');
    const posts = forTransaction(transactionId, '/retry');
    expect(posts).toHaveLength(5);
    expect(new Set(posts.map((p) => p.headers['webhook-id'])).size).toBe(1);
    const tx = await call<{ workflowStatus: string }>('GET', `/admin/api/transactions/${transactionId}`, {
      token: finance,
    });
    expect(tx.body.workflowStatus).toBe('POSTING_ERROR');
    const filtered = await call<{ id: string }[]>(
      'GET',
      `/admin/api/transactions?filter=${encodeURIComponent(JSON.stringify({ merchantId, workflowStatus: 'POSTING_ERROR' }))}`,
      { token: finance },
    );
    expect(filtered.body.map((t) => t.id)).toEqual([transactionId]);

    receiver.behave('/retry', { kind: 'ok' });
    const resent = await call<{ workflowStatus: string }>(
      'POST',
      `/admin/api/webhook-deliveries/${failed.id}/resend`,
      { token: finance },
    );
    expect(resent.status, resent.text).toBe(200);
    await eventually(async () => {
      const [d] = await deliveries(finance, { transactionId });
      expect(d.workflowStatus).toBe('COMPLETE');
    });
    const all = forTransaction(transactionId, '/retry');
    expect(all).toHaveLength(6);
    expect(all[5].headers['webhook-id']).toBe(posts[0].headers['webhook-id']);
    expect(verifySignature(all[5], endpoint.signingSecret as string)).toBe(true);
  });

  it('resends every posting error matching a filter', async () => {
    const merchantId = await freshMerchant(admin);
    receiver.behave('/bulk', { kind: 'status', status: 500, reason: 'Internal Server Error', body: '' });
    const endpoint = await createEndpoint(admin, { merchantId, url: receiver.url('/bulk') });
    const ids = [await saleOn(merchantId), await saleOn(merchantId)];
    await eventually(async () => {
      const ds = await deliveries(finance, { endpointId: endpoint.id });
      expect(ds.map((d) => d.workflowStatus)).toEqual(['POSTING_ERROR', 'POSTING_ERROR']);
    }, 30_000);
    receiver.behave('/bulk', { kind: 'ok' });
    const r = await call<{ resent: number }>('POST', '/admin/api/webhook-deliveries/resend', {
      token: finance,
      body: { filter: { endpointId: endpoint.id } },
    });
    expect(r.body).toEqual({ resent: 2 });
    await eventually(async () => {
      const ds = await deliveries(finance, { endpointId: endpoint.id });
      expect(ds.map((d) => d.workflowStatus)).toEqual(['COMPLETE', 'COMPLETE']);
    });
    for (const id of ids) expect(forTransaction(id, '/bulk')).toHaveLength(6);
  });

  it('tries once more at once when no status came back, and counts the pair as one attempt', async () => {
    const merchantId = await freshMerchant(admin);
    receiver.behave('/reset', { kind: 'sequence', steps: [{ kind: 'reset' }, { kind: 'ok' }] });
    await createEndpoint(admin, { merchantId, url: receiver.url('/reset') });
    const transactionId = await saleOn(merchantId);
    const [d] = await eventually(async () => {
      const ds = await deliveries(finance, { transactionId });
      expect(ds[0]?.workflowStatus).toBe('COMPLETE');
      return ds;
    });
    expect(d.attemptCount).toBe(1);
    expect(receiver.requests('/reset')).toHaveLength(2);

    receiver.behave('/hang', { kind: 'hang' });
    const hang = await createEndpoint(admin, { merchantId, url: receiver.url('/hang') });
    const slow = await saleOn(merchantId);
    // The list reads a delivery and its attempts in two queries, so one read may see the attempt
    // before its delivery's new status: wait for both (they are written in one statement).
    const timedOut = await eventually(async () => {
      const [hung] = await deliveries(finance, { transactionId: slow, endpointId: hang.id });
      expect(hung.attempts[0]?.errorClass).toBe('timeout');
      expect(hung.workflowStatus).toBe('PENDING_POSTING_RETRY');
      return hung;
    }, 15_000);
    expect(timedOut.postingMessage).toMatch(/no answer within 1500 ms/);
    // Two posts (the first and its immediate second try) make the first attempt.
    expect(receiver.requests('/hang').length).toBeGreaterThanOrEqual(2);
  });

  it('sends a sample of any type and format and shows the exact request and response', async () => {
    const merchantId = await freshMerchant(admin);
    receiver.behave('/sample', { kind: 'status', status: 202, reason: 'Accepted', body: 'queued' });
    const endpoint = await createEndpoint(admin, {
      merchantId,
      url: receiver.url('/sample'),
      format: 'JSON',
    });
    const r = await call<{
      request: { method: string; url: string; headers: Record<string, string>; body: string };
      response: { status: number; reasonPhrase: string; body: string };
      success: boolean;
    }>('POST', `/admin/api/webhook-endpoints/${endpoint.id}/test`, {
      token: admin,
      body: { eventType: 'Refunded', format: 'XML' },
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body.success).toBe(true);
    expect(r.body.response).toMatchObject({ status: 202, reasonPhrase: 'Accepted', body: 'queued' });
    const [got] = await receiver.waitFor(1, { pathPrefix: '/sample' });
    expect(got.rawBody).toBe(r.body.request.body);
    expect(got.headers['webhook-signature']).toBe(r.body.request.headers['webhook-signature']);
    expect(receiver.parse(got).EventType).toBe('Refunded');
    expect(verifySignature(got, endpoint.signingSecret as string)).toBe(true);
    const health = await call<{ attempts: number }>(
      'GET',
      `/admin/api/webhook-endpoints/${endpoint.id}/health`,
      {
        token: finance,
      },
    );
    expect(health.status).toBe(200);
    expect(health.body.attempts).toBe(0);
  });

  it('does not follow redirects, shows the status on the REST transaction, and skips disabled endpoints', async () => {
    const merchantId = await freshMerchant(admin);
    receiver.behave('/moved', {
      kind: 'status',
      status: 302,
      reason: 'Found',
      body: '',
      headers: { location: receiver.url('/elsewhere') },
    });
    const endpoint = await createEndpoint(admin, { merchantId, url: receiver.url('/moved') });
    const transactionId = await saleOn(merchantId);
    const [d] = await eventually(async () => {
      const ds = await deliveries(finance, { transactionId });
      expect(ds[0]?.attempts[0]?.httpStatus).toBe(302);
      return ds;
    });
    expect(d.postingMessage).toBe('302 Found');
    expect(receiver.requests('/elsewhere')).toHaveLength(0);
    const restTx = await rest<{ WorkflowStatus: string }>('GET', `/payment/transaction/${transactionId}`);
    expect(['PENDING_POSTING_RETRY', 'POSTING_ERROR']).toContain(restTx.body.WorkflowStatus);
    const disabled = await call('PUT', `/admin/api/webhook-endpoints/${endpoint.id}`, {
      token: admin,
      body: { enabled: false },
    });
    expect(disabled.status, disabled.text).toBe(200);
    const after = await saleOn(merchantId);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await deliveries(finance, { transactionId: after })).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    const byDate = await deliveries(finance, { endpointId: endpoint.id, createdFrom: today });
    expect(byDate.map((x) => x.id)).toEqual([d.id]);
    expect(await deliveries(finance, { endpointId: endpoint.id, createdTo: '2000-01-01' })).toEqual([]);
  });

  it('sends Basic credentials, and reports the endpoint health', async () => {
    const merchantId = await freshMerchant(admin);
    receiver.behave('/basic', { kind: 'basic', username: 'pms', password: 'pms-pass-9' });
    const endpoint = await createEndpoint(admin, {
      merchantId,
      url: receiver.url('/basic'),
      authType: 'BASIC',
      basicUsername: 'pms',
      basicPassword: 'pms-pass-9',
    });
    const transactionId = await saleOn(merchantId);
    await eventually(async () => {
      const [d] = await deliveries(finance, { transactionId });
      expect(d.workflowStatus).toBe('COMPLETE');
    });
    const health = await call<{ attempts: number; succeeded: number; successRate: number }>(
      'GET',
      `/admin/api/webhook-endpoints/${endpoint.id}/health`,
      { token: finance },
    );
    expect(health.body).toMatchObject({ attempts: 1, succeeded: 1, successRate: 1 });
  });
});
