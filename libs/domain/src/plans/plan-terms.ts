/**
 * Validation of a plan's terms at creation and on update. A plan runs unattended for months, so
 * anything that would make a later charge impossible (a total it cannot reach, a start in the
 * past, an end before its start, a charge above the merchant's limit) is refused now, with every
 * problem named by its NVP camelCase field at once, so a practice fixes its request in one go.
 */
import { DomainError, type FieldError } from '../errors/domain-error';
import { formatAmount, parseAmount } from '../payments/money';
import {
  deriveInstallments,
  lastInstallmentCents,
  MAX_INSTALLMENTS,
  reshapeInstallments,
} from './installments';
import { isMonthlyFrequency, parseFrequency, parsePlanType, PlanFrequency, PlanType } from './plan-types';
import { addMonths, isPlainDate } from './schedule';

export interface PlanTermsInput {
  paymentPlanType?: unknown;
  totalAmount?: unknown;
  downPaymentAmount?: unknown;
  installmentAmount?: unknown;
  installmentCount?: unknown;
  frequency?: unknown;
  startDate?: unknown;
  dayOfMonth?: unknown;
  endDate?: unknown;
}

export interface PlanTerms {
  type: PlanType;
  totalCents: number | null;
  downPaymentCents: number;
  installmentCents: number;
  installmentCount: number | null;
  frequency: PlanFrequency;
  startDate: string;
  dayOfMonth: number | null;
  endDate: string | null;
}

export interface PlanUpdateInput {
  installmentAmount?: unknown;
  frequency?: unknown;
  dayOfMonth?: unknown;
  endDate?: unknown;
  nextPaymentDate?: unknown;
}

export interface PlanUpdate {
  installmentCents?: number;
  frequency?: PlanFrequency;
  dayOfMonth?: number | null;
  endDate?: string | null;
  nextPaymentDate?: string;
  /** Installment plans whose `current` gave remainingCents and installmentsPaid: the reshaped count. */
  installmentCount?: number;
}

export interface PlanContext {
  /** The merchant-local date today, YYYY-MM-DD. */
  today: string;
  maxTransactionCents: number;
}

/** The current terms an update is checked against; the optional fields make more checks possible. */
export interface CurrentPlanTerms {
  type: PlanType;
  frequency: PlanFrequency;
  endDate: string | null;
  /** The next scheduled date; an endDate must not fall before it. */
  nextPaymentDate?: string | null;
  /** Installment plans: still owed, and charges paid so far, to reshape the count on a new amount. */
  remainingCents?: number;
  installmentsPaid?: number;
}

/** Absent on every interface: not sent, JSON null, or NVP's empty value. */
const absent = (v: unknown) => v === undefined || v === null || v === '';

/** Collects the field errors of many parsers so that all are reported at once. */
class Problems {
  readonly errors: FieldError[] = [];

  add(field: string, message: string): void {
    this.errors.push({ field, message });
  }

  /** The parser's value, or undefined after recording its field errors. */
  take<T>(parse: () => T): T | undefined {
    try {
      return parse();
    } catch (e) {
      if (e instanceof DomainError && e.details.fieldErrors) {
        this.errors.push(...e.details.fieldErrors);
        return undefined;
      }
      throw e;
    }
  }

  throwIfAny(): void {
    if (this.errors.length > 0) throw DomainError.validation(this.errors);
  }
}

function parseWhole(v: unknown, field: string, min: number, max: number): number {
  const n = typeof v === 'string' && /^\d{1,6}$/.test(v.trim()) ? Number(v.trim()) : v;
  if (typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max) return n;
  throw DomainError.validation([{ field, message: `${field} must be a whole number from ${min} to ${max}` }]);
}

function parseDate(v: unknown, field: string): string {
  if (isPlainDate(v)) return v;
  throw DomainError.validation([{ field, message: `${field} must be a date YYYY-MM-DD` }]);
}

function checkLimit(p: Problems, field: string, cents: number, limit: number): void {
  if (cents > limit)
    p.add(field, `${field} ${formatAmount(cents)} exceeds the merchant's limit of ${formatAmount(limit)}`);
}

/** A schedule date must be today or later and at most a year ahead. */
function checkWindow(p: Problems, field: string, date: string, today: string): void {
  const latest = addMonths(today, 12);
  if (date < today) p.add(field, `${field} ${date} is in the past (today is ${today})`);
  else if (date > latest) p.add(field, `${field} ${date} is more than a year ahead (latest ${latest})`);
}

