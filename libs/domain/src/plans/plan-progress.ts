import { installmentChargeCents } from './installments';
import { PlanStatus, PlanType, type PlanFrequency } from './plan-types';
import { declineKind, mayRepresent, retryDate } from './retries';
import { nextScheduleDateAfter, type PlanSchedule } from './schedule';

/**
 * Where a plan stands between charges, and how each event moves it (payment-plans.md,
 * "Charging" and "Declines and retries"). Pure: the services lock the plan row, call these with
 * its current state, and write the answer in the same database transaction as the event.
 *
 * - `nextSequence` is the sequence the regular schedule collects next; `scheduledDate` its grid
 *   date. `nextChargeDate` is when the scheduler acts next: the scheduled date, a retry date or
 *   the next run; null when nothing will be charged (paused, past due, completed, cancelled).
 * - `dueDate` is when the charge being collected first fell due: retries count from it.
 * - `representSequence` is a returned eCheck charge owed again; it is collected before the
 *   regular schedule continues.
 */
export interface PlanProgress {
  status: PlanStatus;
  nextSequence: number;
  scheduledDate: string | null;
  nextChargeDate: string | null;
  dueDate: string | null;
  representSequence: number | null;
  failedAttempts: number;
  representments: number;
  installmentsPaid: number;
  amountPaidCents: number;
  lastResponseCode: string | null;
}

export interface PlanShape {
  type: PlanType;
  totalCents: number | null;
  installmentCents: number;
  installmentCount: number | null;
  frequency: PlanFrequency;
  startDate: string;
  dayOfMonth: number | null;
  endDate: string | null;
}

export type PlanChargeKind = 'SCHEDULED' | 'RETRY' | 'CHARGE_NOW' | 'DOWN_PAYMENT' | 'REPRESENTMENT';

/** What the scheduler charges next: which sequence, how much, and why. Null: nothing is owed. */
export interface NextCharge {
  sequence: number;
  amountCents: number;
  kind: PlanChargeKind;
  dueDate: string;
}

export const scheduleOf = (p: PlanShape): PlanSchedule => ({
  frequency: p.frequency,
  startDate: p.startDate,
  dayOfMonth: p.dayOfMonth,
});

const remainingOf = (p: PlanShape, s: PlanProgress) =>
  p.type === PlanType.Installment ? Math.max((p.totalCents ?? 0) - s.amountPaidCents, 0) : null;

/** The amount a charge of `sequence` collects now (installments: never more than remains). */
export function chargeAmountOf(p: PlanShape, s: PlanProgress, sequence: number): number {
  const remaining = remainingOf(p, s);
  if (remaining === null) return p.installmentCents;
  return installmentChargeCents(
    { installmentCents: p.installmentCents, installmentCount: p.installmentCount ?? sequence },
    sequence,
    remaining,
  );
}

/**
 * The charge to make for a plan the scheduler found due (or a person asked to charge now):
 * a returned charge first, then the regular sequence. `manual` marks charge-now and run-next.
 */
export function nextChargeOf(
  p: PlanShape,
  s: PlanProgress,
  today: string,
  manual = false,
): NextCharge | null {
  if (s.representSequence !== null) {
    const amount = chargeAmountOf(p, s, s.representSequence);
    if (amount <= 0) return null;
    return {
      sequence: s.representSequence,
      amountCents: amount,
      kind: manual ? 'CHARGE_NOW' : 'REPRESENTMENT',
      dueDate: s.dueDate ?? today,
    };
  }
  if (s.scheduledDate === null) return null;
  const amount = chargeAmountOf(p, s, s.nextSequence);
  if (amount <= 0) return null;
  const kind: PlanChargeKind = manual ? 'CHARGE_NOW' : s.failedAttempts > 0 ? 'RETRY' : 'SCHEDULED';
  return { sequence: s.nextSequence, amountCents: amount, kind, dueDate: s.dueDate ?? s.scheduledDate };
}

/** The regular schedule's next step after `sequence` was collected on `chargedOn`. */
function advance(p: PlanShape, chargedOn: string, collectedDue: string) {
  const after = chargedOn > collectedDue ? chargedOn : collectedDue;
  let next: string | null = nextScheduleDateAfter(scheduleOf(p), after);
  if (p.endDate && next > p.endDate) next = null;
  return next;
}

