import { describe, expect, it } from 'vitest';
import { ResponseCode } from '@conduit/domain';
import { authorizationNumberFor } from './sandbox.processor';
import { sandbox, merchantId, card, sale, declined } from './sandbox.fixtures';

describe('SandboxProcessor.authorize', () => {
  it.each(['4111111111111111', '5500000000000004', '340000000000009', '6011000000000004'])(
    'approves the test card %s in full',
    async (pan) => {
      const outcome = await sale(pan);
      expect(outcome).toMatchObject({
        approved: true,
        responseCode: '000',
        approvedCents: 2500,
        partial: false,
      });
      expect(outcome.authorizationNumber).toMatch(/^[A-Z0-9]{6}$/);
      expect(outcome.reference).toMatch(/^sbx_[0-9a-f-]{36}$/);
    },
  );

  it('approves an authorization the same way', async () => {
    const outcome = await sandbox.authorize({
      merchantId,
      card: card('4111111111111111'),
      amountCents: 8000,
      allowPartial: false,
      capture: false,
    });
    expect(outcome).toMatchObject({ approved: true, responseCode: '000', approvedCents: 8000 });
  });

  it('declines a card number failing Luhn with 014', async () => {
    expect(await sale('4111111111111112')).toMatchObject(declined(ResponseCode.InvalidAccountNumber));
    expect(await sale('1234567890123')).toMatchObject(declined(ResponseCode.InvalidAccountNumber));
  });

  it('declines a past expiry with 054, and accepts the current month', async () => {
    expect(await sale('4111111111111111', 2500, { card: { expMonth: 5, expYear: 2026 } })).toMatchObject(
      declined(ResponseCode.ExpiredCard),
    );
    expect(await sale('4111111111111111', 2500, { card: { expMonth: 6, expYear: 2026 } })).toMatchObject({
      approved: true,
    });
  });

  it.each([
    ['4000000000000002', ResponseCode.Declined],
    ['4000000000009995', ResponseCode.InsufficientFunds],
    ['4000000000000119', ResponseCode.PleaseRetry],
    ['4000000000000010', ResponseCode.Referral],
    ['4000000000000127', ResponseCode.CvvMismatch],
  ])('declines the magic card %s with %s', async (pan, code) => {
    const outcome = await sale(pan);
    expect(outcome).toMatchObject(declined(code));
    expect(outcome.authorizationNumber).toBeUndefined();
    expect(outcome.reference).toMatch(/^sbx_/);
  });

  it('declines 4000000000000127 with 082 whatever the CVN', async () => {
    for (const cvn of [undefined, '123', '999', '0000']) {
      expect((await sale('4000000000000127', 2500, { card: { cvn } })).responseCode).toBe('082');
    }
  });

  it('approves 4000000000000259 (its chargeback comes after settlement)', async () => {
    expect(await sale('4000000000000259')).toMatchObject({ approved: true, responseCode: '000' });
  });

  it('approves half of a .10 amount with 010 when partial approval is allowed', async () => {
    expect(await sale('4111111111111111', 2510, { allowPartial: true })).toMatchObject({
      approved: true,
      responseCode: ResponseCode.PartiallyApproved,
      approvedCents: 1255,
      partial: true,
    });
    expect((await sale('4111111111111111', 110, { allowPartial: true })).approvedCents).toBe(55);
    expect((await sale('4111111111111111', 10, { allowPartial: true })).approvedCents).toBe(5);
  });

  it('declines a .10 amount with 051 when partial approval is not allowed', async () => {
    expect(await sale('4111111111111111', 2510)).toMatchObject(declined(ResponseCode.InsufficientFunds));
  });

  it('applies the partial rule only to cents of exactly .10', async () => {
    for (const cents of [2501, 2511, 2599, 2500, 1000, 2100]) {
      expect((await sale('4111111111111111', cents, { allowPartial: true })).responseCode).toBe('000');
    }
  });

  it('declines an impossible request: no merchant (003), an amount that is not whole cents (013)', async () => {
    const bad = (m: string, amountCents: number) =>
      sandbox.authorize({
        merchantId: m,
        card: card('4111111111111111'),
        amountCents,
        allowPartial: false,
        capture: true,
      });
    expect(await bad('', 2500)).toMatchObject(declined(ResponseCode.InvalidMerchant));
    expect(await bad(merchantId, 0)).toMatchObject(declined(ResponseCode.InvalidAmount));
    expect(await bad(merchantId, 12.5)).toMatchObject(declined(ResponseCode.InvalidAmount));
  });

  it('gives every operation its own reference', async () => {
    const refs = await Promise.all(Array.from({ length: 20 }, () => sale('4111111111111111')));
    expect(new Set(refs.map((r) => r.reference)).size).toBe(20);
  });
});

describe('authorization numbers', () => {
  it('derive deterministically from the reference', () => {
    expect(authorizationNumberFor('sbx_fixed')).toBe(authorizationNumberFor('sbx_fixed'));
    expect(authorizationNumberFor('sbx_fixed')).toMatch(/^[A-Z0-9]{6}$/);
    expect(authorizationNumberFor('sbx_a')).not.toBe(authorizationNumberFor('sbx_b'));
  });

  it('match the approval they belong to', async () => {
    const outcome = await sale('4111111111111111');
    expect(outcome.authorizationNumber).toBe(authorizationNumberFor(outcome.reference));
  });
});
