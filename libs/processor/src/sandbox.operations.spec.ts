import { describe, expect, it } from 'vitest';
import { ResponseCode } from '@conduit/domain';
import { SandboxProcessor } from './sandbox.processor';
import { now, sandbox, merchantId, card, sale, declined } from './sandbox.fixtures';

describe('SandboxProcessor secondary operations', () => {
  it('always approves capture, void and refunds, carrying the original authorization number', async () => {
    const auth = await sale('4111111111111111', 8000);
    const original = auth.authorizationNumber;
    const reference = auth.reference;
    const capture = await sandbox.capture({ merchantId, reference, amountCents: 6000 });
    expect(capture).toMatchObject({
      approved: true,
      responseCode: '000',
      approvedCents: 6000,
      authorizationNumber: original,
    });
    expect(capture.reference).not.toBe(reference);
    expect(await sandbox.void({ merchantId, reference })).toMatchObject({
      approved: true,
      responseCode: '000',
      approvedCents: 0,
      authorizationNumber: original,
    });
    expect(await sandbox.refund({ merchantId, reference, amountCents: 2000 })).toMatchObject({
      approved: true,
      approvedCents: 2000,
      authorizationNumber: original,
    });
    expect(await sandbox.refundECheck({ merchantId, reference, amountCents: 700 })).toMatchObject({
      approved: true,
      responseCode: '000',
      approvedCents: 700,
    });
  });

  it('approves an unreferenced refund to a card', async () => {
    const outcome = await sandbox.refund({ merchantId, card: card('4111111111111111'), amountCents: 500 });
    expect(outcome).toMatchObject({
      approved: true,
      responseCode: '000',
      approvedCents: 500,
      partial: false,
    });
    expect(outcome.authorizationNumber).toMatch(/^[A-Z0-9]{6}$/);
  });
});

describe('SandboxProcessor.verify', () => {
  it('approves a good card for $0', async () => {
    for (const pan of ['4111111111111111', '4000000000000259']) {
      const outcome = await sandbox.verify({ merchantId, card: card(pan) });
      expect(outcome).toMatchObject({
        approved: true,
        responseCode: '000',
        approvedCents: 0,
        partial: false,
      });
      expect(outcome.reference).toMatch(/^sbx_[0-9a-f-]{36}$/);
    }
  });

  it.each([
    ['4111111111111112', {}, ResponseCode.InvalidAccountNumber],
    ['4111111111111111', { expMonth: 1, expYear: 2020 }, ResponseCode.ExpiredCard],
    ['4111111111111111', { expMonth: 13 }, ResponseCode.ExpiredCard],
    ['4000000000000002', {}, ResponseCode.Declined],
    ['4000000000009995', {}, ResponseCode.InsufficientFunds],
    ['4000000000000119', {}, ResponseCode.PleaseRetry],
    ['4000000000000010', {}, ResponseCode.Referral],
    ['4000000000000127', { cvn: '123' }, ResponseCode.CvvMismatch],
  ])('declines %s %j with %s', async (pan, extra, code) => {
    expect(await sandbox.verify({ merchantId, card: card(pan, extra) })).toMatchObject(declined(code));
  });
});

describe('SandboxProcessor eCheck', () => {
  const debit = (accountNumber: string, amountCents: number) =>
    sandbox.debitECheck({ merchantId, routingNumber: '011000015', accountNumber, amountCents });

  it('approves a debit up to 5000.00', async () => {
    expect(await debit('123456789', 500_000)).toMatchObject({
      approved: true,
      responseCode: '000',
      approvedCents: 500_000,
    });
    const small = await debit('123456789', 1);
    expect(small.reference).toMatch(/^sbx_[0-9a-f-]{36}$/);
  });

  it('declines a debit over 5000.00 with 051', async () => {
    expect(await debit('123456789', 500_001)).toMatchObject(declined(ResponseCode.InsufficientFunds));
    expect(await debit('000000000', 500_001)).toMatchObject(declined(ResponseCode.InsufficientFunds));
  });

  it('approves accounts 000000000 and 000000002 (their returns come after settlement)', async () => {
    for (const account of ['000000000', '000000002'])
      expect(await debit(account, 2500)).toMatchObject({ approved: true, responseCode: '000' });
  });

  it('applies no partial rule to eCheck amounts', async () => {
    expect((await debit('123456789', 2510)).approvedCents).toBe(2510);
  });
});

describe('SandboxProcessor latency', () => {
  it('adds none by default: it answers before even a 0 ms timer fires', async () => {
    const timer = new Promise((resolve) => setTimeout(() => resolve('timer'), 0));
    expect(await Promise.race([sale('4111111111111111').then(() => 'sandbox'), timer])).toBe('sandbox');
  });

  it('waits the configured time when asked', async () => {
    const slow = new SandboxProcessor({ latencyMs: 40, now });
    const started = performance.now();
    await slow.verify({ merchantId, card: card('4111111111111111') });
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
    expect(slow.name).toBe('sandbox');
  });

  it('uses the real clock when none is given', async () => {
    const real = new SandboxProcessor();
    const outcome = await real.verify({
      merchantId,
      card: card('4111111111111111', { expMonth: 1, expYear: 2001 }),
    });
    expect(outcome.responseCode).toBe('054');
  });
});
