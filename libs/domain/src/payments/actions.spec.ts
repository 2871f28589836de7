import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error';
import {
  CARD_PRESENT_STATUSES,
  entryModeOf,
  parseBoolean,
  resolveAction,
  resolveCardPresentStatus,
  resolveTender,
  TenderType,
  TransactionAction,
} from './actions';

function fieldError(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.details.fieldErrors?.[0];
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('resolveAction', () => {
  it('accepts every action, case-insensitively', () => {
    for (const action of Object.values(TransactionAction)) {
      expect(resolveAction(action)).toBe(action);
      expect(resolveAction(action.toUpperCase())).toBe(action);
      expect(resolveAction(action.toLowerCase())).toBe(action);
    }
  });

  it.each([
    ['AuthCapt', TransactionAction.Sale],
    ['authonly', TransactionAction.Authorization],
    ['PRIORAUTHCAPT', TransactionAction.Capture],
    ['Credit', TransactionAction.Refund],
  ])('maps the alias %s', (alias, action) => {
    expect(resolveAction(alias)).toBe(action);
  });

  it.each(['Steal', '', undefined, 42, 'Sale2'])('refuses %j listing the accepted values', (raw) => {
    const error = fieldError(() => resolveAction(raw));
    expect(error?.field).toBe('transactionAction');
    expect(error?.message).toContain(
      'Sale, Authorization, Capture, Void, SimpleRefund, Refund, SaveOnFile, ViewReceipt',
    );
    expect(error?.message).toContain('AuthCapt');
  });
});

describe('resolveTender', () => {
  it('accepts the three tenders, case-insensitively', () => {
    expect(resolveTender('CreditCard')).toBe(TenderType.CreditCard);
    expect(resolveTender('debitcard')).toBe(TenderType.DebitCard);
    expect(resolveTender('ECHECK')).toBe(TenderType.ECheck);
    expect(TenderType.ECheck).toBe('eCheck');
  });

  it.each(['Cash', '', undefined])('refuses %j', (raw) => {
    const error = fieldError(() => resolveTender(raw));
    expect(error?.field).toBe('transactionType');
    expect(error?.message).toContain('CreditCard, DebitCard, eCheck');
  });
});

describe('resolveCardPresentStatus', () => {
  it('knows the ten statuses of payments.md', () => {
    expect(CARD_PRESENT_STATUSES).toHaveLength(10);
    for (const status of CARD_PRESENT_STATUSES) {
      expect(resolveCardPresentStatus(status.toLowerCase(), 'NotPresentInternet')).toBe(status);
    }
  });

  it('falls back when absent', () => {
    expect(resolveCardPresentStatus(undefined, 'PresentSwipeSign')).toBe('PresentSwipeSign');
    expect(resolveCardPresentStatus('', 'NotPresentInternet')).toBe('NotPresentInternet');
    expect(resolveCardPresentStatus(null, 'NotPresentPhone')).toBe('NotPresentPhone');
  });

  it('refuses an unknown status', () => {
    expect(fieldError(() => resolveCardPresentStatus('Teleported', 'NotPresentInternet'))?.field).toBe(
      'cardPresentStatus',
    );
  });
});

describe('entryModeOf', () => {
  const keyed = { swiped: false, onFile: false };

  it('maps each status', () => {
    expect(entryModeOf('PresentEMV', keyed)).toBe('Chip');
    expect(entryModeOf('MSDContactless', keyed)).toBe('Contactless');
    expect(entryModeOf('PresentSwipeSign', keyed)).toBe('Swiped');
    expect(entryModeOf('PresentSwipeNoSign', keyed)).toBe('Swiped');
    for (const status of [
      'PresentManualKey',
      'NotPresentInternet',
      'NotPresentPhone',
      'NotPresentMailOrFax',
    ] as const) {
      expect(entryModeOf(status, keyed)).toBe('Keyed');
    }
    expect(entryModeOf('NotPresentRecurring', keyed)).toBe('Keyed');
    expect(entryModeOf('NotPresentInstallment', keyed)).toBe('Keyed');
  });

  it('treats track data as swiped, unless a chip or contactless reader sent it', () => {
    expect(entryModeOf('PresentManualKey', { swiped: true, onFile: false })).toBe('Swiped');
    expect(entryModeOf('PresentEMV', { swiped: true, onFile: false })).toBe('Chip');
    expect(entryModeOf('MSDContactless', { swiped: true, onFile: false })).toBe('Contactless');
  });

  it('always reports a stored card as OnFile', () => {
    expect(entryModeOf('NotPresentRecurring', { swiped: false, onFile: true })).toBe('OnFile');
    expect(entryModeOf('PresentEMV', { swiped: false, onFile: true })).toBe('OnFile');
  });
});

describe('parseBoolean', () => {
  it.each([
    [true, true],
    [false, false],
    ['true', true],
    ['TRUE', true],
    ['1', true],
    [1, true],
    ['yes', true],
    ['Yes', true],
    ['false', false],
    ['False', false],
    ['0', false],
    [0, false],
    ['no', false],
    ['NO', false],
    [undefined, false],
    [null, false],
    ['', false],
  ])('reads %j as %s', (raw, value) => {
    expect(parseBoolean(raw, 'saveOnFile')).toBe(value);
  });

  it.each(['y', 'on', '2', 2, {}, 'truthy'])('refuses %j naming the field', (raw) => {
    const error = fieldError(() => parseBoolean(raw, 'allowPartialPayment'));
    expect(error?.field).toBe('allowPartialPayment');
    expect(error?.message).toMatch(/^allowPartialPayment must be true or false/);
  });
});
