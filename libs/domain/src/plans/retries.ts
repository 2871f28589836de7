/**
 * What a plan does after a failed charge (payment-plans.md "Declines and retries"). A hard decline
 * means the card will not work again (stolen, closed, wrong number), so retrying would only
 * annoy the issuer and the patient; a soft one (insufficient funds, issuer busy) often clears in
 * days. A code we do not know is treated as hard: never hammer a card on a guess.
 */
import { DomainError } from '../errors/domain-error';
import { addDays } from './schedule';

export const HARD_DECLINE_CODES: readonly string[] = ['014', '054', '003', '012', '013', '025', '082'];
export const SOFT_DECLINE_CODES: readonly string[] = ['005', '051', '001', '028'];

export function declineKind(responseCode: string): 'hard' | 'soft' {
  return SOFT_DECLINE_CODES.includes(String(responseCode).trim()) ? 'soft' : 'hard';
}

export const DEFAULT_RETRY_DAYS: readonly number[] = [1, 3, 5];
export const MAX_RETRIES = 5;
export const MAX_RETRY_DAY = 30;

/**
 * The merchant setting `planRetryDays`: 0–5 strictly increasing whole days, each 1–30, counted
 * from the charge's due date. Accepts an array of numbers or a comma-separated text ("1,3,5";
 * "" for no retries), as the admin API and its forms send it.
 */
export function parseRetryDays(v: unknown): number[] {
  const field = 'planRetryDays';
  const fail = (message: string) => DomainError.validation([{ field, message }]);
  let items: unknown[];
  if (Array.isArray(v)) items = v;
  else if (typeof v === 'string') items = v.trim() === '' ? [] : v.split(',').map((s) => s.trim());
  else throw fail(`${field} must be a list of days`);
  const days = items.map((item) => {
    const n = typeof item === 'string' && /^\d{1,2}$/.test(item) ? Number(item) : item;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_RETRY_DAY)
      throw fail(`${field} must be whole days from 1 to ${MAX_RETRY_DAY}, got ${String(item)}`);
    return n;
  });
  if (days.length > MAX_RETRIES) throw fail(`${field} may hold at most ${MAX_RETRIES} retries`);
  for (let i = 1; i < days.length; i += 1)
    if (days[i] <= days[i - 1]) throw fail(`${field} must be strictly increasing, e.g. 1,3,5`);
  return days;
}

/**
 * After `failedAttempts` (≥1) consecutive soft declines of a charge first due on `dueDate`: the
 * date of the next retry (dueDate + retryDays[failedAttempts − 1]) or null when retries are
 * exhausted. Counted from the due date rather than the last attempt, so a late run of the
 * scheduler does not stretch the calendar the practice promised.
 */
export function retryDate(
  dueDate: string,
  failedAttempts: number,
  retryDays: readonly number[],
): string | null {
  if (!Number.isSafeInteger(failedAttempts) || failedAttempts < 1)
    throw new RangeError('retryDate expects failedAttempts ≥ 1');
  const offset = retryDays[failedAttempts - 1];
  return offset === undefined ? null : addDays(dueDate, offset);
}

/** eCheck returns that NACHA lets an originator present again: insufficient / uncollected funds. */
export const REPRESENTABLE_RETURN_CODES: readonly string[] = ['R01', 'R09'];
/** NACHA: an entry may be re-presented at most twice after the first return. */
export const MAX_REPRESENTMENTS = 2;

export function mayRepresent(returnReasonCode: string, representmentsSoFar: number): boolean {
  const code = String(returnReasonCode).trim().toUpperCase();
  return REPRESENTABLE_RETURN_CODES.includes(code) && representmentsSoFar < MAX_REPRESENTMENTS;
}
