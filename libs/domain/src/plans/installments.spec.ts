import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError, ErrorCode } from '../errors/domain-error';
import {
  deriveInstallments,
  type InstallmentSplit,
  installmentChargeCents,
  lastInstallmentCents,
  MAX_INSTALLMENTS,
  reshapeInstallments,
} from './installments';

/** The scheduled charges of a split, as the scheduler asks for them. */
function charges(split: InstallmentSplit): number[] {
  let remaining = split.totalCents - split.downPaymentCents;
  const out: number[] = [];
  const wrong: string[] = [];
  for (let seq = 1; remaining > 0 && seq <= split.installmentCount + 1; seq += 1) {
    const c = installmentChargeCents(split, seq, remaining);
    if (!(c > 0 && c <= remaining)) wrong.push(`charge ${seq} of ${c} with ${remaining} left`);
    out.push(c);
    remaining -= c;
  }
  expect(wrong).toEqual([]);
  expect(remaining).toBe(0);
  return out;
}

function fieldsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe(ErrorCode.VALIDATION_FAILED);
    return ((e as DomainError).details.fieldErrors ?? []).map((f) => f.field);
  }
  throw new Error('expected a validation error');
}

describe('deriveInstallments: examples', () => {
  it('100.00 over 3 → 33.33, 33.33, 33.34', () => {
    const split = deriveInstallments({ totalCents: 10_000, downPaymentCents: 0, installmentCount: 3 });
    expect(split).toEqual({
      totalCents: 10_000,
      downPaymentCents: 0,
      installmentCents: 3333,
      installmentCount: 3,
    });
    expect(charges(split)).toEqual([3333, 3333, 3334]);
    expect(lastInstallmentCents(split)).toBe(3334);
  });

  it('100.00 by 30.00 → 30, 30, 30, 10', () => {
    const split = deriveInstallments({ totalCents: 10_000, downPaymentCents: 0, installmentCents: 3000 });
    expect(split.installmentCount).toBe(4);
    expect(charges(split)).toEqual([3000, 3000, 3000, 1000]);
  });

  it('counts the down payment toward the total', () => {
    const split = deriveInstallments({ totalCents: 10_000, downPaymentCents: 2500, installmentCents: 2500 });
    expect(split).toMatchObject({ installmentCents: 2500, installmentCount: 3 });
    expect(charges(split)).toEqual([2500, 2500, 2500]);
  });

  it('accepts amount and count together when they agree, either way round', () => {
    expect(
      deriveInstallments({
        totalCents: 10_000,
        downPaymentCents: 0,
        installmentCents: 3000,
        installmentCount: 4,
      }),
    ).toMatchObject({ installmentCents: 3000, installmentCount: 4 });
    expect(
      deriveInstallments({
        totalCents: 10_000,
        downPaymentCents: 0,
        installmentCents: 3333,
        installmentCount: 3,
      }),
    ).toMatchObject({ installmentCents: 3333, installmentCount: 3 });
    expect(
      fieldsOf(() =>
        deriveInstallments({
          totalCents: 10_000,
          downPaymentCents: 0,
          installmentCents: 3000,
          installmentCount: 3,
        }),
      ),
    ).toEqual(['installmentCount']);
    expect(
      fieldsOf(() =>
        deriveInstallments({
          totalCents: 10_000,
          downPaymentCents: 0,
          installmentCents: 3000,
          installmentCount: 5,
        }),
      ),
    ).toEqual(['installmentCount']);
  });

  it('an amount above the balance is one charge of the balance', () => {
    const split = deriveInstallments({ totalCents: 5000, downPaymentCents: 0, installmentCents: 9000 });
    expect(split).toMatchObject({ installmentCents: 5000, installmentCount: 1 });
    expect(charges(split)).toEqual([5000]);
  });
});

describe('deriveInstallments: refusals', () => {
  it('a zero charge (2 cents over 3 charges)', () => {
    expect(
      fieldsOf(() => deriveInstallments({ totalCents: 2, downPaymentCents: 0, installmentCount: 3 })),
    ).toEqual(['installmentCount']);
  });

  it('a down payment equal to or above the total', () => {
    expect(
      fieldsOf(() => deriveInstallments({ totalCents: 5000, downPaymentCents: 5000, installmentCount: 2 })),
    ).toEqual(['downPaymentAmount']);
    expect(
      fieldsOf(() => deriveInstallments({ totalCents: 5000, downPaymentCents: 6000, installmentCount: 2 })),
    ).toEqual(['downPaymentAmount']);
  });

  it('a count over MAX_INSTALLMENTS, given or derived', () => {
    expect(MAX_INSTALLMENTS).toBe(520);
    expect(
      fieldsOf(() =>
        deriveInstallments({ totalCents: 1_000_000, downPaymentCents: 0, installmentCount: 521 }),
      ),
    ).toEqual(['installmentCount']);
    expect(
      fieldsOf(() => deriveInstallments({ totalCents: 52_001, downPaymentCents: 0, installmentCents: 100 })),
    ).toEqual(['installmentAmount']);
    expect(
      deriveInstallments({ totalCents: 52_000, downPaymentCents: 0, installmentCents: 100 }).installmentCount,
    ).toBe(520);
  });

  it('neither amount nor count', () => {
    expect(fieldsOf(() => deriveInstallments({ totalCents: 5000, downPaymentCents: 0 }))).toEqual([
      'installmentAmount',
    ]);
  });

  it('reports every problem at once', () => {
    expect(
      fieldsOf(() =>
        deriveInstallments({
          totalCents: 5000,
          downPaymentCents: 5000,
          installmentCents: 0,
          installmentCount: 0,
        }),
      ),
    ).toEqual(['downPaymentAmount', 'installmentAmount', 'installmentCount']);
    expect(fieldsOf(() => deriveInstallments({ totalCents: 0, downPaymentCents: -1 }))).toEqual([
      'totalAmount',
      'downPaymentAmount',
      'installmentAmount',
    ]);
  });
});