/** After a charge was approved. */
export function afterApproval(
  p: PlanShape,
  s: PlanProgress,
  charge: {
    sequence: number;
    amountCents: number;
    kind: PlanChargeKind;
    dueDate: string;
    responseCode: string;
  },
  chargedOn: string,
): PlanProgress {
  const paid = s.amountPaidCents + charge.amountCents;
  const out: PlanProgress = {
    ...s,
    amountPaidCents: paid,
    installmentsPaid: s.installmentsPaid + (charge.sequence > 0 ? 1 : 0),
    failedAttempts: 0,
    lastResponseCode: charge.responseCode,
  };
  if (charge.sequence === 0) return out; // the down payment: the schedule is untouched
  if (s.representSequence !== null && charge.sequence === s.representSequence) {
    // Not reset: an accepted debit can still come back; the count is per returned sequence.
    out.representSequence = null;
    out.dueDate = s.scheduledDate;
  } else if (charge.sequence === s.nextSequence) {
    out.nextSequence = s.nextSequence + 1;
    out.scheduledDate = advance(p, chargedOn, charge.dueDate);
    out.dueDate = out.scheduledDate;
  }
  const remaining = remainingOf(p, out);
  const done =
    (remaining !== null && remaining <= 0) || (out.scheduledDate === null && out.representSequence === null);
  if (done) {
    out.scheduledDate = null;
    out.nextChargeDate = null;
    out.dueDate = null;
    if (s.status !== PlanStatus.Cancelled) out.status = PlanStatus.Completed;
    return out;
  }
  if (s.status === PlanStatus.PastDue) out.status = PlanStatus.Active;
  out.nextChargeDate =
    out.status === PlanStatus.Active
      ? out.representSequence !== null
        ? chargedOn
        : out.scheduledDate
      : null;
  return out;
}

/**
 * After a charge was declined: a hard decline makes the plan PastDue at once; a soft one is
 * retried on the merchant's retry days counted from the charge's due date, and makes it PastDue
 * when they are used up. `nextRun` is the date of the scheduler's next run (for a retry whose
 * day has already passed, e.g. after a late manual charge).
 */
export function afterDecline(
  s: PlanProgress,
  charge: { dueDate: string; responseCode: string },
  ctx: { retryDays: readonly number[]; nextRun: string },
): PlanProgress {
  const failed = s.failedAttempts + 1;
  const out: PlanProgress = { ...s, failedAttempts: failed, lastResponseCode: charge.responseCode };
  if (s.status !== PlanStatus.Active && s.status !== PlanStatus.PastDue) {
    out.nextChargeDate = null; // paused or cancelled while the charge was in flight
    return out;
  }
  const retry =
    declineKind(charge.responseCode) === 'soft' ? retryDate(charge.dueDate, failed, ctx.retryDays) : null;
  if (retry === null) {
    out.status = PlanStatus.PastDue;
    out.nextChargeDate = null;
    return out;
  }
  out.dueDate = charge.dueDate;
  out.nextChargeDate = retry > ctx.nextRun ? retry : ctx.nextRun;
  return out;
}

/**
 * An approved eCheck charge came back. R01/R09 are re-presented at the next run, at most twice
 * (NACHA); any other return, or a third, makes the plan PastDue with the charge still owed (a
 * new payment method retries it).
 */
export function afterReturn(
  s: PlanProgress,
  charge: {
    sequence: number;
    amountCents: number;
    returnReasonCode: string;
    /** How often this sequence was re-presented before (its earlier returned attempts). */
    representmentsSoFar: number;
  },
  nextRun: string,
): PlanProgress {
  const out: PlanProgress = {
    ...s,
    amountPaidCents: Math.max(s.amountPaidCents - charge.amountCents, 0),
    installmentsPaid: Math.max(s.installmentsPaid - (charge.sequence > 0 ? 1 : 0), 0),
    lastResponseCode: null,
  };
  if (charge.sequence === 0 || s.status === PlanStatus.Cancelled) return out;
  out.representSequence = charge.sequence;
  out.dueDate = nextRun;
  if (s.status === PlanStatus.Completed) out.status = PlanStatus.Active;
  if (out.status === PlanStatus.Paused) {
    out.nextChargeDate = null;
    return out;
  }
  if (mayRepresent(charge.returnReasonCode, charge.representmentsSoFar)) {
    out.representments = charge.representmentsSoFar + 1;
    out.nextChargeDate = nextRun;
    return out;
  }
  out.status = PlanStatus.PastDue;
  out.nextChargeDate = null;
  return out;
}

