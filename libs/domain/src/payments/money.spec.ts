import { describe, expect, it } from 'vitest';
import { DomainError, ErrorCode } from '../errors/domain-error';
import { formatAmount, MAX_AMOUNT_CENTS, parseAmount } from './money';

function failure(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('parseAmount', () => {
  it('reads decimal text as integer cents', () => {
    expect(parseAmount('25')).toBe(2500);
    expect(parseAmount('25.0')).toBe(2500);
    expect(parseAmount('25.00')).toBe(2500);
    expect(parseAmount('0.50')).toBe(50);
    expect(parseAmount('0.1')).toBe(10);
    expect(parseAmount('0.01')).toBe(1);
    expect(parseAmount('1234.56')).toBe(123456);
    expect(parseAmount('0025.10')).toBe(2510);
  });

  it('never loses a cent to floating point', () => {
    expect(parseAmount('0.29')).toBe(29);
    expect(parseAmount('1.15')).toBe(115);
    expect(parseAmount('4.35')).toBe(435);
    expect(parseAmount('99999999.99')).toBe(MAX_AMOUNT_CENTS);
  });

  it('accepts finite JSON numbers with at most two decimals', () => {
    expect(parseAmount(25)).toBe(2500);
    expect(parseAmount(0.1)).toBe(10);
    expect(parseAmount(19.99)).toBe(1999);
  });

  it.each([
    '-1',
    '-0.01',
    '1.005',
    '1e3',
    '1E3',
    ' 1.00',
    '1.00 ',
    '1,000.00',
    '1 000',
    '',
    '.50',
    '25.',
    '+5',
    '0x10',
    'Infinity',
    'NaN',
    '١٢',
    '100000000.00',
    '99999999.999',
    '123456789',
  ])('rejects %j', (text) => {
    const error = failure(() => parseAmount(text));
    expect(error.code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(error.message).toBe('amount must be a positive decimal with at most 2 places');
    expect(error.details.fieldErrors).toEqual([
      { field: 'amount', message: 'amount must be a positive decimal with at most 2 places' },
    ]);
  });

  it.each([undefined, null, true, {}, ['1'], NaN, Infinity, -1, 1.005, 1e21, 1e-7, 100000000])(
    'rejects the non-string or unusable value %j',
    (value) => {
      expect(() => parseAmount(value)).toThrow(DomainError);
    },
  );

  it('rejects zero unless allowed, and says non-negative then', () => {
    expect(() => parseAmount('0')).toThrow('amount must be a positive decimal with at most 2 places');
    expect(() => parseAmount('0.00')).toThrow(DomainError);
    expect(parseAmount('0', 'amount', { allowZero: true })).toBe(0);
    expect(parseAmount('0.00', 'amount', { allowZero: true })).toBe(0);
    expect(() => parseAmount('-1', 'amount', { allowZero: true })).toThrow(
      'amount must be a non-negative decimal with at most 2 places',
    );
  });

  it('names the field it was given', () => {
    const error = failure(() => parseAmount('abc', 'partialAmount'));
    expect(error.details.fieldErrors?.[0]).toEqual({
      field: 'partialAmount',
      message: 'partialAmount must be a positive decimal with at most 2 places',
    });
  });
});

describe('formatAmount', () => {
  it('prints cents with two decimals', () => {
    expect(formatAmount(2500)).toBe('25.00');
    expect(formatAmount(5)).toBe('0.05');
    expect(formatAmount(0)).toBe('0.00');
    expect(formatAmount(50)).toBe('0.50');
    expect(formatAmount(123450)).toBe('1234.50');
    expect(formatAmount(MAX_AMOUNT_CENTS)).toBe('99999999.99');
    expect(formatAmount(-1255)).toBe('-12.55');
  });

  it('round-trips with parseAmount', () => {
    for (const text of ['0.01', '0.10', '1.00', '12.55', '1234.50', '99999999.99']) {
      expect(formatAmount(parseAmount(text))).toBe(text);
    }
  });

  it('refuses fractional cents', () => {
    expect(() => formatAmount(1.5)).toThrow(RangeError);
    expect(() => formatAmount(NaN)).toThrow(RangeError);
  });
});
