import { describe, expect, it } from 'vitest';
import { DomainError, ErrorCode } from '../errors/domain-error';
import { assertMove, canMove, describeStatus, TransactionStatus as S } from './status';

const ALL = Object.values(S);
const ALLOWED: [S, S, ('card' | 'echeck')[]][] = [
  [S.Authorized, S.Captured, ['card', 'echeck']],
  [S.Authorized, S.Voided, ['card', 'echeck']],
  [S.Authorized, S.Cancelled, ['card', 'echeck']],
  [S.Captured, S.Voided, ['card', 'echeck']],
  [S.Captured, S.Settled, ['card', 'echeck']],
  [S.Captured, S.SettlementError, ['card', 'echeck']],
  [S.Settled, S.ReturnedItem, ['echeck']],
  [S.Settled, S.Chargeback, ['card']],
  [S.SettlementError, S.Settled, ['card', 'echeck']],
];

function refusal(from: S, to: S, tender?: 'card' | 'echeck'): string {
  try {
    assertMove(from, to, tender);
  } catch (e) {
    if (e instanceof DomainError && e.code === ErrorCode.ILLEGAL_STATE) return e.message;
    throw e;
  }
  throw new Error(`expected ${from}→${to} to be refused`);
}

describe('status moves', () => {
  it('allows exactly the moves of payments.md, for the right tender', () => {
    for (const from of ALL) {
      for (const to of ALL) {
        for (const tender of ['card', 'echeck'] as const) {
          const allowed = ALLOWED.some(
            ([f, t, tenders]) => f === from && t === to && tenders.includes(tender),
          );
          expect(canMove(from, to, tender), `${from}→${to} (${tender})`).toBe(allowed);
          if (allowed) expect(() => assertMove(from, to, tender)).not.toThrow();
          else expect(refusal(from, to, tender).length).toBeGreaterThan(10);
        }
      }
    }
  });

  it('allows tender-neutral moves without a tender, but not a return or chargeback', () => {
    expect(canMove(S.Authorized, S.Captured)).toBe(true);
    expect(canMove(S.SettlementError, S.Settled)).toBe(true);
    expect(canMove(S.Settled, S.ReturnedItem)).toBe(false);
    expect(canMove(S.Settled, S.Chargeback)).toBe(false);
  });

  it('explains each refusal', () => {
    expect(refusal(S.Settled, S.Voided, 'card')).toBe(
      'Transaction is settled and cannot be voided; refund it with SimpleRefund instead',
    );
    expect(refusal(S.Captured, S.Captured, 'card')).toBe('Transaction is already captured');
    expect(refusal(S.Settled, S.Captured, 'card')).toBe('Transaction is already captured');
    expect(refusal(S.Declined, S.Captured, 'card')).toBe('Transaction was declined and cannot be captured');
    expect(refusal(S.Declined, S.Voided, 'card')).toBe('Transaction was declined and cannot be voided');
    for (const to of ALL) expect(refusal(S.Voided, to, 'card')).toBe('Transaction is voided');
    expect(refusal(S.Cancelled, S.Captured, 'card')).toMatch(/expired/);
    expect(refusal(S.OnFile, S.Voided, 'card')).toMatch(/saved a card on file/);
    expect(refusal(S.SettlementError, S.Voided, 'card')).toMatch(/settlement error/);
    expect(refusal(S.ReturnedItem, S.Voided, 'echeck')).toMatch(/returned/);
    expect(refusal(S.Chargeback, S.Voided, 'card')).toMatch(/charged back/);
    expect(refusal(S.Settled, S.ReturnedItem, 'card')).toBe('Only an eCheck transaction can be returned');
    expect(refusal(S.Settled, S.Chargeback, 'echeck')).toBe('Only a card transaction can be charged back');
    expect(refusal(S.Authorized, S.Settled, 'card')).toBe(
      'Transaction is authorized, not captured (A) and cannot be settled',
    );
  });
});

describe('describeStatus', () => {
  it('describes every letter', () => {
    expect(describeStatus(S.Captured)).toBe('Approved and captured');
    expect(describeStatus(S.Authorized)).toBe('Authorized, not captured');
    expect(describeStatus(S.ReturnedItem)).toBe('Returned item');
    for (const letter of ALL) expect(describeStatus(letter)).not.toBe('Unknown status');
    expect(describeStatus('Q' as S)).toBe('Unknown status');
  });
});