function checkDayOfMonth(p: Problems, raw: unknown, frequency: PlanFrequency | undefined): number | null {
  if (absent(raw)) return null;
  const day = p.take(() => parseWhole(raw, 'dayOfMonth', 1, 31));
  if (day === undefined) return null;
  if (frequency !== undefined && !isMonthlyFrequency(frequency)) {
    p.add('dayOfMonth', 'dayOfMonth applies only to Monthly, Quarterly and Annually plans');
    return null;
  }
  return day;
}

/**
 * Installment: totalAmount required; installmentAmount and/or installmentCount
 * (deriveInstallments); no endDate. Recurring: installmentAmount required; totalAmount,
 * downPaymentAmount, installmentCount refused; endDate optional, ≥ startDate. startDate
 * required, today or later and at most 1 year ahead. dayOfMonth 1–31, only for
 * Monthly/Quarterly/Annually. Every single charge ≤ ctx.maxTransactionCents.
 */
export function parsePlanTerms(input: PlanTermsInput, ctx: PlanContext): PlanTerms {
  const p = new Problems();
  const limit = ctx.maxTransactionCents;
  const type = p.take(() => parsePlanType(input.paymentPlanType));
  const frequency = p.take(() => parseFrequency(input.frequency));

  let startDate: string | undefined;
  if (absent(input.startDate)) p.add('startDate', 'startDate is required');
  else {
    startDate = p.take(() => parseDate(input.startDate, 'startDate'));
    if (startDate) checkWindow(p, 'startDate', startDate, ctx.today);
  }
  const dayOfMonth = checkDayOfMonth(p, input.dayOfMonth, frequency);

  const amountOf = (field: keyof PlanTermsInput, allowZero = false) =>
    absent(input[field]) ? undefined : p.take(() => parseAmount(input[field], field, { allowZero }));

  let totalCents: number | null = null;
  let downPaymentCents = 0;
  let installmentCents: number | undefined;
  let installmentCount: number | null = null;
  let endDate: string | null = null;

  if (type === PlanType.Installment) {
    if (!absent(input.endDate)) p.add('endDate', 'endDate applies only to Recurring plans');
    const total = absent(input.totalAmount) ? undefined : amountOf('totalAmount');
    if (absent(input.totalAmount)) p.add('totalAmount', 'totalAmount is required for an Installment plan');
    const down = amountOf('downPaymentAmount', true) ?? 0;
    const amount = amountOf('installmentAmount');
    const count = absent(input.installmentCount)
      ? undefined
      : p.take(() => parseWhole(input.installmentCount, 'installmentCount', 1, MAX_INSTALLMENTS));
    const parsedAll =
      total !== undefined &&
      (absent(input.downPaymentAmount) || down !== undefined) &&
      (absent(input.installmentAmount) || amount !== undefined) &&
      (absent(input.installmentCount) || count !== undefined);
    if (parsedAll) {
      const split = p.take(() =>
        deriveInstallments({
          totalCents: total,
          downPaymentCents: down,
          installmentCents: amount,
          installmentCount: count,
        }),
      );
      if (split) {
        totalCents = split.totalCents;
        downPaymentCents = split.downPaymentCents;
        installmentCents = split.installmentCents;
        installmentCount = split.installmentCount;
        checkLimit(p, 'downPaymentAmount', downPaymentCents, limit);
        // The largest scheduled charge: the regular one, or the last when an even split by
        // count leaves the remainder cents on it.
        const largest = Math.max(installmentCents, lastInstallmentCents(split));
        checkLimit(p, amount !== undefined ? 'installmentAmount' : 'installmentCount', largest, limit);
      }
    } else if (absent(input.installmentAmount) && absent(input.installmentCount)) {
      p.add('installmentAmount', 'installmentAmount or installmentCount is required');
    }
  } else if (type === PlanType.Recurring) {
    for (const field of ['totalAmount', 'downPaymentAmount', 'installmentCount'] as const)
      if (!absent(input[field])) p.add(field, `${field} applies only to Installment plans`);
    if (absent(input.installmentAmount))
      p.add('installmentAmount', 'installmentAmount is required for a Recurring plan');
    else {
      installmentCents = amountOf('installmentAmount');
      if (installmentCents !== undefined) checkLimit(p, 'installmentAmount', installmentCents, limit);
    }
    if (!absent(input.endDate)) {
      const end = p.take(() => parseDate(input.endDate, 'endDate'));
      if (end !== undefined) {
        endDate = end;
        if (startDate && end < startDate) p.add('endDate', `endDate ${end} is before startDate ${startDate}`);
      }
    }
  }

  p.throwIfAny();
  return {
    type: type as PlanType,
    totalCents,
    downPaymentCents,
    installmentCents: installmentCents as number,
    installmentCount,
    frequency: frequency as PlanFrequency,
    startDate: startDate as string,
    dayOfMonth,
    endDate,
  };
}

