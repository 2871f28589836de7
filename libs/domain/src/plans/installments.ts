/**
 * How an installment plan's balance splits into charges, in integer cents. The rules exist so
 * that a patient is never charged more than they owe, never charged zero, and the charges add up
 * to the balance to the cent, whichever of amount or count the practice chose, and after the
 * amount is changed mid-plan. The scheduler asks `installmentChargeCents` for each charge with
 * what is still owed, so a missed or partial history cannot make the sum wrong either.
 */
import { DomainError, type FieldError } from '../errors/domain-error';
import { formatAmount } from '../payments/money';

/** Ten years of weekly charges: beyond that a "plan" is a mistake in the amount. */
export const MAX_INSTALLMENTS = 520;

export interface InstallmentSplit {
  totalCents: number;
  downPaymentCents: number;
  installmentCents: number;
  installmentCount: number;
}

const isCents = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n);

/**
 * Given total, down payment and EITHER installmentCents (count = ceil(rest / amount), the last
 * charge the remainder ≤ amount) OR installmentCount (amount = floor(rest / count), the remainder
 * cents on the last charge), or both. Both must agree: either amount×(count−1) < rest ≤
 * amount×count, or amount = floor(rest / count) (the even split a count gives, e.g. 33.33 × 3
 * for 100.00, so a schedule shown to the patient can be sent back as it was shown). An amount
 * above the rest is one charge of the rest (installmentCents is then the rest).
 */
export function deriveInstallments(i: {
  totalCents: number;
  downPaymentCents: number;
  installmentCents?: number;
  installmentCount?: number;
}): InstallmentSplit {
  const errors: FieldError[] = [];
  const { totalCents, downPaymentCents } = i;
  const amount = i.installmentCents;
  const count = i.installmentCount;
  if (!isCents(totalCents) || totalCents <= 0)
    errors.push({ field: 'totalAmount', message: 'totalAmount must be a positive amount' });
  if (!isCents(downPaymentCents) || downPaymentCents < 0)
    errors.push({ field: 'downPaymentAmount', message: 'downPaymentAmount must not be negative' });
  else if (isCents(totalCents) && totalCents > 0 && downPaymentCents >= totalCents)
    errors.push({
      field: 'downPaymentAmount',
      message: `downPaymentAmount ${formatAmount(downPaymentCents)} must be less than totalAmount ${formatAmount(totalCents)}`,
    });
  if (amount === undefined && count === undefined)
    errors.push({ field: 'installmentAmount', message: 'installmentAmount or installmentCount is required' });
  if (amount !== undefined && (!isCents(amount) || amount <= 0))
    errors.push({ field: 'installmentAmount', message: 'installmentAmount must be a positive amount' });
  if (count !== undefined && (!isCents(count) || count < 1))
    errors.push({
      field: 'installmentCount',
      message: 'installmentCount must be a whole number of at least 1',
    });
  else if (count !== undefined && count > MAX_INSTALLMENTS)
    errors.push({
      field: 'installmentCount',
      message: `installmentCount ${count} is more than the ${MAX_INSTALLMENTS} installments a plan may have`,
    });
  if (errors.length > 0) throw DomainError.validation(errors);

  const rest = totalCents - downPaymentCents;
  if (amount !== undefined && count !== undefined) {
    const byAmount = amount * (count - 1) < rest && rest <= amount * count;
    const evenSplit = Math.floor(rest / count) === amount;
    if (!byAmount && !evenSplit)
      throw DomainError.validation([
        {
          field: 'installmentCount',
          message: `installmentCount ${count} does not match installmentAmount ${formatAmount(amount)} for the ${formatAmount(rest)} to pay in installments (that takes ${Math.ceil(rest / amount)})`,
        },
      ]);
    return {
      totalCents,
      downPaymentCents,
      installmentCents: Math.min(amount, rest),
      installmentCount: count,
    };
  }
  if (amount !== undefined) {
    const derived = Math.ceil(rest / amount);
    if (derived > MAX_INSTALLMENTS)
      throw DomainError.validation([
        {
          field: 'installmentAmount',
          message: `installmentAmount ${formatAmount(amount)} would take ${derived} installments to pay ${formatAmount(rest)}; a plan may have at most ${MAX_INSTALLMENTS}`,
        },
      ]);
    return {
      totalCents,
      downPaymentCents,
      installmentCents: Math.min(amount, rest),
      installmentCount: derived,
    };
  }
  const n = count as number;
  const even = Math.floor(rest / n);
  if (even === 0)
    throw DomainError.validation([
      {
        field: 'installmentCount',
        message: `installmentCount ${n} would make zero charges: ${formatAmount(rest)} cannot be split into ${n} installments`,
      },
    ]);
  return { totalCents, downPaymentCents, installmentCents: even, installmentCount: n };
}

/** The last scheduled charge of a split: the remainder after the count − 1 regular charges. */
export function lastInstallmentCents(s: InstallmentSplit): number {
  return s.totalCents - s.downPaymentCents - s.installmentCents * (s.installmentCount - 1);
}

/**
 * Amount of scheduled charge `sequence` (1-based) when `remainingCents` is still owed: 0 when
 * nothing remains; the whole remainder when sequence ≥ installmentCount; else
 * min(installmentCents, remainingCents). Never more than remains, never negative.
 */
export function installmentChargeCents(
  p: { installmentCents: number; installmentCount: number },
  sequence: number,
  remainingCents: number,
): number {
  if (!(remainingCents > 0)) return 0;
  if (sequence >= p.installmentCount) return remainingCents;
  return Math.max(0, Math.min(p.installmentCents, remainingCents));
}

/** After a change of installment amount mid-plan: the new count = paidCount + ceil(remaining / newAmount). */
export function reshapeInstallments(p: {
  remainingCents: number;
  paidCount: number;
  installmentCents: number;
}): { installmentCount: number } {
  if (!isCents(p.installmentCents) || p.installmentCents <= 0)
    throw new RangeError('reshapeInstallments expects a positive installment amount in cents');
  const remaining = Math.max(0, p.remainingCents);
  return { installmentCount: p.paidCount + Math.ceil(remaining / p.installmentCents) };
}
