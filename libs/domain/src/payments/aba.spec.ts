import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error';
import { abaValid, parseECheck } from './aba';

const GOOD = { routingNumber: '011000015', accountNumber: '123456789' };

function fieldErrors(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.details.fieldErrors ?? [];
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('abaValid', () => {
  it.each(['011000015', '021000021', '011000028', '121000358', '026009593'])('accepts %s', (routing) => {
    expect(abaValid(routing)).toBe(true);
  });

  it.each(['011000016', '021000020', '123456789', '01100001', '0110000150', '01100001a', '', ' 011000015'])(
    'refuses %j',
    (routing) => {
      expect(abaValid(routing)).toBe(false);
    },
  );
});

describe('parseECheck', () => {
  it('applies the defaults', () => {
    expect(parseECheck(GOOD)).toEqual({ ...GOOD, accountType: 'Checking', checkPresentStatus: 'NotPresent' });
  });

  it('reads every field, case-insensitively where it is a choice', () => {
    expect(
      parseECheck({
        ...GOOD,
        accountType: 'savings',
        checkNumber: '1042',
        accountHolderName: '  Pat Doe ',
        checkPresentStatus: 'PRESENT',
      }),
    ).toEqual({
      ...GOOD,
      accountType: 'Savings',
      checkNumber: '1042',
      accountHolderName: 'Pat Doe',
      checkPresentStatus: 'Present',
    });
    expect(parseECheck({ ...GOOD, accountType: 'CHECKING', checkPresentStatus: 'notpresent' })).toMatchObject(
      {
        accountType: 'Checking',
        checkPresentStatus: 'NotPresent',
      },
    );
  });

  it('accepts account numbers of 4 and 17 digits, and treats empty optional fields as absent', () => {
    expect(parseECheck({ ...GOOD, accountNumber: '1234' }).accountNumber).toBe('1234');
    expect(parseECheck({ ...GOOD, accountNumber: '12345678901234567' }).accountNumber).toHaveLength(17);
    const blank = parseECheck({ ...GOOD, accountType: '', checkNumber: '', accountHolderName: '' });
    expect(blank).toEqual({ ...GOOD, accountType: 'Checking', checkPresentStatus: 'NotPresent' });
  });

  it.each([
    [
      'routingNumber',
      { routingNumber: '011000016' },
      'routingNumber must be 9 digits with a valid ABA check digit',
    ],
    [
      'routingNumber',
      { routingNumber: '11000015' },
      'routingNumber must be 9 digits with a valid ABA check digit',
    ],
    [
      'routingNumber',
      { routingNumber: undefined },
      'routingNumber must be 9 digits with a valid ABA check digit',
    ],
    ['accountNumber', { accountNumber: '123' }, 'accountNumber must be 4 to 17 digits'],
    ['accountNumber', { accountNumber: '123456789012345678' }, 'accountNumber must be 4 to 17 digits'],
    ['accountNumber', { accountNumber: '1234-5678' }, 'accountNumber must be 4 to 17 digits'],
    ['accountNumber', { accountNumber: undefined }, 'accountNumber must be 4 to 17 digits'],
    ['accountType', { accountType: 'Brokerage' }, 'accountType must be Checking or Savings'],
    ['checkNumber', { checkNumber: 'A12' }, 'checkNumber must be 1 to 15 digits'],
    [
      'accountHolderName',
      { accountHolderName: 'x'.repeat(121) },
      'accountHolderName must be at most 120 characters',
    ],
    [
      'checkPresentStatus',
      { checkPresentStatus: 'Maybe' },
      'checkPresentStatus must be Present or NotPresent',
    ],
  ])('refuses a bad %s', (field, change, message) => {
    expect(fieldErrors(() => parseECheck({ ...GOOD, ...change }))).toEqual([{ field, message }]);
  });

  it('collects every field error and throws once', () => {
    const errors = fieldErrors(() =>
      parseECheck({ routingNumber: '1', accountNumber: '1', accountType: 'x', checkPresentStatus: 'y' }),
    );
    expect(errors.map((e) => e.field)).toEqual([
      'routingNumber',
      'accountNumber',
      'accountType',
      'checkPresentStatus',
    ]);
  });

  it('never repeats the account number in an error', () => {
    const account = '98765432109876543210';
    const error = fieldErrors(() => parseECheck({ ...GOOD, accountNumber: account }));
    expect(JSON.stringify(error)).not.toContain('9876');
  });
});
