import { describe, expect, it } from 'vitest';
import { ConduitError } from '@conduit-payments/sdk';
import { CARDS, FUTURE } from './payments-client';
import { conduit, OUTLET, patientId, payOnHostedPage } from './sdk-client';

const NVP_OUTLET = { merchantID: OUTLET.MerchantID, storeID: OUTLET.StoreID, terminalID: OUTLET.TerminalID };

/** The SDK's NVP client and single sign-on polling against the started platform. */
describe('SDK: NVP and single sign-on', () => {
  const sdk = conduit();

  it('sends NVP with Basic authentication; a decline is a result, an error carries its reference', async () => {
    const sale = await sdk.nvp.send({
      ...NVP_OUTLET,
      transactionType: 'CreditCard',
      transactionAction: 'Sale',
      amount: '25.00',
      cardNumber: CARDS.visa,
      cardExpiration: FUTURE,
      patientID: patientId(),
    });
    expect(sale).toMatchObject({ responseCode: '000', transactionStatus: 'C', amount: '25.00' });
    expect(sale.transactionID).toMatch(/^[0-9A-F]{32}$/);
    const declined = await sdk.nvp.send({
      ...NVP_OUTLET,
      transactionType: 'CreditCard',
      transactionAction: 'Sale',
      amount: '25.00',
      cardNumber: CARDS.insufficientFunds,
      cardExpiration: FUTURE,
    });
    expect(declined).toMatchObject({ responseCode: '051', transactionStatus: 'D' });
    const err = (await sdk.nvp
      .send({ ...NVP_OUTLET, transactionType: 'CreditCard', transactionAction: 'Sale', amount: 'x' })
      .catch((e: unknown) => e)) as ConduitError;
    expect(err).toBeInstanceOf(ConduitError);
    expect(err).toMatchObject({ status: 400, code: 'invalid_request' });
    expect(err.message).toMatch(/amount/);
    expect(err.referenceNumber).toBeTruthy();
    const wrong = conduit({ nvp: { accountId: 'billing@lakeside-clinic', password: 'wrong' } });
    await expect(wrong.nvp.send({ ...NVP_OUTLET, transactionAction: 'Sale' })).rejects.toMatchObject({
      status: 401,
      code: 'authentication_failed',
    });
  });

  it('creates a REST token, and waitForCompletion resolves with the transaction once the payer paid', async () => {
    const token = await sdk.sso.createToken({
      Outlet: OUTLET,
      TransactionAction: 'Sale',
      Amount: '42.00',
      IsReadOnly: true,
    });
    expect(token.PageURL).toContain(`token=${token.Token}`);
    expect((await sdk.sso.status(token.Token)).Status).toBe('NEW');
    const waiting = sdk.sso.waitForCompletion(token.Token, { intervalMs: 200, timeoutMs: 30_000 });
    await new Promise((r) => setTimeout(r, 500));
    expect(await payOnHostedPage(token.Token)).toBe(200);
    const outcome = await waiting;
    expect(outcome.status).toBe('COMPLETE');
    if (outcome.status !== 'COMPLETE') return;
    expect(outcome.transaction).toMatchObject({
      Amount: '42.00',
      ResponseCode: '000',
      TransactionStatus: 'C',
    });
    expect(outcome.transaction?.TransactionID).toBe(outcome.transactionId);
  });

  it('resolves with expired when the token expires unused (12 s in tests)', async () => {
    const token = await sdk.sso.createToken({ Outlet: OUTLET, Amount: '5.00' });
    const outcome = await sdk.sso.waitForCompletion(token.Token, { intervalMs: 1_000, timeoutMs: 40_000 });
    expect(outcome).toEqual({ status: 'EXPIRED', expired: true });
  });

  it('gives up after timeoutMs, and stops at once when aborted', async () => {
    const token = await sdk.sso.createToken({ Outlet: OUTLET, Amount: '5.00' });
    const started = Date.now();
    await expect(
      sdk.sso.waitForCompletion(token.Token, { intervalMs: 100, timeoutMs: 400 }),
    ).rejects.toMatchObject({ code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(3_000);
    const controller = new AbortController();
    const waiting = sdk.sso.waitForCompletion(token.Token, { intervalMs: 5_000, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('payer left')), 200);
    await expect(waiting).rejects.toThrow('payer left');
  });
});
