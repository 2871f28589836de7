import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Conduit } from './client';
import { ConduitError } from './errors';

interface Seen {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** A scripted platform: each answer in turn ('drop' fails the connection like a reset). */
function scripted(answers: (Response | 'drop')[]) {
  const seen: Seen[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    seen.push({
      url: String(input),
      method: init?.method ?? 'GET',
      headers: init?.headers as Record<string, string>,
      body: init?.body as string | undefined,
    });
    const next = answers.shift() ?? new Response('no more answers', { status: 599 });
    if (next === 'drop') throw new TypeError('fetch failed');
    return next;
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const approved = { TransactionID: 'T1', TransactionStatus: 'C', ResponseCode: '000' };
const sale = {
  Outlet: { MerchantID: '6011000551245', StoreID: '001', TerminalID: '002' },
  Amount: '25.00',
  Card: { CardNumber: '4111111111111111', Expiration: '12/30' },
};

function client(fetch: typeof globalThis.fetch, maxRetries = 2) {
  return new Conduit({
    baseUrl: 'http://platform.test',
    apiKey: 'ak',
    apiSecret: 'sk',
    nvp: { accountId: 'acct', password: 'pw' },
    maxRetries,
    backoff: { baseDelayMs: 1, maxDelayMs: 2 },
    fetch,
  });
}

describe('retries', () => {
  it('reuses one Idempotency-Key on every retry after network failures and 5xx', async () => {
    const platform = scripted([
      'drop',
      json(503, { ErrorCode: 503, ErrorMessage: 'busy' }),
      json(200, approved),
    ]);
    const result = await client(platform.fetch).payments.sale(sale);
    expect(result.TransactionID).toBe('T1');
    expect(platform.seen).toHaveLength(3);
    const keys = platform.seen.map((s) => s.headers['idempotency-key']);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(keys).size).toBe(1);
    expect(new Set(platform.seen.map((s) => s.body)).size).toBe(1);
  });

  it('keeps the caller’s Idempotency-Key', async () => {
    const platform = scripted(['drop', json(200, approved)]);
    await client(platform.fetch).payments.sale(sale, { idempotencyKey: 'order-1001' });
    expect(platform.seen.map((s) => s.headers['idempotency-key'])).toEqual(['order-1001', 'order-1001']);
  });

  it('retries 409 in progress and 429, but not a 409 for a different body', async () => {
    const inProgress = json(409, {
      ErrorCode: 409,
      ErrorMessage: 'A request with this Idempotency-Key is still in progress; retry later',
    });
    const limited = json(429, { ErrorCode: 429, ErrorMessage: 'Too many requests' }, { 'retry-after': '0' });
    const ok = scripted([inProgress, limited, json(200, approved)]);
    expect((await client(ok.fetch).payments.sale(sale)).TransactionID).toBe('T1');
    expect(ok.seen).toHaveLength(3);

    const reused = scripted([
      json(409, {
        ErrorCode: 409,
        ErrorMessage: 'Idempotency-Key was already used with a different request',
      }),
    ]);
    const err = await client(reused.fetch)
      .payments.sale(sale)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConduitError);
    expect((err as ConduitError).code).toBe('conflict');
    expect(reused.seen).toHaveLength(1);
  });

  it('waits as long as Retry-After says', async () => {
    const platform = scripted([
      json(429, { ErrorCode: 429, ErrorMessage: 'slow down' }, { 'retry-after': '1' }),
      json(200, approved),
    ]);
    const started = Date.now();
    await client(platform.fetch).payments.sale(sale);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('retries a 028 decline under a derived key, and answers the last decline as a result', async () => {
    const retry = { TransactionID: 'D1', TransactionStatus: 'D', ResponseCode: '028' };
    const platform = scripted([
      json(200, retry),
      json(200, { ...retry, TransactionID: 'D2' }),
      json(200, { ...retry, TransactionID: 'D3' }),
    ]);
    const result = await client(platform.fetch).payments.sale(sale, { idempotencyKey: 'k' });
    expect(result).toMatchObject({ TransactionID: 'D3', ResponseCode: '028' });
    expect(platform.seen.map((s) => s.headers['idempotency-key'])).toEqual(['k', 'k.retry1', 'k.retry2']);
  });

  it('does not retry a 028 when reading a transaction', async () => {
    const platform = scripted([json(200, { TransactionID: 'D1', ResponseCode: '028' })]);
    await client(platform.fetch).transactions.get('D1');
    expect(platform.seen).toHaveLength(1);
    expect(platform.seen[0].headers['idempotency-key']).toBeUndefined();
  });

  it('makes at most maxRetries + 1 attempts, then throws the last error', () =>
    fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 4 }), async (maxRetries) => {
        const platform = scripted(Array.from({ length: 10 }, () => 'drop' as const));
        const err = await client(platform.fetch, maxRetries)
          .payments.sale(sale)
          .catch((e: unknown) => e);
        expect(platform.seen).toHaveLength(maxRetries + 1);
        expect(err).toMatchObject({ status: 0, code: 'network_error' });
      }),
      { numRuns: 10 },
    ));