describe('deriveInstallments: properties', () => {
  const totals = fc.integer({ min: 1, max: 9_999_999_999 });

  const check = (split: InstallmentSplit, total: number, down: number) => {
    const list = charges(split);
    expect(down + list.reduce((a, b) => a + b, 0)).toBe(total);
    expect(list).toHaveLength(split.installmentCount);
    expect(split.installmentCount).toBeLessThanOrEqual(MAX_INSTALLMENTS);
    expect(list.at(-1)).toBe(lastInstallmentCents(split));
    expect(list.slice(0, -1).every((c) => c === split.installmentCents)).toBe(true);
  };

  it('by count: the charges sum to the total, none zero, the last the remainder', () => {
    fc.assert(
      fc.property(
        totals,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: MAX_INSTALLMENTS }),
        (total, f, count) => {
          const down = Math.min(total - 1, Math.floor(total * f));
          const rest = total - down;
          if (rest < count) {
            expect(() =>
              deriveInstallments({ totalCents: total, downPaymentCents: down, installmentCount: count }),
            ).toThrow(DomainError);
            return;
          }
          check(
            deriveInstallments({ totalCents: total, downPaymentCents: down, installmentCount: count }),
            total,
            down,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('by amount: the charges sum to the total, the last is the remainder ≤ the amount', () => {
    fc.assert(
      fc.property(
        totals,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 9_999_999_999 }),
        (total, f, amount) => {
          const down = Math.min(total - 1, Math.floor(total * f));
          const rest = total - down;
          if (Math.ceil(rest / amount) > MAX_INSTALLMENTS) {
            expect(() =>
              deriveInstallments({ totalCents: total, downPaymentCents: down, installmentCents: amount }),
            ).toThrow(DomainError);
            return;
          }
          const split = deriveInstallments({
            totalCents: total,
            downPaymentCents: down,
            installmentCents: amount,
          });
          check(split, total, down);
          expect(lastInstallmentCents(split)).toBeLessThanOrEqual(split.installmentCents);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('installmentChargeCents', () => {
  const p = { installmentCents: 3000, installmentCount: 4 };

  it('charges the amount, the remainder on the last, nothing when nothing remains', () => {
    expect(installmentChargeCents(p, 1, 10_000)).toBe(3000);
    expect(installmentChargeCents(p, 3, 4000)).toBe(3000);
    expect(installmentChargeCents(p, 4, 1000)).toBe(1000);
    expect(installmentChargeCents(p, 2, 0)).toBe(0);
    expect(installmentChargeCents(p, 2, -50)).toBe(0);
  });

  it('never more than remains (after an early manual payment)', () => {
    expect(installmentChargeCents(p, 2, 1200)).toBe(1200);
  });

  it('the whole remainder at or past the last sequence number', () => {
    expect(installmentChargeCents(p, 4, 4500)).toBe(4500);
    expect(installmentChargeCents(p, 6, 4500)).toBe(4500);
  });
});

describe('reshapeInstallments', () => {
  it('new count = paid + ceil(remaining / new amount)', () => {
    expect(reshapeInstallments({ remainingCents: 7000, paidCount: 1, installmentCents: 2000 })).toEqual({
      installmentCount: 5,
    });
    expect(reshapeInstallments({ remainingCents: 6000, paidCount: 2, installmentCents: 6000 })).toEqual({
      installmentCount: 3,
    });
    expect(reshapeInstallments({ remainingCents: 0, paidCount: 4, installmentCents: 100 })).toEqual({
      installmentCount: 4,
    });
  });

  it('the reshaped charges still sum to what remains (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        (remaining, paid, amount) => {
          fc.pre(Math.ceil(remaining / amount) <= MAX_INSTALLMENTS);
          const { installmentCount } = reshapeInstallments({
            remainingCents: remaining,
            paidCount: paid,
            installmentCents: amount,
          });
          let left = remaining;
          let seq = paid + 1;
          for (; left > 0; seq += 1) {
            const c = installmentChargeCents({ installmentCents: amount, installmentCount }, seq, left);
            expect(c).toBeGreaterThan(0);
            left -= c;
          }
          expect(left).toBe(0);
          expect(seq - 1).toBe(installmentCount);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses a zero amount', () => {
    expect(() => reshapeInstallments({ remainingCents: 100, paidCount: 0, installmentCents: 0 })).toThrow(
      RangeError,
    );
  });
});
