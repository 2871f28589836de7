import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error';
import { cardBrand, isExpired, luhnValid, normalizePan, panDisplay, parseExpiry } from './card';

const TEST_CARDS = {
  '4111111111111111': 'VISA',
  '5500000000000004': 'MASTERCARD',
  '340000000000009': 'AMEX',
  '6011000000000004': 'DISCOVER',
} as const;

const MAGIC_CARDS = [
  '4000000000000002',
  '4000000000009995',
  '4000000000000119',
  '4000000000000010',
  '4000000000000127',
  '4000000000000259',
];

function fieldErrors(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.details.fieldErrors;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('luhnValid', () => {
  it('accepts every test and magic card of payments.md', () => {
    for (const pan of [...Object.keys(TEST_CARDS), ...MAGIC_CARDS]) expect(luhnValid(pan)).toBe(true);
    expect(luhnValid('378282246310005')).toBe(true);
    expect(luhnValid('2223003122003222')).toBe(true);
  });

  it('refuses a wrong check digit, a swapped pair, and non-digits', () => {
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('5500000000000040')).toBe(false);
    expect(luhnValid('5500000000000005')).toBe(false);
    expect(luhnValid('4111 1111 1111 1111')).toBe(false);
    expect(luhnValid('4111-1111-1111-1111')).toBe(false);
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('abcd')).toBe(false);
  });
});

describe('cardBrand', () => {
  it('names the brand of each test card', () => {
    for (const [pan, brand] of Object.entries(TEST_CARDS)) expect(cardBrand(pan)).toBe(brand);
    for (const pan of MAGIC_CARDS) expect(cardBrand(pan)).toBe('VISA');
  });

  it.each([
    ['5100000000000000', 'MASTERCARD'],
    ['5599999999999999', 'MASTERCARD'],
    ['2221000000000000', 'MASTERCARD'],
    ['2720999999999999', 'MASTERCARD'],
    ['2220999999999999', 'OTHER'],
    ['2721000000000000', 'OTHER'],
    ['5000000000000000', 'OTHER'],
    ['5600000000000000', 'OTHER'],
    ['370000000000002', 'AMEX'],
    ['350000000000000', 'OTHER'],
    ['6440000000000000', 'DISCOVER'],
    ['6490000000000000', 'DISCOVER'],
    ['6430000000000000', 'OTHER'],
    ['6500000000000000', 'DISCOVER'],
    ['6221260000000000', 'DISCOVER'],
    ['6229250000000000', 'DISCOVER'],
    ['6221250000000000', 'OTHER'],
    ['6229260000000000', 'OTHER'],
    ['6012000000000000', 'OTHER'],
    ['3530111333300000', 'OTHER'],
    ['not-a-pan', 'OTHER'],
    ['', 'OTHER'],
  ])('%s is %s', (pan, brand) => {
    expect(cardBrand(pan)).toBe(brand);
  });
});

describe('normalizePan', () => {
  it('strips spaces and dashes', () => {
    expect(normalizePan('4111 1111 1111 1111')).toBe('4111111111111111');
    expect(normalizePan('4111-1111-1111-1111')).toBe('4111111111111111');
    expect(normalizePan(' 3400 000000 00009 ')).toBe('340000000000009');
    expect(normalizePan('1234567890123')).toBe('1234567890123');
    expect(normalizePan('1234567890123456789')).toBe('1234567890123456789');
  });

  it('accepts an exact JSON integer but not one beyond safe precision', () => {
    expect(normalizePan(4111111111111111)).toBe('4111111111111111');
    expect(() => normalizePan(Number.MAX_SAFE_INTEGER + 2)).toThrow(DomainError);
  });

  it.each(['4111-abc', '411111111111', '12345678901234567890', '', '4111.1111.1111.1111', 'x'.repeat(16)])(
    'refuses %j without echoing it',
    (raw) => {
      expect(fieldErrors(() => normalizePan(raw))).toEqual([
        { field: 'cardNumber', message: 'cardNumber must be 13 to 19 digits' },
      ]);
    },
  );

  it('refuses non-strings and names the field it was given', () => {
    expect(() => normalizePan(undefined)).toThrow('cardNumber must be 13 to 19 digits');
    expect(() => normalizePan({}, 'pan')).toThrow('pan must be 13 to 19 digits');
  });
});

