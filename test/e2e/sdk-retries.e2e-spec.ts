import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ConduitError } from '@conduit-payments/sdk';
import { startFlakyProxy, type FlakyProxy } from '../support/flaky-proxy';
import { CARDS, FUTURE } from './payments-client';
import { CARD, conduit, OUTLET, patientId, saleOf, transactionsOf } from './sdk-client';

/**
 * Retries never charge twice: between the SDK and the started api a TCP proxy loses the api's
 * answer after the payment was committed; the database then holds exactly one transaction.
 */
describe('SDK: retries under injected network failures', () => {
  let proxy: FlakyProxy;
  beforeAll(async () => {
    proxy = await startFlakyProxy(inject('apiUrl'));
  });
  afterAll(() => proxy.close());
  const sdk = (maxRetries = 2) => conduit({ baseUrl: proxy.url, maxRetries });
  const salesSent = (from: number) =>
    proxy
      .forwarded()
      .slice(from)
      .filter((r) => r.line.endsWith('/sale'));

  it('a lost answer is retried with the same key and replayed: one charge', async () => {
    const patient = patientId();
    const before = proxy.forwarded().length;
    proxy.dropResponses(2);
    const sale = await sdk().payments.sale(saleOf(patient));
    expect(sale).toMatchObject({ ResponseCode: '000', TransactionStatus: 'C' });
    const sent = salesSent(before);
    expect(sent).toHaveLength(3);
    expect(new Set(sent.map((s) => s.idempotencyKey)).size).toBe(1);
    expect(await transactionsOf(patient)).toEqual([{ action: 'Sale', status: 'C' }]);
  });

  it('without retries the caller sees the network error, yet the payment happened once', async () => {
    const patient = patientId();
    proxy.dropResponses(1);
    const err = await sdk(0)
      .payments.sale(saleOf(patient))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConduitError);
    expect(err).toMatchObject({ status: 0, code: 'network_error' });
    expect(await transactionsOf(patient)).toHaveLength(1);
  });

  it('a request refused before it arrived is sent again and charged once', async () => {
    const patient = patientId();
    proxy.refuseRequests(1);
    await sdk().payments.sale(saleOf(patient));
    expect(await transactionsOf(patient)).toHaveLength(1);
  });

  it('capture and NVP sales survive a lost answer too', async () => {
    const patient = patientId();
    const auth = await sdk().payments.authorize(saleOf(patient));
    proxy.dropResponses(1);
    const capture = await sdk().payments.capture({ Outlet: OUTLET, TransactionID: auth.TransactionID });
    expect(capture.ResponseCode).toBe('000');
    expect((await conduit().transactions.get(auth.TransactionID)).SecondaryTransactions).toHaveLength(1);

    const nvpPatient = patientId();
    proxy.dropResponses(1);
    const sale = await sdk().nvp.send({
      merchantID: OUTLET.MerchantID,
      storeID: OUTLET.StoreID,
      terminalID: OUTLET.TerminalID,
      transactionType: 'CreditCard',
      transactionAction: 'Sale',
      amount: '9.00',
      cardNumber: CARDS.visa,
      cardExpiration: FUTURE,
      patientID: nvpPatient,
    });
    expect(sale.responseCode).toBe('000');
    expect(await transactionsOf(nvpPatient)).toHaveLength(1);
  });

  it('retries a 028 decline under new keys and answers the last decline as a result', async () => {
    const patient = patientId();
    const before = proxy.forwarded().length;
    const result = await sdk(2).payments.sale(
      saleOf(patient, { Card: { ...CARD, CardNumber: CARDS.retry } }),
    );
    expect(result).toMatchObject({ TransactionStatus: 'D', ResponseCode: '028' });
    const keys = salesSent(before).map((s) => s.idempotencyKey);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(3);
    // Three attempts, each declined: nothing was charged.
    expect((await transactionsOf(patient)).map((t) => t.status)).toEqual(['D', 'D', 'D']);
  });
});