  it('stops at once when the caller aborts', async () => {
    const platform = scripted(['drop', 'drop', 'drop']);
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    await expect(client(platform.fetch).payments.sale(sale, { signal: controller.signal })).rejects.toThrow(
      'cancelled',
    );
    expect(platform.seen.length).toBeLessThanOrEqual(1);
  });

  it('times out an attempt that gets no answer', async () => {
    const hang = (async (_input: string | URL | Request, init?: RequestInit) =>
      new Promise<Response>((_, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      )) as typeof globalThis.fetch;
    const conduit = new Conduit({
      baseUrl: 'http://platform.test',
      apiKey: 'a',
      apiSecret: 'b',
      fetch: hang,
      maxRetries: 0,
      timeoutMs: 50,
    });
    await expect(conduit.transactions.get('T1')).rejects.toMatchObject({ code: 'timeout', status: 0 });
  });
});

describe('errors', () => {
  it('carries status, code, message, reference number and every invalid field', async () => {
    const platform = scripted([
      json(400, {
        ErrorCode: 400,
        ErrorMessage: 'Amount is required',
        ReferenceNumber: 'R-1',
        Errors: [
          { Field: 'Amount', Message: 'Amount is required' },
          { Field: 'Outlet.MerchantID', Message: 'Outlet.MerchantID is required' },
        ],
      }),
    ]);
    const err = (await client(platform.fetch)
      .payments.sale(sale)
      .catch((e: unknown) => e)) as ConduitError;
    expect(err).toBeInstanceOf(ConduitError);
    expect(err).toMatchObject({
      status: 400,
      code: 'invalid_request',
      message: 'Amount is required',
      referenceNumber: 'R-1',
    });
    expect(err.errors).toEqual([
      { field: 'Amount', message: 'Amount is required' },
      { field: 'Outlet.MerchantID', message: 'Outlet.MerchantID is required' },
    ]);
  });

  it('reads NVP errors with their reference, and sends Basic authentication', async () => {
    const platform = scripted([
      new Response('errorCode=404&errorMessage=Primary+transaction+not+found&referenceNumber=R-9', {
        status: 404,
      }),
    ]);
    const err = (await client(platform.fetch)
      .nvp.send({ transactionAction: 'Void', primaryTransactionID: 'X' })
      .catch((e: unknown) => e)) as ConduitError;
    expect(err).toMatchObject({
      status: 404,
      code: 'not_found',
      referenceNumber: 'R-9',
      message: 'Primary transaction not found',
    });
    expect(platform.seen[0].headers.authorization).toBe(`Basic ${btoa('acct:pw')}`);
    expect(platform.seen[0].url).toBe('http://platform.test/payment/NVP.aspx');
  });

  it('sends an NVP idempotencyKey field as the header, so a 028 retry can derive a key', async () => {
    const platform = scripted([
      new Response('responseCode=028&responseMessage=PLEASE+RETRY&transactionStatus=D'),
      new Response('responseCode=000&responseMessage=APPROVED&transactionStatus=C'),
    ]);
    const answer = await client(platform.fetch).nvp.send({
      amount: '5.00',
      idempotencyKey: 'n-1',
      skipped: undefined,
    });
    expect(answer.responseCode).toBe('000');
    expect(platform.seen.map((s) => s.headers['idempotency-key'])).toEqual(['n-1', 'n-1.retry1']);
    expect(platform.seen[0].body).toBe('amount=5.00');
  });
});
