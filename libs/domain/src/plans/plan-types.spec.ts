import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error';
import { parseFrequency, parsePlanType, PlanFrequency, PlanType } from './plan-types';

describe('parsePlanType', () => {
  it.each([
    ['Installment', PlanType.Installment],
    ['installment', PlanType.Installment],
    ['RECURRING', PlanType.Recurring],
    [' Recurring ', PlanType.Recurring],
  ])('reads %j', (v, type) => {
    expect(parsePlanType(v)).toBe(type);
  });

  it.each(['', 'Subscription', 1, null, undefined])(
    'refuses %j naming paymentPlanType or the given field',
    (v) => {
      expect(() => parsePlanType(v)).toThrow(DomainError);
      try {
        parsePlanType(v, 'PaymentPlanType');
      } catch (e) {
        expect((e as DomainError).details.fieldErrors?.[0].field).toBe('PaymentPlanType');
      }
      try {
        parsePlanType(v);
      } catch (e) {
        expect((e as DomainError).details.fieldErrors?.[0].field).toBe('paymentPlanType');
      }
    },
  );
});

describe('parseFrequency', () => {
  it.each([
    ['Weekly', PlanFrequency.Weekly],
    ['biweekly', PlanFrequency.BiWeekly],
    ['Bi-Weekly', PlanFrequency.BiWeekly],
    ['Biweekly', PlanFrequency.BiWeekly],
    ['BIWEEKLY', PlanFrequency.BiWeekly],
    ['monthly', PlanFrequency.Monthly],
    ['Quarterly', PlanFrequency.Quarterly],
    ['annually', PlanFrequency.Annually],
  ])('reads %j', (v, f) => {
    expect(parseFrequency(v)).toBe(f);
  });

  it.each(['Daily', 'Bi Weekly', 'Yearly', '', 7])('refuses %j naming frequency', (v) => {
    try {
      parseFrequency(v);
      expect.fail('accepted');
    } catch (e) {
      expect((e as DomainError).details.fieldErrors?.map((f) => f.field)).toEqual(['frequency']);
    }
  });
});
