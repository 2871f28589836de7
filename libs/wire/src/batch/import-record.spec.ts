import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatImportRecord,
  type ImportCommand,
  looksLikeImportRecord,
  parseImportAmount,
  parseImportRecord,
} from './import-record';

const PM = 'A1B2C3D4E5F60718293A4B5C6D7E8F90';
const good = `IMPTI10|6011000551245|001|002|Sale|${PM}|25.00|P-1|Ana|Lee|visit 3|EXT-1`;

describe('IMPTI10 record', () => {
  it('parses a valid Sale into a command with integer cents', () => {
    expect(parseImportRecord(good)).toEqual({
      ok: true,
      command: {
        merchantId: '6011000551245',
        storeId: '001',
        terminalId: '002',
        action: 'Sale',
        paymentMethodId: PM,
        amountCents: 2500,
        patientId: 'P-1',
        patientFirstName: 'Ana',
        patientLastName: 'Lee',
        additionalInfo1: 'visit 3',
        externalId: 'EXT-1',
      },
    });
  });

  it('reports every invalid field at once, in the spec names', () => {
    const r = parseImportRecord(`IMPTI10|60110|1|00x|Charge|nope|25|${'p'.repeat(65)}|A|B||`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field)).toEqual([
      'MerchantID',
      'StoreID',
      'TerminalID',
      'TransactionAction',
      'PaymentMethodID',
      'Amount',
      'PatientID',
      'ExternalID',
    ]);
    expect(r.errors.find((e) => e.field === 'ExternalID')?.message).toBe('ExternalID is required');
  });

  it('refuses a record with the wrong number of fields, keeping its ExternalID when readable', () => {
    const r = parseImportRecord(`IMPTI10|6011000551245|001|002|Sale|${PM}|25.00|EXT-9`);
    expect(r).toMatchObject({ ok: false, errors: [{ field: 'Record' }] });
    const extra = parseImportRecord(`${good}|more`);
    expect(extra).toMatchObject({ ok: false, externalId: 'EXT-1', errors: [{ field: 'Record' }] });
  });

  it('refuses another record type inside the file', () => {
    const r = parseImportRecord(good.replace('IMPTI10', 'IMPTI11'));
    expect(r).toMatchObject({ ok: false, externalId: 'EXT-1', errors: [{ field: 'RecordType' }] });
  });

  it('reads Amount as dollars with exactly two decimals', () => {
    expect(parseImportAmount('0.01')).toBe(1);
    expect(parseImportAmount('1234.56')).toBe(123456);
    expect(parseImportAmount('99999999.99')).toBe(9_999_999_999);
    for (const bad of [
      '0.00',
      '25',
      '25.0',
      '25.000',
      '-1.00',
      '1,000.00',
      ' 1.00',
      '1e2',
      '',
      '$5.00',
      '100000000.00',
    ])
      expect(parseImportAmount(bad), bad).toBeNull();
  });

  it('limits ExternalID to 64 printable characters', () => {
    const withId = (id: string) => good.replace('|EXT-1', `|${id}`);
    expect(parseImportRecord(withId('x'.repeat(64))).ok).toBe(true);
    expect(parseImportRecord(withId('x'.repeat(65))).ok).toBe(false);
    expect(parseImportRecord(withId('a\u0007b')).ok).toBe(false);
    expect(parseImportRecord(withId('é')).ok).toBe(false);
  });

  it('refuses control characters in free text', () => {
    const r = parseImportRecord(good.replace('Ana', 'A\u0000na'));
    expect(r).toMatchObject({ ok: false, errors: [{ field: 'PatientFirstName' }] });
  });

  it('tells an import record from anything else', () => {
    expect(looksLikeImportRecord(good)).toBe(true);
    expect(looksLikeImportRecord('MerchantID,Amount')).toBe(false);
    expect(looksLikeImportRecord('IMPTI10')).toBe(false);
  });

  const printable = (min: number, max: number) =>
    fc
      .string({ unit: fc.constantFrom(...'abcXYZ019 -_.#@'.split('')), minLength: min, maxLength: max })
      .map((s) => s.trim());
  const command: fc.Arbitrary<ImportCommand> = fc.record({
    merchantId: fc.stringMatching(/^\d{13}$/),
    storeId: fc.stringMatching(/^\d{3}$/),
    terminalId: fc.stringMatching(/^\d{3}$/),
    action: fc.constantFrom('Sale' as const, 'SimpleRefund' as const),
    paymentMethodId: fc.stringMatching(/^[0-9A-F]{32}$/),
    amountCents: fc.integer({ min: 1, max: 9_999_999_999 }),
    patientId: printable(0, 64),
    patientFirstName: printable(0, 64),
    patientLastName: printable(0, 64),
    additionalInfo1: printable(0, 255),
    externalId: printable(1, 64).filter((s) => s.length > 0),
  });

  it('round-trips any valid record through format and parse', () => {
    fc.assert(
      fc.property(command, (c) => {
        expect(parseImportRecord(formatImportRecord(c))).toEqual({ ok: true, command: c });
      }),
    );
  });

  it('never throws, whatever the line', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const r = parseImportRecord(s);
        expect(typeof r.ok).toBe('boolean');
      }),
    );
  });
});