/** A new payment method: a PastDue plan's missed charge is retried at the next run. */
export function afterMethodChange(s: PlanProgress, nextRun: string): PlanProgress {
  if (s.status !== PlanStatus.PastDue) return s;
  return { ...s, failedAttempts: 0, dueDate: nextRun, nextChargeDate: nextRun };
}

/** Paused: nothing is charged, nothing accrues. */
export function afterPause(s: PlanProgress): PlanProgress {
  return { ...s, status: PlanStatus.Paused, nextChargeDate: null };
}

/** Resume continues from the next grid date after today (or the scheduled one, if still ahead). */
export function afterResume(p: PlanShape, s: PlanProgress, today: string): PlanProgress {
  const ahead = s.scheduledDate !== null && s.scheduledDate > today;
  let scheduled: string | null = ahead ? s.scheduledDate : nextScheduleDateAfter(scheduleOf(p), today);
  if (scheduled && p.endDate && scheduled > p.endDate) scheduled = null;
  if (scheduled === null && s.representSequence === null)
    return { ...s, status: PlanStatus.Completed, scheduledDate: null, nextChargeDate: null, dueDate: null };
  return {
    ...s,
    status: PlanStatus.Active,
    failedAttempts: 0,
    scheduledDate: scheduled,
    dueDate: scheduled,
    nextChargeDate: scheduled,
  };
}

export function afterCancel(s: PlanProgress): PlanProgress {
  return { ...s, status: PlanStatus.Cancelled, nextChargeDate: null };
}

/** The state of a new plan whose first charge is on `startDate`. */
export function initialProgress(
  p: PlanShape,
  downPaymentCents: number,
  responseCode: string | null,
): PlanProgress {
  return {
    status: PlanStatus.Active,
    nextSequence: 1,
    scheduledDate: p.startDate,
    nextChargeDate: p.startDate,
    dueDate: p.startDate,
    representSequence: null,
    failedAttempts: 0,
    representments: 0,
    installmentsPaid: 0,
    amountPaidCents: downPaymentCents,
    lastResponseCode: responseCode,
  };
}

/** The dates and amounts still to come (for the plan's detail; at most `limit`). */
export function upcomingCharges(
  p: PlanShape,
  s: PlanProgress,
  limit: number,
): { sequence: number; date: string; amountCents: number }[] {
  const out: { sequence: number; date: string; amountCents: number }[] = [];
  if (s.status === PlanStatus.Completed || s.status === PlanStatus.Cancelled) return out;
  let remaining = remainingOf(p, s);
  if (s.representSequence !== null && s.nextChargeDate) {
    const amount = chargeAmountOf(p, s, s.representSequence);
    out.push({ sequence: s.representSequence, date: s.nextChargeDate, amountCents: amount });
    if (remaining !== null) remaining -= amount;
  }
  let date = s.status === PlanStatus.Paused ? null : s.scheduledDate;
  let seq = s.nextSequence;
  if (date && s.nextChargeDate && s.failedAttempts > 0 && s.representSequence === null)
    date = s.nextChargeDate;
  while (date && out.length < limit) {
    if (p.endDate && date > p.endDate) break;
    let amount = p.installmentCents;
    if (remaining !== null) {
      if (remaining <= 0) break;
      amount = installmentChargeCents(
        { installmentCents: p.installmentCents, installmentCount: p.installmentCount ?? seq },
        seq,
        remaining,
      );
      remaining -= amount;
    }
    out.push({ sequence: seq, date, amountCents: amount });
    seq += 1;
    date = nextScheduleDateAfter(scheduleOf(p), date);
  }
  return out;
}
