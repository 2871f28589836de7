import {
  DomainError,
  type FieldError,
  formatAmount,
  initialProgress,
  type PlanContext,
  PlanFrequency,
  type PlanShape,
  type PlanTerms,
  PlanType,
  parsePlanTerms,
  upcomingCharges,
} from '@conduit/domain';
import { text } from '../payment-input';

/** The plan fields a PaymentPlan token carries (NVP spelling, raw). */
export interface SsoPlanTermsInput {
  paymentPlanType?: unknown;
  totalAmount?: unknown;
  amount?: unknown;
  downPaymentAmount?: unknown;
  installmentAmount?: unknown;
  installmentCount?: unknown;
  frequency?: unknown;
  startDate?: unknown;
  dayOfMonth?: unknown;
  endDate?: unknown;
}

const TERM_FIELDS = [
  'paymentPlanType',
  'totalAmount',
  'downPaymentAmount',
  'installmentAmount',
  'installmentCount',
  'frequency',
  'startDate',
  'dayOfMonth',
  'endDate',
] as const;

export type SsoPlanFields = Partial<Record<(typeof TERM_FIELDS)[number], string>>;

/**
 * What the token's `plan_terms` column holds. `create`: the fields as given (handed to the core
 * again at submit, which validates them once more on that day) and the terms they gave at token
 * creation (for the page's schedule); `paymentPlanId` once the page created the plan. `replace`:
 * the plan whose payment method the page replaces.
 */
export type SsoPlanTerms =
  | { kind: 'create'; fields: SsoPlanFields; terms: PlanTerms; paymentPlanId: string | null }
  | { kind: 'replace'; paymentPlanId: string };

/**
 * A PaymentPlan token's terms, checked with the core's rules when the token is created, so a
 * patient never opens a page whose plan cannot be made. `amount` stands for `totalAmount`
 * (installment plans) when that is absent; `paymentPlanType` defaults to Installment. Every bad
 * field is reported at once, in NVP spelling.
 */
export function parseSsoPlanTerms(
  input: SsoPlanTermsInput,
  ctx: PlanContext,
): { fields: SsoPlanFields; terms: PlanTerms } {
  const fields: SsoPlanFields = {};
  for (const name of TERM_FIELDS) {
    const v = text(input[name]);
    if (v !== undefined) fields[name] = v;
  }
  fields.paymentPlanType ??= PlanType.Installment;
  const recurring = fields.paymentPlanType.toLowerCase() === PlanType.Recurring.toLowerCase();
  const amount = text(input.amount);
  if (fields.totalAmount === undefined && amount !== undefined && !recurring) fields.totalAmount = amount;
  return { fields, terms: parsePlanTerms(fields, ctx) };
}

/** The field errors of a DomainError.validation, or a rethrow of anything else. */
export function fieldErrorsOf(err: unknown): FieldError[] {
  if (err instanceof DomainError && err.details.fieldErrors) return err.details.fieldErrors;
  throw err;
}

const FREQUENCY_WORDS: Record<PlanFrequency, string> = {
  [PlanFrequency.Weekly]: 'every week',
  [PlanFrequency.BiWeekly]: 'every two weeks',
  [PlanFrequency.Monthly]: 'every month',
  [PlanFrequency.Quarterly]: 'every three months',
  [PlanFrequency.Annually]: 'every year',
};

export const frequencyWords = (f: PlanFrequency) => FREQUENCY_WORDS[f] ?? String(f).toLowerCase();

/** How many dates a recurring plan without an end shows before "and so on". */
export const RECURRING_SHOWN = 12;

export interface ProposedSchedule {
  type: PlanType;
  frequency: PlanFrequency;
  total: string | null;
  downPayment: string | null;
  installment: string;
  installmentCount: number | null;
  endDate: string | null;
  charges: { sequence: number; date: string; amount: string }[];
  /** More dates follow those listed (a recurring plan without an end, or a long one). */
  continues: boolean;
}

/** Every date and amount the proposed plan will charge, from the domain's own schedule rules. */
export function proposedSchedule(terms: PlanTerms): ProposedSchedule {
  const shape: PlanShape = {
    type: terms.type,
    totalCents: terms.totalCents,
    installmentCents: terms.installmentCents,
    installmentCount: terms.installmentCount,
    frequency: terms.frequency,
    startDate: terms.startDate,
    dayOfMonth: terms.dayOfMonth,
    endDate: terms.endDate,
  };
  const limit = terms.installmentCount ?? RECURRING_SHOWN;
  const charges = upcomingCharges(shape, initialProgress(shape, terms.downPaymentCents, null), limit + 1);
  return {
    type: terms.type,
    frequency: terms.frequency,
    total: terms.totalCents === null ? null : formatAmount(terms.totalCents),
    downPayment: terms.downPaymentCents > 0 ? formatAmount(terms.downPaymentCents) : null,
    installment: formatAmount(terms.installmentCents),
    installmentCount: terms.installmentCount,
    endDate: terms.endDate,
    charges: charges
      .slice(0, limit)
      .map((c) => ({ sequence: c.sequence, date: c.date, amount: formatAmount(c.amountCents) })),
    continues: charges.length > limit,
  };
}

/**
 * The authorization the payer ticks on the plan page, written out in full; the exact text is
 * kept in the plan's audit entry, so what was agreed can be shown later word for word.
 */
export function planAuthorizationText(merchant: string, s: ProposedSchedule): string {
  const first = s.charges[0];
  const last = s.charges.at(-1);
  const down = s.downPayment ? `a down payment of $${s.downPayment} today, then ` : '';
  const plan =
    s.type === PlanType.Installment
      ? `${s.installmentCount} payments ${frequencyWords(s.frequency)} from ${first?.date} to ${last?.date}, ` +
        `for a total of $${s.total}`
      : `$${s.installment} ${frequencyWords(s.frequency)} from ${first?.date}` +
        (s.endDate ? ` until ${s.endDate}` : ' until I cancel');
  return (
    `I authorize ${merchant} to charge the payment method above on the dates and for the amounts shown: ` +
    `${down}${plan}. I understand that a declined payment may be tried again on a later day, that ` +
    `${merchant} stores this payment method for these payments only, and that I can ask ${merchant} ` +
    `to stop future payments at any time before their date.`
  );
}

/** The authorization for a replacement payment method of an existing plan. */
export function replacementAuthorizationText(merchant: string, planId: string): string {
  return (
    `I authorize ${merchant} to charge the payment method above, instead of the one on file, for the ` +
    `remaining payments of payment plan ${planId} on the dates and for the amounts shown, including ` +
    `a payment that is past due. I understand that a declined payment may be tried again on a later ` +
    `day, and that I can ask ${merchant} to stop future payments at any time before their date.`
  );
}
