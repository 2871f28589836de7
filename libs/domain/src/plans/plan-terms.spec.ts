import { describe, expect, it } from 'vitest';
import { DomainError, ErrorCode } from '../errors/domain-error';
import { parsePlanTerms, parsePlanUpdate, type PlanTermsInput, type PlanUpdateInput } from './plan-terms';
import { PlanFrequency, PlanType } from './plan-types';

const ctx = { today: '2025-06-15', maxTransactionCents: 50_000 };

const installment = (over: PlanTermsInput = {}): PlanTermsInput => ({
  paymentPlanType: 'Installment',
  totalAmount: '100.00',
  installmentCount: '3',
  frequency: 'Monthly',
  startDate: '2025-07-01',
  ...over,
});

const recurring = (over: PlanTermsInput = {}): PlanTermsInput => ({
  paymentPlanType: 'Recurring',
  installmentAmount: '25.00',
  frequency: 'Weekly',
  startDate: '2025-06-15',
  ...over,
});

/** The fields of the validation error `fn` throws, in order. */
function refused(fn: () => unknown): { fields: string[]; message: string } {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe(ErrorCode.VALIDATION_FAILED);
    return {
      fields: ((e as DomainError).details.fieldErrors ?? []).map((f) => f.field),
      message: (e as Error).message,
    };
  }
  throw new Error('expected a validation error');
}

describe('parsePlanTerms: installment plans', () => {
  it('derives the amount from a count', () => {
    expect(parsePlanTerms(installment(), ctx)).toEqual({
      type: PlanType.Installment,
      totalCents: 10_000,
      downPaymentCents: 0,
      installmentCents: 3333,
      installmentCount: 3,
      frequency: PlanFrequency.Monthly,
      startDate: '2025-07-01',
      dayOfMonth: null,
      endDate: null,
    });
  });

  it('derives the count from an amount, after a down payment, with a day of month', () => {
    const terms = parsePlanTerms(
      installment({
        installmentCount: undefined,
        installmentAmount: 30,
        downPaymentAmount: '10.00',
        dayOfMonth: '31',
      }),
      ctx,
    );
    expect(terms).toMatchObject({
      totalCents: 10_000,
      downPaymentCents: 1000,
      installmentCents: 3000,
      installmentCount: 3,
      dayOfMonth: 31,
    });
  });

  it('treats empty NVP values as absent', () => {
    const terms = parsePlanTerms(
      installment({ downPaymentAmount: '', dayOfMonth: '', endDate: '', installmentAmount: '' }),
      ctx,
    );
    expect(terms).toMatchObject({
      downPaymentCents: 0,
      dayOfMonth: null,
      endDate: null,
      installmentCount: 3,
    });
  });

  it.each<[string, PlanTermsInput, string[]]>([
    ['no total', { totalAmount: undefined }, ['totalAmount']],
    ['a bad total', { totalAmount: '12.345' }, ['totalAmount']],
    ['neither amount nor count', { installmentCount: undefined }, ['installmentAmount']],
    ['a down payment of the whole total', { downPaymentAmount: '100.00' }, ['downPaymentAmount']],
    ['a count that makes zero charges', { totalAmount: '0.02' }, ['installmentCount']],
    ['a count over 520', { installmentCount: 521 }, ['installmentCount']],
    ['an amount and count that disagree', { installmentAmount: '10.00' }, ['installmentCount']],
    ['an endDate', { endDate: '2026-01-01' }, ['endDate']],
  ])('refuses %s', (_, over, fields) => {
    expect(refused(() => parsePlanTerms(installment(over), ctx)).fields).toEqual(fields);
  });

  it('refuses a charge above the merchant limit, naming the field and the limit', () => {
    const down = refused(() =>
      parsePlanTerms(installment({ totalAmount: '2000.00', downPaymentAmount: '600.00' }), ctx),
    );
    expect(down.fields).toEqual(['downPaymentAmount']);
    expect(down.message).toContain("exceeds the merchant's limit of 500.00");
    expect(
      refused(() => parsePlanTerms(installment({ totalAmount: '2000.00', installmentCount: 3 }), ctx)).fields,
    ).toEqual(['installmentCount']);
    expect(
      refused(() =>
        parsePlanTerms(
          installment({ totalAmount: '2000.00', installmentCount: undefined, installmentAmount: '500.01' }),
          ctx,
        ),
      ).fields,
    ).toEqual(['installmentAmount']);
  });

  it('refuses a last charge above the limit even when the even split is within it', () => {
    // 1000.03 over 2 is 500.01 then 500.02: the last charge is over a 500.01 limit.
    const limit = { ...ctx, maxTransactionCents: 50_001 };
    expect(
      refused(() => parsePlanTerms(installment({ totalAmount: '1000.03', installmentCount: 2 }), limit))
        .fields,
    ).toEqual(['installmentCount']);
    expect(
      parsePlanTerms(installment({ totalAmount: '1000.02', installmentCount: 2 }), limit).installmentCents,
    ).toBe(50_001);
  });
});

