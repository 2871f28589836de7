import { describe, expect, it } from 'vitest';
import { canonicalize } from './rest-keys';
import { decodeNvp, encodeNvp, lowerKeys } from './nvp';

describe('NVP codec', () => {
  it('matches names case-insensitively and keeps the last of repeated fields', () => {
    expect(lowerKeys({ MerchantID: '1', AMOUNT: ['1.00', '2.00'], empty: undefined })).toEqual({
      merchantid: '1',
      amount: '2.00',
    });
  });

  it('encodes in the given order, percent-encoding values and leaving out absent ones', () => {
    const text = encodeNvp([
      ['responseCode', '000'],
      ['responseMessage', 'Partially Approved $12.55'],
      ['cardHolderName', null],
      ['authorizationText', 'I AGREE & PAY'],
    ]);
    expect(text).toBe(
      'responseCode=000&responseMessage=Partially%20Approved%20%2412.55&authorizationText=I%20AGREE%20%26%20PAY',
    );
    expect(decodeNvp(text)).toEqual({
      responseCode: '000',
      responseMessage: 'Partially Approved $12.55',
      authorizationText: 'I AGREE & PAY',
    });
  });
});

describe('REST key canonicalisation', () => {
  const shape = { Amount: true, Outlet: { MerchantID: true, StoreID: true }, Card: { CVN: true } } as const;

  it('maps any casing to the canonical names, nested too', () => {
    const { value, unknown } = canonicalize(
      { amount: '1.00', OUTLET: { merchantid: 'm', storeId: 's' }, card: { cvn: '123' } },
      shape,
    );
    expect(value).toEqual({
      Amount: '1.00',
      Outlet: { MerchantID: 'm', StoreID: 's' },
      Card: { CVN: '123' },
    });
    expect(unknown).toEqual([]);
  });

  it('reports unknown names with their path', () => {
    const { unknown } = canonicalize({ Amount: '1', Colour: 'red', Outlet: { Floor: 2 } }, shape);
    expect(unknown.map((u) => u.field)).toEqual(['Colour', 'Outlet.Floor']);
  });
});