describe('parseExpiry', () => {
  it.each([
    ['06/28', 6, 2028],
    ['06-28', 6, 2028],
    ['0628', 6, 2028],
    ['06/2028', 6, 2028],
    ['6/28', 6, 2028],
    ['6-2028', 6, 2028],
    ['12/40', 12, 2040],
    [' 01/30 ', 1, 2030],
  ])('reads %j', (expiration, month, year) => {
    expect(parseExpiry({ expiration })).toEqual({ month, year });
  });

  it.each([
    '13/30',
    '00/30',
    '628',
    '6/2',
    '06/028',
    '06.28',
    '062028',
    'ab/cd',
    '06/1999',
    '06/2100',
    '06 / 28',
  ])('refuses %j naming the accepted forms', (expiration) => {
    const errors = fieldErrors(() => parseExpiry({ expiration }));
    expect(errors?.[0].field).toBe('cardExpiration');
    expect(errors?.[0].message).toMatch(/MM\/YY, MM-YY, MMYY or MM\/YYYY/);
  });

  it('reads separate month and year, as text or JSON numbers', () => {
    expect(parseExpiry({ month: '6', year: '28' })).toEqual({ month: 6, year: 2028 });
    expect(parseExpiry({ month: '06', year: '2028' })).toEqual({ month: 6, year: 2028 });
    expect(parseExpiry({ month: 12, year: 2031 })).toEqual({ month: 12, year: 2031 });
    expect(parseExpiry({ expiration: '', month: '1', year: '30' })).toEqual({ month: 1, year: 2030 });
  });

  it('prefers cardExpiration when both forms are given', () => {
    expect(parseExpiry({ expiration: '07/29', month: '1', year: '30' })).toEqual({ month: 7, year: 2029 });
  });

  it('reports bad month and year on their own fields, together', () => {
    const errors = fieldErrors(() => parseExpiry({ month: '13', year: '202' }));
    expect(errors?.map((e) => e.field)).toEqual(['cardExpirationMonth', 'cardExpirationYear']);
    expect(fieldErrors(() => parseExpiry({ month: '0', year: '28' }))?.[0].field).toBe('cardExpirationMonth');
    expect(fieldErrors(() => parseExpiry({ month: '6' }))?.[0].field).toBe('cardExpirationYear');
    expect(fieldErrors(() => parseExpiry({ year: '28' }))?.[0].field).toBe('cardExpirationMonth');
  });

  it('requires an expiry', () => {
    const errors = fieldErrors(() => parseExpiry({}));
    expect(errors?.[0].field).toBe('cardExpiration');
    expect(errors?.[0].message).toMatch(/required/);
  });
});

describe('isExpired', () => {
  const exp = { month: 6, year: 2028 };

  it('is valid through the last moment of the expiry month, UTC', () => {
    expect(isExpired(exp, new Date('2028-06-30T23:59:59.999Z'))).toBe(false);
    expect(isExpired(exp, new Date('2028-07-01T00:00:00.000Z'))).toBe(true);
    expect(isExpired(exp, new Date('2020-01-01T00:00:00Z'))).toBe(false);
  });

  it('rolls December over to January', () => {
    expect(isExpired({ month: 12, year: 2028 }, new Date('2028-12-31T23:59:59Z'))).toBe(false);
    expect(isExpired({ month: 12, year: 2028 }, new Date('2029-01-01T00:00:00Z'))).toBe(true);
  });
});

describe('panDisplay', () => {
  it('keeps only the BIN and the last four', () => {
    expect(panDisplay('4111111111111111')).toEqual({ bin: '411111', last4: '1111' });
    expect(panDisplay('340000000000009')).toEqual({ bin: '340000', last4: '0009' });
  });
});
