import { describe, expect, it } from 'vitest';
import { DomainError, ErrorCode } from '../errors/domain-error';
import { assertCapture, assertRefund, REFUND_WINDOW_MS, refundableCents } from './refunds';
import { TransactionStatus as S } from './status';

const capturedAt = new Date('2026-01-15T12:00:00Z');
const base = {
  status: S.Captured,
  capturedAt,
  now: capturedAt,
  amountCents: 1000,
  capturedCents: 2500,
  refundedCents: 0,
};

function refused(fn: () => void, code = ErrorCode.ILLEGAL_STATE): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError && e.code === code) return e.message;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('refundableCents', () => {
  it('is what remains, never negative', () => {
    expect(refundableCents(2500, 0)).toBe(2500);
    expect(refundableCents(2500, 1000)).toBe(1500);
    expect(refundableCents(2500, 2500)).toBe(0);
    expect(refundableCents(2500, 3000)).toBe(0);
  });
});

describe('assertRefund', () => {
  it('allows captured and settled transactions, up to what remains', () => {
    expect(() => assertRefund(base)).not.toThrow();
    expect(() => assertRefund({ ...base, status: S.Settled, amountCents: 2500 })).not.toThrow();
    expect(() => assertRefund({ ...base, refundedCents: 1500, amountCents: 1000 })).not.toThrow();
  });

  it.each([
    S.Authorized,
    S.OnFile,
    S.Declined,
    S.Voided,
    S.Cancelled,
    S.SettlementError,
    S.ReturnedItem,
    S.Chargeback,
  ])('refuses status %s', (status) => {
    expect(refused(() => assertRefund({ ...base, status }))).toMatch(/refund|voided/i);
  });

  it('tells an authorization to be voided instead', () => {
    expect(refused(() => assertRefund({ ...base, status: S.Authorized }))).toMatch(/void it instead/);
  });

  it('allows a refund for 365 days after capture, and not after', () => {
    const lastMoment = new Date(capturedAt.getTime() + REFUND_WINDOW_MS);
    expect(() => assertRefund({ ...base, now: lastMoment })).not.toThrow();
    const late = new Date(lastMoment.getTime() + 1);
    expect(refused(() => assertRefund({ ...base, now: late }))).toMatch(/more than one year/);
  });

  it('refuses more than remains, saying how much remains', () => {
    expect(refused(() => assertRefund({ ...base, amountCents: 3000 }))).toBe(
      'Refund amount 30.00 exceeds the 25.00 that remains refundable',
    );
    expect(refused(() => assertRefund({ ...base, refundedCents: 2000, amountCents: 501 }))).toBe(
      'Refund amount 5.01 exceeds the 5.00 that remains refundable',
    );
  });

  it('refuses a fully refunded transaction, and a zero or fractional amount', () => {
    expect(refused(() => assertRefund({ ...base, refundedCents: 2500, amountCents: 0 }))).toMatch(
      /fully refunded/,
    );
    expect(refused(() => assertRefund({ ...base, amountCents: 0 }), ErrorCode.VALIDATION_FAILED)).toMatch(
      /amount/,
    );
    expect(refused(() => assertRefund({ ...base, amountCents: 1.5 }), ErrorCode.VALIDATION_FAILED)).toMatch(
      /amount/,
    );
  });
});

describe('assertCapture', () => {
  const auth = { status: S.Authorized, authorizedCents: 8000, amountCents: 8000 };

  it('captures an authorization for up to its amount', () => {
    expect(() => assertCapture(auth)).not.toThrow();
    expect(() => assertCapture({ ...auth, amountCents: 6000 })).not.toThrow();
  });

  it('refuses more than authorized', () => {
    expect(refused(() => assertCapture({ ...auth, amountCents: 8001 }))).toBe(
      'Capture amount 80.01 exceeds the 80.00 authorized',
    );
  });

  it('captures once, and only an authorization', () => {
    expect(refused(() => assertCapture({ ...auth, status: S.Captured }))).toBe(
      'Transaction is already captured',
    );
    expect(refused(() => assertCapture({ ...auth, status: S.Declined }))).toBe(
      'Transaction was declined and cannot be captured',
    );
    expect(refused(() => assertCapture({ ...auth, status: S.Voided }))).toBe('Transaction is voided');
    for (const status of [
      S.OnFile,
      S.Cancelled,
      S.Settled,
      S.SettlementError,
      S.ReturnedItem,
      S.Chargeback,
    ]) {
      expect(() => assertCapture({ ...auth, status })).toThrow(DomainError);
    }
  });

  it('refuses a zero amount', () => {
    expect(refused(() => assertCapture({ ...auth, amountCents: 0 }), ErrorCode.VALIDATION_FAILED)).toMatch(
      /amount/,
    );
  });
});
