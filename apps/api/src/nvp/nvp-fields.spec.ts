import { describe, expect, it } from 'vitest';
import { PAYMENT_FIELDS } from '@conduit/payments';
import { echoableName } from '@conduit/wire';
import { readNvp, unknownFieldErrors } from './nvp-fields';

describe('readNvp', () => {
  it('reads names in any case, folding the natural aliases into their field', () => {
    const r = readNvp({
      AMOUNT: '6.00',
      cvv2: '123',
      expDate: '12/30',
      creditCardNumber: '4111',
      token: 't',
    });
    expect(r.fields).toEqual({
      amount: '6.00',
      cardverificationnumber: '123',
      cardexpiration: '12/30',
      cardnumber: '4111',
      singlesignontoken: 't',
    });
    expect(r.unknown).toEqual([]);
  });

  it('keeps unknown names as the sender spelled them, and nothing of their values', () => {
    const r = readNvp({ amout: '6', merchantID: '6011000551245' });
    expect(r.unknown).toEqual(['amout']);
    expect(unknownFieldErrors(r.unknown)).toEqual([
      { field: 'amout', message: 'amout is not a known field (see /payment/nvp-reference)' },
    ]);
  });

  it('refuses two spellings of one field with different values, and accepts equal ones', () => {
    expect(readNvp({ cvv: '123', cardVerificationNumber: '123' }).conflicts).toEqual([]);
    const r = readNvp({ cvv: '123', cvc: '456' });
    expect(r.conflicts).toEqual([
      {
        field: 'cardVerificationNumber',
        message: 'cvv and cvc are the same field (cardVerificationNumber) with different values: send one',
      },
    ]);
  });

  it('takes the last of a repeated name', () => {
    expect(readNvp({ amount: ['1.00', '2.00'] }).fields.amount).toBe('2.00');
  });

  it('knows every field of the field table and each of its aliases', () => {
    const body = Object.fromEntries(
      PAYMENT_FIELDS.flatMap((f) => [f.name, ...(f.aliases ?? [])]).map((n) => [n, 'x']),
    );
    expect(readNvp(body).unknown).toEqual([]);
  });
});

describe('echoableName', () => {
  it('never repeats a name that looks like a card number or a pasted blob', () => {
    expect(echoableName('4111111111111111')).not.toContain('4111');
    expect(echoableName('card4111111111111111x')).not.toContain('4111');
    expect(echoableName('x'.repeat(65))).not.toContain('xxxx');
    expect(echoableName('amout')).toBe('amout');
  });
});