/**
 * An update of an existing plan: any of installmentAmount, frequency, dayOfMonth, endDate,
 * nextPaymentDate (today or later, within a year) may be given; returns only what was given
 * (dayOfMonth and endDate as null when sent as JSON null: cleared), validated against the
 * current terms. An endDate must not fall before the (new or current) next date nor before
 * today; endDate is refused on installment plans. A new installment amount of an installment
 * plan must not exceed what remains, and, when `current` says what remains and what is paid,
 * comes back with the reshaped installmentCount.
 */
export function parsePlanUpdate(
  input: PlanUpdateInput,
  current: CurrentPlanTerms,
  ctx: PlanContext,
): PlanUpdate {
  const p = new Problems();
  const update: PlanUpdate = {};

  if (!absent(input.frequency)) {
    const f = p.take(() => parseFrequency(input.frequency));
    if (f !== undefined) update.frequency = f;
  }
  const frequency = update.frequency ?? current.frequency;

  if (input.dayOfMonth === null) update.dayOfMonth = null;
  else if (!absent(input.dayOfMonth)) {
    const day = checkDayOfMonth(p, input.dayOfMonth, frequency);
    if (day !== null) update.dayOfMonth = day;
  }

  if (!absent(input.nextPaymentDate)) {
    const next = p.take(() => parseDate(input.nextPaymentDate, 'nextPaymentDate'));
    if (next !== undefined) {
      checkWindow(p, 'nextPaymentDate', next, ctx.today);
      update.nextPaymentDate = next;
    }
  }

  if (input.endDate !== undefined && input.endDate !== '') {
    if (current.type !== PlanType.Recurring) p.add('endDate', 'endDate applies only to Recurring plans');
    else if (input.endDate === null) update.endDate = null;
    else {
      const end = p.take(() => parseDate(input.endDate, 'endDate'));
      const next = update.nextPaymentDate ?? current.nextPaymentDate ?? ctx.today;
      const floor = next > ctx.today ? next : ctx.today;
      if (end !== undefined) {
        if (end < floor) p.add('endDate', `endDate ${end} is before the next payment date ${floor}`);
        else update.endDate = end;
      }
    }
  } else if (update.nextPaymentDate && current.endDate && update.nextPaymentDate > current.endDate) {
    p.add(
      'nextPaymentDate',
      `nextPaymentDate ${update.nextPaymentDate} is after the plan's endDate ${current.endDate}`,
    );
  }

  if (!absent(input.installmentAmount)) {
    const amount = p.take(() => parseAmount(input.installmentAmount, 'installmentAmount'));
    if (amount !== undefined) {
      checkLimit(p, 'installmentAmount', amount, ctx.maxTransactionCents);
      update.installmentCents = amount;
      const remaining = current.remainingCents;
      if (current.type === PlanType.Installment && remaining !== undefined) {
        if (amount > remaining)
          p.add(
            'installmentAmount',
            `installmentAmount ${formatAmount(amount)} exceeds the remaining balance of ${formatAmount(remaining)}`,
          );
        else if (current.installmentsPaid !== undefined) {
          const { installmentCount: count } = reshapeInstallments({
            remainingCents: remaining,
            paidCount: current.installmentsPaid,
            installmentCents: amount,
          });
          if (count - current.installmentsPaid > MAX_INSTALLMENTS)
            p.add(
              'installmentAmount',
              `installmentAmount ${formatAmount(amount)} would take more than ${MAX_INSTALLMENTS} installments`,
            );
          else update.installmentCount = count;
        }
      }
    }
  }

  p.throwIfAny();
  return update;
}
