import { describe, expect, it } from 'vitest';
import { DomainError } from '@conduit/domain';
import { parseSsoInput } from './sso-input';
import { planAuthorizationText, proposedSchedule } from './sso-plan-terms';

const ctx = { today: '2026-03-10', maxTransactionCents: 50_000 };
const plan = (extra: Record<string, unknown>) =>
  parseSsoInput({ transactionAction: 'PaymentPlan', ...extra }, ctx);

function fieldsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return (err.details.fieldErrors ?? []).map((e) => e.field).sort();
    throw err;
  }
  throw new Error('expected a validation error');
}

describe('PaymentPlan token terms', () => {
  it('defaults to an installment plan and takes amount for the total; no token amount is kept', () => {
    const o = plan({
      amount: '600.00',
      installmentCount: '3',
      frequency: 'Monthly',
      startDate: '2026-04-01',
    });
    expect(o.action).toBe('PaymentPlan');
    expect(o.amountCents).toBeNull();
    expect(o.planTerms).toMatchObject({
      kind: 'create',
      fields: { paymentPlanType: 'Installment', totalAmount: '600.00', installmentCount: '3' },
      terms: { type: 'Installment', totalCents: 60_000, installmentCents: 20_000, installmentCount: 3 },
      paymentPlanId: null,
    });
  });

  it('reports every bad plan field and every bad token field at once', () => {
    expect(
      fieldsOf(() =>
        plan({
          paymentPlanType: 'Installment',
          totalAmount: 'ten',
          installmentAmount: '50.00',
          frequency: 'Daily',
          startDate: '2026-03-01',
          endDate: '2026-12-31',
          returnUrl: 'ftp://x',
        }),
      ),
    ).toEqual(['endDate', 'frequency', 'returnURL', 'startDate', 'totalAmount']);
    expect(
      fieldsOf(() => plan({ paymentPlanType: 'Recurring', frequency: 'Weekly', startDate: '2026-03-10' })),
    ).toEqual(['installmentAmount']);
  });

  it("refuses a charge above the merchant's limit at token creation", () => {
    expect(
      fieldsOf(() =>
        plan({
          totalAmount: '2000.00',
          downPaymentAmount: '600.00',
          installmentCount: '2',
          frequency: 'Monthly',
          startDate: '2026-04-01',
        }),
      ),
    ).toEqual(['downPaymentAmount', 'installmentCount']);
  });

  it('accepts a plan paid by bank account only, but not a token with no way to pay', () => {
    expect(
      plan({
        amount: '100',
        installmentCount: '2',
        frequency: 'Weekly',
        startDate: '2026-03-10',
        preventCard: 'true',
      }).preventCard,
    ).toBe(true);
    expect(
      fieldsOf(() =>
        plan({
          amount: '100',
          installmentCount: '2',
          frequency: 'Weekly',
          startDate: '2026-03-10',
          preventCard: 'true',
          preventCheck: 'true',
        }),
      ),
    ).toEqual(['preventCard']);
  });

  it('shows every date and amount of an installment plan, the remainder on the last', () => {
    const o = plan({
      totalAmount: '100.00',
      downPaymentAmount: '10.00',
      installmentCount: '4',
      frequency: 'Monthly',
      startDate: '2026-03-31',
    });
    if (o.planTerms?.kind !== 'create') throw new Error('no terms');
    const s = proposedSchedule(o.planTerms.terms);
    expect(s.charges).toEqual([
      { sequence: 1, date: '2026-03-31', amount: '22.50' },
      { sequence: 2, date: '2026-04-30', amount: '22.50' },
      { sequence: 3, date: '2026-05-31', amount: '22.50' },
      { sequence: 4, date: '2026-06-30', amount: '22.50' },
    ]);
    expect(s.continues).toBe(false);
    expect(planAuthorizationText('Lakeside Dental', s)).toContain(
      'I authorize Lakeside Dental to charge the payment method above on the dates and for the amounts shown: ' +
        'a down payment of $10.00 today, then 4 payments every month from 2026-03-31 to 2026-06-30, for a total of $100.00.',
    );
  });

  it('lists the first dates of an open-ended recurring plan and says it continues', () => {
    const o = plan({
      paymentPlanType: 'Recurring',
      installmentAmount: '25',
      frequency: 'Weekly',
      startDate: '2026-03-12',
    });
    if (o.planTerms?.kind !== 'create') throw new Error('no terms');
    const s = proposedSchedule(o.planTerms.terms);
    expect(s.charges).toHaveLength(12);
    expect(s.charges[1]).toEqual({ sequence: 2, date: '2026-03-19', amount: '25.00' });
    expect(s.continues).toBe(true);
    expect(planAuthorizationText('X', s)).toContain('$25.00 every week from 2026-03-12 until I cancel');
  });
});
