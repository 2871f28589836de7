import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError, ErrorCode, type FieldError } from '@conduit/domain';
import type { PaymentInput } from '../payment-input';
import { parsePaymentCommand } from './parse-payment-command';
import { REST_PATHS } from './payment-fields';

const PAN = '4111111111111111';
const ID = '0CA7530A86084B468FFF132AB7F04491';
const sale = (over: Partial<PaymentInput> = {}): PaymentInput => ({
  channel: 'NVP',
  transactionAction: 'Sale',
  transactionType: 'CreditCard',
  merchantId: '6011000551245',
  storeId: '001',
  terminalId: '002',
  amount: '25.00',
  card: { cardNumber: PAN, cardExpiration: '12/30' },
  ...over,
});

function refusal(raw: PaymentInput, names?: (f: string) => string): FieldError[] {
  try {
    parsePaymentCommand(raw, names);
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe(ErrorCode.VALIDATION_FAILED);
    return (err as DomainError).details.fieldErrors ?? [];
  }
  throw new Error('expected a refusal');
}

const fields = (errors: FieldError[]) => errors.map((e) => e.field);

describe('parsePaymentCommand', () => {
  it('parses a keyed sale into a typed card command', () => {
    const c = parsePaymentCommand(sale({ patient: { patientId: 'P1' }, additionalInfo: ['a'] }));
    expect(c).toMatchObject({
      kind: 'card',
      action: 'Sale',
      tender: 'CreditCard',
      amountCents: 2500,
      outlet: { merchantId: '6011000551245', storeId: '001', terminalId: '002' },
      card: { source: { kind: 'keyed', pan: PAN, expMonth: 12, expYear: 2030 } },
      patient: { patientId: 'P1' },
      additionalInfo: ['a', '', '', '', '', ''],
    });
  });

  it('reports every missing field of an empty request at once, as "X is required"', () => {
    const errors = refusal({ channel: 'NVP', transactionAction: 'Sale' });
    expect(fields(errors)).toEqual([
      'merchantID',
      'storeID',
      'terminalID',
      'transactionType',
      'amount',
      'cardNumber',
      'cardExpiration',
    ]);
    for (const e of errors.slice(0, 5)) expect(e.message).toMatch(new RegExp(`^${e.field} is required`));
  });

  it("names fields in the caller's spelling, in the field and the message", () => {
    const rest = (f: string) => REST_PATHS.get(f) ?? f;
    const errors = refusal(sale({ merchantId: undefined, amount: '2.5.0' }), rest);
    expect(errors).toEqual([
      { field: 'Outlet.MerchantID', message: 'Outlet.MerchantID is required' },
      { field: 'Amount', message: 'Amount must be a positive decimal with at most 2 places' },
    ]);
  });

  it('takes transactionID as the primary of a secondary, and refuses two that differ', () => {
    const capture = (ids: Partial<PaymentInput>) =>
      sale({ transactionAction: 'Capture', amount: undefined, card: undefined, ...ids });
    expect(parsePaymentCommand(capture({ transactionId: ID }))).toMatchObject({
      kind: 'secondary',
      action: 'Capture',
      primaryId: '0ca7530a-8608-4b46-8fff-132ab7f04491',
    });
    expect(fields(refusal(capture({})))).toEqual(['primaryTransactionID']);
    const other = ID.replace('0CA', '1CA');
    expect(refusal(capture({ primaryTransactionId: ID, transactionId: other }))[0].message).toMatch(
      /primaryTransactionID and transactionID name different transactions/,
    );
  });

  it('refuses over-long free text rather than cutting it', () => {
    const errors = refusal(
      sale({ patient: { lastName: 'x'.repeat(65) }, additionalInfo: ['y'.repeat(256)] }),
    );
    expect(errors).toEqual([
      { field: 'patientLastName', message: 'patientLastName must be at most 64 characters' },
      { field: 'additionalInfo1', message: 'additionalInfo1 must be at most 255 characters' },
    ]);
  });

  it('asks for paymentMethodID when the caller said the card is stored', () => {
    expect(fields(refusal(sale({ card: { onFile: true } })))).toEqual(['paymentMethodID']);
  });

  it('reads eCheck and ViewReceipt requests', () => {
    const check = parsePaymentCommand(
      sale({
        transactionType: 'eCheck',
        card: undefined,
        echeck: { routingNumber: '021000021', accountNumber: '12345678' },
      }),
    );
    expect(check).toMatchObject({ kind: 'echeck', amountCents: 2500, check: { accountType: 'Checking' } });
    expect(
      parsePaymentCommand({ channel: 'NVP', transactionAction: 'ViewReceipt', singleSignOnToken: 'tok' }),
    ).toEqual({
      kind: 'viewReceipt',
      channel: 'NVP',
      by: { ssoToken: 'tok' },
    });
  });

  // Property: whatever one field is broken, the refusal names exactly that field, and the card
  // number never appears in any message.
  const BREAKS: [string, Partial<PaymentInput>][] = [
    ['merchantID', { merchantId: '12' }],
    ['storeID', { storeId: 'abc' }],
    ['terminalID', { terminalId: '1234' }],
    ['amount', { amount: '-1' }],
    ['transactionType', { transactionType: 'Barter' }],
    ['cardVerificationNumber', { card: { cardVerificationNumber: '12' } }],
    ['cardExpiration', { card: { cardExpiration: '13/30' } }],
    ['cardPresentStatus', { card: { cardPresentStatus: 'Teleported' } }],
    ['allowPartialPayment', { allowPartialPayment: 'maybe' }],
    ['patientBirthDate', { patient: { birthDate: '1/2/3' } }],
  ];

  it('names exactly the broken fields, all at once, and never echoes the card number', () => {
    fc.assert(
      fc.property(fc.subarray(BREAKS, { minLength: 1 }), (breaks) => {
        const raw = breaks.reduce((r, [, b]) => ({ ...r, ...b, card: { ...r.card, ...b.card } }), sale());
        const errors = refusal(raw);
        expect(new Set(fields(errors))).toEqual(new Set(breaks.map(([f]) => f)));
        for (const e of errors) expect(e.message).not.toContain(PAN);
      }),
    );
  });

  it('reads any amount of dollars and cents exactly, as integer cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 99 }), (d, c) => {
        fc.pre(d + c > 0);
        const command = parsePaymentCommand(sale({ amount: `${d}.${String(c).padStart(2, '0')}` }));
        expect(command.kind === 'card' && command.amountCents).toBe(d * 100 + c);
      }),
    );
  });

  describe('check images (eCheck deposits)', () => {
    const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').toString('base64');
    const deposit = (echeck: NonNullable<PaymentInput['echeck']>) =>
      sale({
        transactionType: 'eCheck',
        card: undefined,
        echeck: { routingNumber: '011000015', accountNumber: '123456789', ...echeck },
      });
    const rest = (f: string) => REST_PATHS.get(f) ?? f;

    it('carries the images in the command', () => {
      const c = parsePaymentCommand(deposit({ checkPresentStatus: 'Present', checkFrontImage: PNG }));
      expect(c).toMatchObject({ kind: 'echeck', images: { front: { contentType: 'image/png' } } });
      expect(parsePaymentCommand(deposit({}))).not.toHaveProperty('images');
    });

    it("reports image errors with the account errors, all in the caller's spelling", () => {
      const errors = refusal(
        deposit({ accountNumber: '12', checkBackImage: PNG, checkPresentStatus: 'NotPresent' }),
        rest,
      );
      expect(errors).toEqual([
        { field: 'ECheck.AccountNumber', message: 'ECheck.AccountNumber must be 4 to 17 digits' },
        {
          field: 'ECheck.BackImage',
          message: 'ECheck.BackImage is accepted only with ECheck.CheckPresentStatus Present',
        },
        {
          field: 'ECheck.BackImage',
          message: 'ECheck.BackImage needs ECheck.FrontImage (send the front too)',
        },
      ]);
    });
  });
});