describe('parsePlanTerms: recurring plans', () => {
  it('reads the terms, with an optional end date', () => {
    expect(parsePlanTerms(recurring({ endDate: '2025-12-31', frequency: 'bi-weekly' }), ctx)).toEqual({
      type: PlanType.Recurring,
      totalCents: null,
      downPaymentCents: 0,
      installmentCents: 2500,
      installmentCount: null,
      frequency: PlanFrequency.BiWeekly,
      startDate: '2025-06-15',
      dayOfMonth: null,
      endDate: '2025-12-31',
    });
    expect(parsePlanTerms(recurring({ endDate: '2025-06-15' }), ctx).endDate).toBe('2025-06-15');
  });

  it.each<[string, PlanTermsInput, string[]]>([
    ['no amount', { installmentAmount: undefined }, ['installmentAmount']],
    ['a zero amount', { installmentAmount: '0.00' }, ['installmentAmount']],
    ['an amount above the limit', { installmentAmount: '500.01' }, ['installmentAmount']],
    ['a total', { totalAmount: '100.00' }, ['totalAmount']],
    ['a down payment', { downPaymentAmount: '10.00' }, ['downPaymentAmount']],
    ['a count', { installmentCount: 4 }, ['installmentCount']],
    ['an end before the start', { startDate: '2025-07-01', endDate: '2025-06-30' }, ['endDate']],
    ['an end date that does not exist', { endDate: '2025-02-30' }, ['endDate']],
  ])('refuses %s', (_, over, fields) => {
    expect(refused(() => parsePlanTerms(recurring(over), ctx)).fields).toEqual(fields);
  });
});

describe('parsePlanTerms: common fields', () => {
  it.each<[string, PlanTermsInput, string[]]>([
    ['no type', { paymentPlanType: undefined }, ['paymentPlanType']],
    ['an unknown type', { paymentPlanType: 'Layaway' }, ['paymentPlanType']],
    ['no frequency', { frequency: undefined }, ['frequency']],
    ['an unknown frequency', { frequency: 'Daily' }, ['frequency']],
    ['no start date', { startDate: undefined }, ['startDate']],
    ['a start date that does not exist', { startDate: '2025-06-31' }, ['startDate']],
    ['a start date in the past', { startDate: '2025-06-14' }, ['startDate']],
    ['a start date more than a year ahead', { startDate: '2026-06-16' }, ['startDate']],
    ['a day of month of 0', { dayOfMonth: 0 }, ['dayOfMonth']],
    ['a day of month of 32', { dayOfMonth: '32' }, ['dayOfMonth']],
    ['a day of month on a weekly plan', { frequency: 'Weekly', dayOfMonth: 5 }, ['dayOfMonth']],
  ])('refuses %s', (_, over, fields) => {
    expect(refused(() => parsePlanTerms(installment(over), ctx)).fields).toEqual(fields);
  });

  it('accepts a start today and exactly a year ahead', () => {
    expect(parsePlanTerms(installment({ startDate: '2025-06-15' }), ctx).startDate).toBe('2025-06-15');
    expect(parsePlanTerms(installment({ startDate: '2026-06-15' }), ctx).startDate).toBe('2026-06-15');
  });

  it('reports every problem at once', () => {
    const { fields } = refused(() =>
      parsePlanTerms(
        {
          paymentPlanType: 'Recurring',
          totalAmount: '100.00',
          installmentAmount: '900.00',
          frequency: 'Weekly',
          startDate: '2025-01-01',
          dayOfMonth: 3,
          endDate: 'soon',
        },
        ctx,
      ),
    );
    expect(fields.sort()).toEqual(['dayOfMonth', 'endDate', 'installmentAmount', 'startDate', 'totalAmount']);
    const installmentProblems = refused(() =>
      parsePlanTerms(
        {
          paymentPlanType: 'Installment',
          frequency: 'Fortnightly',
          installmentCount: 'x',
          endDate: '2025-07-01',
        },
        ctx,
      ),
    );
    expect(installmentProblems.fields.sort()).toEqual([
      'endDate',
      'frequency',
      'installmentCount',
      'startDate',
      'totalAmount',
    ]);
  });
});

