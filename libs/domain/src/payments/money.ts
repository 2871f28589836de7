import { DomainError } from '../errors/domain-error';

/** The largest amount the platform accepts: 99,999,999.99 in cents. */
export const MAX_AMOUNT_CENTS = 9_999_999_999;

const DECIMAL = /^(\d+)(?:\.(\d{1,2}))?$/;

/**
 * Parses a money amount to integer cents without floating-point arithmetic: the digits are read
 * as text. Strings like "25", "25.0", "25.00" and "0.50" are accepted; so are JSON numbers that
 * are finite and print with at most two decimals (they are converted through their text form).
 */
export function parseAmount(text: unknown, field = 'amount', opts?: { allowZero?: boolean }): number {
  const allowZero = opts?.allowZero === true;
  const fail = () =>
    DomainError.validation([
      {
        field,
        message: `${field} must be a ${allowZero ? 'non-negative' : 'positive'} decimal with at most 2 places`,
      },
    ]);
  let raw: string;
  if (typeof text === 'string') raw = text;
  else if (typeof text === 'number' && Number.isFinite(text)) raw = String(text);
  else throw fail();
  const match = DECIMAL.exec(raw);
  if (!match) throw fail();
  const whole = match[1].replace(/^0+(?=\d)/, '');
  if (whole.length > 8) throw fail();
  const fraction = (match[2] ?? '').padEnd(2, '0');
  const cents = Number(whole) * 100 + Number(fraction);
  if (cents > MAX_AMOUNT_CENTS) throw fail();
  if (cents === 0 && !allowZero) throw fail();
  return cents;
}

/** Integer cents as a plain decimal with two places: 2500 → "25.00", 5 → "0.05". */
export function formatAmount(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError('formatAmount expects an integer number of cents');
  const digits = String(Math.abs(cents)).padStart(3, '0');
  const sign = cents < 0 ? '-' : '';
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
