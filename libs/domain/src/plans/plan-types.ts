/**
 * The vocabulary of a payment plan (payment-plans.md "The plan"). Every interface sends these as
 * free text, so the parsers are lenient about case and the common spellings of "bi-weekly", and
 * strict about anything else: a plan charged on the wrong rhythm is worse than a refused request.
 */
import { DomainError } from '../errors/domain-error';

export enum PlanType {
  Installment = 'Installment',
  Recurring = 'Recurring',
}

export enum PlanFrequency {
  Weekly = 'Weekly',
  BiWeekly = 'BiWeekly',
  Monthly = 'Monthly',
  Quarterly = 'Quarterly',
  Annually = 'Annually',
}

export enum PlanStatus {
  Active = 'Active',
  Paused = 'Paused',
  PastDue = 'PastDue',
  Completed = 'Completed',
  Cancelled = 'Cancelled',
}

/** Frequencies whose grid is a number of months, and so the only ones a dayOfMonth applies to. */
export const MONTHLY_FREQUENCIES: readonly PlanFrequency[] = [
  PlanFrequency.Monthly,
  PlanFrequency.Quarterly,
  PlanFrequency.Annually,
];

export function isMonthlyFrequency(f: PlanFrequency): boolean {
  return MONTHLY_FREQUENCIES.includes(f);
}

const TYPES = new Map<string, PlanType>(Object.values(PlanType).map((t) => [t.toLowerCase(), t]));

const FREQUENCIES = new Map<string, PlanFrequency>([
  ...Object.values(PlanFrequency).map((f): [string, PlanFrequency] => [f.toLowerCase(), f]),
  ['bi-weekly', PlanFrequency.BiWeekly],
]);

export function parsePlanType(v: unknown, field = 'paymentPlanType'): PlanType {
  const type = typeof v === 'string' ? TYPES.get(v.trim().toLowerCase()) : undefined;
  if (type) return type;
  throw DomainError.validation([
    { field, message: `${field} must be ${Object.values(PlanType).join(' or ')}` },
  ]);
}

export function parseFrequency(v: unknown, field = 'frequency'): PlanFrequency {
  const frequency = typeof v === 'string' ? FREQUENCIES.get(v.trim().toLowerCase()) : undefined;
  if (frequency) return frequency;
  throw DomainError.validation([
    { field, message: `${field} must be one of ${Object.values(PlanFrequency).join(', ')}` },
  ]);
}
