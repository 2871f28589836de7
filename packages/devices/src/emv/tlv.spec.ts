import { describe, expect, it } from 'vitest';
import { sandboxCryptogram } from './cryptogram';
import { asciiHex, compressedNumeric, numeric } from './hex';
import { decodeTlv, encodeTlv, findTag } from './tlv';

describe('BER-TLV encoder', () => {
  it('writes one- and two-byte tags with short-form lengths', () => {
    expect(encodeTlv([{ tag: '9F02', value: '000000002500' }])).toBe('9F0206000000002500');
    expect(encodeTlv([{ tag: '5A', value: '4111111111111111' }])).toBe('5A084111111111111111');
    expect(encodeTlv([{ tag: '9c', value: '00' }])).toBe('9C0100');
  });

  it('writes long-form lengths 81 and 82', () => {
    const v128 = 'AB'.repeat(128);
    expect(encodeTlv([{ tag: '91', value: v128 }])).toBe(`918180${v128}`);
    const v300 = 'CD'.repeat(300);
    expect(encodeTlv([{ tag: '91', value: v300 }])).toBe(`91820 12C${v300}`.replace(' ', ''));
  });

  it('nests constructed tags and refuses a primitive/constructed mismatch', () => {
    const hex = encodeTlv([{ tag: '70', value: [{ tag: '8A', value: '3030' }] }]);
    expect(hex).toBe('70048A023030');
    expect(() => encodeTlv([{ tag: '70', value: '00' }])).toThrow(/constructed/);
    expect(() => encodeTlv([{ tag: '9F', value: '00' }])).toThrow(/tag/);
  });

  it('round-trips through the decoder, constructed objects recursed', () => {
    const objects = [
      { tag: '8A', value: '3030' },
      {
        tag: '70',
        value: [
          { tag: '9F36', value: '0001' },
          { tag: '91', value: 'AB'.repeat(200) },
        ],
      },
    ];
    const decoded = decodeTlv(encodeTlv(objects));
    expect(decoded).toEqual(objects);
    expect(findTag(decoded, '9f36')).toBe('0001');
  });

  it('refuses truncated values, indefinite lengths and odd hex', () => {
    expect(() => decodeTlv('9F0206000000')).toThrow(/Truncated/);
    expect(() => decodeTlv('9F')).toThrow(/Truncated/);
    expect(() => decodeTlv('7080')).toThrow(/length/);
    expect(() => decodeTlv('9F0')).toThrow(/hex/);
  });

  it('encodes numbers, compressed numerics and text as EMV formats them', () => {
    expect(numeric(2500, 6)).toBe('000000002500');
    expect(() => numeric(1, 0)).toThrow();
    expect(compressedNumeric('340000000000009')).toBe('340000000000009F');
    expect(asciiHex('VISA')).toBe('56495341');
  });
});

describe('sandbox cryptogram', () => {
  it('matches the vector of devices.md (computed independently)', () => {
    // 000000002500|0840|261201|00|1A2B3C4D|0001|4111111111111111 under sandbox-issuer-key-0001
    expect(
      sandboxCryptogram({
        '9F02': '000000002500',
        '5F2A': '0840',
        '9A': '261201',
        '9C': '00',
        '9F37': '1a2b3c4d',
        '9F36': '0001',
        '5A': '4111111111111111',
      }),
    ).toBe('6146B531B293611A');
  });

  it('changes with the amount, so a tampered amount cannot reuse it', () => {
    const base = {
      '9F02': '000000002500',
      '5F2A': '0840',
      '9A': '261201',
      '9C': '00',
      '9F37': '1A2B3C4D',
      '9F36': '0001',
      '5A': '4111111111111111',
    };
    expect(sandboxCryptogram({ ...base, '9F02': '000000002600' })).not.toBe(sandboxCryptogram(base));
  });
});