describe('parsePlanUpdate', () => {
  const weekly = { type: PlanType.Recurring, frequency: PlanFrequency.Weekly, endDate: null };
  const monthlyInstallments = {
    type: PlanType.Installment,
    frequency: PlanFrequency.Monthly,
    endDate: null,
    remainingCents: 7000,
    installmentsPaid: 1,
  };

  it('returns only what was given', () => {
    expect(parsePlanUpdate({}, weekly, ctx)).toEqual({});
    expect(parsePlanUpdate({ installmentAmount: '30.00' }, weekly, ctx)).toEqual({ installmentCents: 3000 });
    expect(parsePlanUpdate({ frequency: 'monthly', dayOfMonth: 31 }, weekly, ctx)).toEqual({
      frequency: PlanFrequency.Monthly,
      dayOfMonth: 31,
    });
    expect(parsePlanUpdate({ nextPaymentDate: '2025-06-20', endDate: '2025-06-20' }, weekly, ctx)).toEqual({
      nextPaymentDate: '2025-06-20',
      endDate: '2025-06-20',
    });
  });

  it('clears dayOfMonth and endDate on null', () => {
    const monthly = { type: PlanType.Recurring, frequency: PlanFrequency.Monthly, endDate: '2025-12-31' };
    expect(parsePlanUpdate({ dayOfMonth: null, endDate: null }, monthly, ctx)).toEqual({
      dayOfMonth: null,
      endDate: null,
    });
  });

  it('reshapes an installment plan on a new amount', () => {
    expect(parsePlanUpdate({ installmentAmount: '20.00' }, monthlyInstallments, ctx)).toEqual({
      installmentCents: 2000,
      installmentCount: 5,
    });
    expect(parsePlanUpdate({ installmentAmount: '70.00' }, monthlyInstallments, ctx)).toEqual({
      installmentCents: 7000,
      installmentCount: 2,
    });
  });

  it.each<[string, PlanUpdateInput, string[]]>([
    ['an amount above the remaining balance', { installmentAmount: '70.01' }, ['installmentAmount']],
    ['an end date on an installment plan', { endDate: '2025-12-31' }, ['endDate']],
    ['a day of month out of range', { dayOfMonth: 40 }, ['dayOfMonth']],
  ])('refuses on an installment plan %s', (_, input, fields) => {
    expect(refused(() => parsePlanUpdate(input, monthlyInstallments, ctx)).fields).toEqual(fields);
  });

  it('refuses a reshape to more than 520 installments', () => {
    const big = { ...monthlyInstallments, remainingCents: 52_100 };
    expect(refused(() => parsePlanUpdate({ installmentAmount: '1.00' }, big, ctx)).fields).toEqual([
      'installmentAmount',
    ]);
  });

  it.each<[string, PlanUpdateInput, string[]]>([
    ['an amount above the limit', { installmentAmount: '600.00' }, ['installmentAmount']],
    ['an unknown frequency', { frequency: 'Hourly' }, ['frequency']],
    ['a day of month on a weekly plan', { dayOfMonth: 5 }, ['dayOfMonth']],
    ['a next date in the past', { nextPaymentDate: '2025-06-14' }, ['nextPaymentDate']],
    ['a next date that does not exist', { nextPaymentDate: '2025-02-29' }, ['nextPaymentDate']],
    [
      'an end before the new next date',
      { nextPaymentDate: '2025-07-01', endDate: '2025-06-30' },
      ['endDate'],
    ],
    ['an end in the past', { endDate: '2025-06-14' }, ['endDate']],
    [
      'several problems at once',
      { installmentAmount: 'lots', frequency: 'x', nextPaymentDate: 'tomorrow' },
      ['frequency', 'nextPaymentDate', 'installmentAmount'],
    ],
  ])('refuses on a recurring plan %s', (_, input, fields) => {
    expect(refused(() => parsePlanUpdate(input, weekly, ctx)).fields).toEqual(fields);
  });

  it('checks an end date against the current next date', () => {
    const current = { ...weekly, nextPaymentDate: '2025-07-10' };
    expect(refused(() => parsePlanUpdate({ endDate: '2025-07-09' }, current, ctx)).fields).toEqual([
      'endDate',
    ]);
    expect(parsePlanUpdate({ endDate: '2025-07-10' }, current, ctx)).toEqual({ endDate: '2025-07-10' });
  });

  it('refuses a next date after the current end date', () => {
    const ending = { ...weekly, endDate: '2025-06-30' };
    expect(refused(() => parsePlanUpdate({ nextPaymentDate: '2025-07-01' }, ending, ctx)).fields).toEqual([
      'nextPaymentDate',
    ]);
  });

  it('allows a day of month when the same update makes the plan monthly, and refuses it when it makes it weekly', () => {
    const monthly = { type: PlanType.Recurring, frequency: PlanFrequency.Monthly, endDate: null };
    expect(parsePlanUpdate({ dayOfMonth: 5 }, monthly, ctx)).toEqual({ dayOfMonth: 5 });
    expect(
      refused(() => parsePlanUpdate({ frequency: 'Weekly', dayOfMonth: 5 }, monthly, ctx)).fields,
    ).toEqual(['dayOfMonth']);
  });
});
