import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error';
import { formatPairingCode, normalizePairingCode, parseTerminalActionRequest } from './terminals';

const fieldsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return ((err as DomainError).details.fieldErrors ?? []).map((e) => e.field).sort();
  }
  throw new Error('expected a validation error');
};

describe('pairing codes', () => {
  it('accepts the shown form in any case, with or without the dash', () => {
    expect(formatPairingCode('ABCDEFGH')).toBe('ABCD-EFGH');
    expect(normalizePairingCode('abcd-efgh')).toBe('ABCDEFGH');
    expect(normalizePairingCode(' ABCD EFGH ')).toBe('ABCDEFGH');
  });

  it('refuses look-alike characters, wrong lengths and non-strings', () => {
    expect(normalizePairingCode('ABCD-EFG0')).toBeNull();
    expect(normalizePairingCode('ABCD-EFGI')).toBeNull();
    expect(normalizePairingCode('ABCD-EFG')).toBeNull();
    expect(normalizePairingCode(12345678)).toBeNull();
  });
});

describe('parseTerminalActionRequest', () => {
  it('applies the defaults and keeps the patient and free fields', () => {
    expect(
      parseTerminalActionRequest({
        TransactionAction: 'sale',
        Amount: '25.00',
        Patient: { PatientID: 'P-1', FirstName: ' Ana ' },
        AdditionalInfo1: 'INV-1',
      }),
    ).toEqual({
      action: 'Sale',
      amountCents: 2500,
      entryModes: ['emv', 'nfc', 'swipe', 'key'],
      timeoutSeconds: 120,
      patient: { PatientID: 'P-1', FirstName: 'Ana' },
      additionalInfo: ['INV-1', '', '', '', '', ''],
    });
  });

  it('lets SaveOnFile go without an amount', () => {
    expect(parseTerminalActionRequest({ TransactionAction: 'SaveOnFile' }).amountCents).toBe(0);
  });

  it('reports every bad field at once', () => {
    expect(
      fieldsOf(() =>
        parseTerminalActionRequest({
          TransactionAction: 'Sell',
          Amount: '1.234',
          EntryModes: ['tap'],
          TimeoutSeconds: 5,
          Patient: 'x',
        }),
      ),
    ).toEqual(['Amount', 'EntryModes', 'Patient', 'TimeoutSeconds', 'TransactionAction']);
  });
});
