import { describe, expect, it } from 'vitest';
import { TEST_CARDS } from '../cards';
import { chipData } from './chip-data';
import { sandboxCryptogram } from './cryptogram';
import { decodeTlv, findTag } from './tlv';
import { trackData } from './track';

const input = {
  card: TEST_CARDS.visa,
  expiry: { month: 12, year: 2029 },
  amountCents: 2500,
  transactionType: '00' as const,
  contactless: false,
  cvm: 'signature' as const,
  date: new Date('2026-12-01T10:00:00Z'),
  atc: 1,
  unpredictableNumber: '1A2B3C4D',
  terminalSerial: 'SIM-0001',
};

describe('chip data', () => {
  const objects = decodeTlv(chipData(input).tlv);
  const tag = (t: string) => findTag(objects, t);

  it('carries every tag devices.md requires', () => {
    for (const t of [
      '5A',
      '5F24',
      '57',
      '9F26',
      '9F27',
      '9F10',
      '9F36',
      '9F37',
      '95',
      '9A',
      '9C',
      '9F02',
      '5F2A',
      '82',
      '84',
      '4F',
      '9F34',
    ])
      expect(tag(t), t).toBeDefined();
    expect(tag('5A')).toBe('4111111111111111');
    expect(tag('5F24')).toBe('291231');
    expect(tag('57')).toBe('4111111111111111D291220100000F');
    expect(tag('9F02')).toBe('000000002500');
    expect(tag('9A')).toBe('261201');
    expect(tag('9F27')).toBe('80');
    expect(Buffer.from(tag('50')!, 'hex').toString()).toBe('VISA CREDIT');
  });

  it('signs the devices.md vector with the sandbox key', () => {
    expect(tag('9F26')).toBe('6146B531B293611A');
  });

  it('pads an odd-length PAN with F in 5A and signs that value', () => {
    const amex = decodeTlv(chipData({ ...input, card: TEST_CARDS.amex }).tlv);
    expect(findTag(amex, '5A')).toBe('340000000000009F');
    expect(findTag(amex, '9F26')).toBe(
      sandboxCryptogram({
        '9F02': '000000002500',
        '5F2A': '0840',
        '9A': '261201',
        '9C': '00',
        '9F37': '1A2B3C4D',
        '9F36': '0001',
        '5A': '340000000000009F',
      }),
    );
  });

  it('records a PIN in the CVM results and a refund in 9C', () => {
    const pin = decodeTlv(chipData({ ...input, cvm: 'pin', transactionType: '20' }).tlv);
    expect(findTag(pin, '9F34')).toBe('440302');
    expect(findTag(pin, '9C')).toBe('20');
    expect(findTag(objects, '9F34')).toBe('1E0300');
  });

  it('writes track data a reader would type, with the chip service code', () => {
    expect(trackData(TEST_CARDS.visa, { month: 6, year: 2028 })).toBe(
      '%B4111111111111111^DOE/PAT^28062010000000000?;4111111111111111=280620100000?',
    );
  });
});
