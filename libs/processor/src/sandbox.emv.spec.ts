import { decodeTlv, type EmvSignedData, ResponseCode } from '@conduit/domain';
import { describe, expect, it } from 'vitest';
import type { CardData } from './processor';
import { sandboxCryptogram, sandboxCryptogramValid, sandboxIssuerResponse } from './sandbox.cryptogram';
import { card, merchantId, sale, sandbox } from './sandbox.fixtures';
import { CRYPTOGRAM_CHECK_FAILED } from './sandbox.processor';

const signed = (pan: string, amount = '000000002500'): EmvSignedData => ({
  amount,
  currency: '0840',
  date: '261201',
  type: '00',
  unpredictableNumber: '1A2B3C4D',
  atc: '0001',
  pan,
});

/** A chip card whose cryptogram covers `signedAmount` (the sale may then ask for another). */
const chip = (pan: string, signedAmount = '000000002500'): Partial<CardData> => ({
  entryMode: 'Chip',
  emv: {
    cryptogram: sandboxCryptogram(signed(pan, signedAmount)),
    cryptogramType: 'ARQC',
    signed: signed(pan),
  },
});

describe('sandbox cryptogram', () => {
  it('is the documented example (devices.md)', () => {
    expect(sandboxCryptogram(signed('4111111111111111'))).toBe('6146B531B293611A');
  });

  it('answers the documented issuer response example (devices.md)', () => {
    expect(sandboxIssuerResponse('6146B531B293611A', ResponseCode.Approved)).toBe(
      '8A023030910A8569E70E607026603030',
    );
  });

  it('checks the cryptogram against the values the card signed', () => {
    const good = sandboxCryptogram(signed('4111111111111111'));
    expect(sandboxCryptogramValid(good, signed('4111111111111111'))).toBe(true);
    expect(sandboxCryptogramValid(good, signed('4111111111111111', '000000002600'))).toBe(false);
    expect(sandboxCryptogramValid('00', signed('4111111111111111'))).toBe(false);
  });
});

describe('sandbox chip authorizations', () => {
  it('approves a chip sale with a valid cryptogram and answers 8A 00 and 91', async () => {
    const outcome = await sale('4111111111111111', 2500, { card: chip('4111111111111111') });
    expect(outcome).toMatchObject({ approved: true, responseCode: ResponseCode.Approved });
    expect(outcome.responseMessage).toBeUndefined();
    const [arc, auth] = decodeTlv(outcome.emvIssuerResponse);
    expect(arc).toEqual({ tag: '8A', value: Uint8Array.from(Buffer.from('00')) });
    expect(auth.tag).toBe('91');
    expect(auth.value).toHaveLength(10);
  });

  it('declines 005 "cryptogram check failed" when the amount changed after the card signed', async () => {
    const pan = '4111111111111111';
    const emv = { ...chip(pan, '000000001000').emv!, signed: signed(pan) };
    const outcome = await sale(pan, 2500, { card: { entryMode: 'Chip', emv } });
    expect(outcome).toMatchObject({
      approved: false,
      responseCode: ResponseCode.Declined,
      responseMessage: CRYPTOGRAM_CHECK_FAILED,
    });
    expect(Buffer.from(decodeTlv(outcome.emvIssuerResponse)[0].value).toString()).toBe('05');
  });

  it('still applies the magic decline cards to chip reads', async () => {
    const pan = '4000000000009995';
    const outcome = await sale(pan, 2500, { card: chip(pan) });
    expect(outcome).toMatchObject({ approved: false, responseCode: ResponseCode.InsufficientFunds });
    expect(outcome.responseMessage).toBeUndefined();
    expect(Buffer.from(decodeTlv(outcome.emvIssuerResponse)[0].value).toString()).toBe('51');
  });

  it('checks the cryptogram of a chip verification and of a refund to a chip card', async () => {
    const pan = '4111111111111111';
    const tampered: CardData = card(pan, {
      entryMode: 'Chip',
      emv: { ...chip(pan).emv!, cryptogram: '0000000000000000' },
    });
    expect(await sandbox.verify({ merchantId, card: tampered })).toMatchObject({
      approved: false,
      responseMessage: CRYPTOGRAM_CHECK_FAILED,
    });
    expect(await sandbox.refund({ merchantId, card: tampered, amountCents: 2500 })).toMatchObject({
      approved: false,
    });
    expect(await sandbox.verify({ merchantId, card: card(pan, chip(pan)) })).toMatchObject({
      approved: true,
    });
  });

  it('answers keyed cards without an issuer response', async () => {
    expect((await sale('4111111111111111')).emvIssuerResponse).toBeUndefined();
  });
});
