import { DomainError, type FieldError } from '../errors/domain-error';

export type CardBrand = 'VISA' | 'MASTERCARD' | 'AMEX' | 'DISCOVER' | 'OTHER';

export interface CardExpiry {
  month: number;
  year: number;
}

/** The Luhn (mod 10) check digit test. Anything other than a non-empty run of digits fails. */
export function luhnValid(pan: string): boolean {
  if (typeof pan !== 'string' || !/^\d+$/.test(pan)) return false;
  let sum = 0;
  for (let i = 0; i < pan.length; i++) {
    let digit = pan.charCodeAt(pan.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function prefixIn(pan: string, length: number, low: number, high: number): boolean {
  if (pan.length < length) return false;
  const prefix = Number(pan.slice(0, length));
  return prefix >= low && prefix <= high;
}

/** The card brand from the BIN (issuer identification number ranges). */
export function cardBrand(pan: string): CardBrand {
  if (typeof pan !== 'string' || !/^\d+$/.test(pan)) return 'OTHER';
  if (pan.startsWith('4')) return 'VISA';
  if (prefixIn(pan, 2, 51, 55) || prefixIn(pan, 4, 2221, 2720)) return 'MASTERCARD';
  if (pan.startsWith('34') || pan.startsWith('37')) return 'AMEX';
  if (
    pan.startsWith('6011') ||
    prefixIn(pan, 3, 644, 649) ||
    pan.startsWith('65') ||
    prefixIn(pan, 6, 622126, 622925)
  ) {
    return 'DISCOVER';
  }
  return 'OTHER';
}

/** Strips spaces and dashes and requires 13 to 19 digits. The PAN never appears in an error. */
export function normalizePan(raw: unknown, field = 'cardNumber'): string {
  let text: string | undefined;
  if (typeof raw === 'string') text = raw;
  else if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw > 0) text = String(raw);
  const pan = text?.replace(/[\s-]/g, '');
  if (pan === undefined || !/^\d{13,19}$/.test(pan)) {
    throw DomainError.validation([{ field, message: `${field} must be 13 to 19 digits` }]);
  }
  return pan;
}

const EXPIRATION_FORMS = 'MM/YY, MM-YY, MMYY or MM/YYYY';

/** A raw value as trimmed text: strings as given, integers from JSON in decimal; else null. */
function asText(raw: unknown): string | null {
  if (typeof raw === 'string') return raw.trim();
  if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0) return String(raw);
  return null;
}

const absent = (raw: unknown) => raw === undefined || raw === null || raw === '';

function monthOf(text: string | null): number | null {
  if (text === null || !/^\d{1,2}$/.test(text)) return null;
  const month = Number(text);
  return month >= 1 && month <= 12 ? month : null;
}

function yearOf(text: string | null): number | null {
  if (text === null) return null;
  if (/^\d{2}$/.test(text)) return 2000 + Number(text);
  if (/^20\d{2}$/.test(text)) return Number(text);
  return null;
}

/**
 * The card expiry from either one `cardExpiration` value (MM/YY, MM-YY, MMYY, MM/YYYY, M/YY) or
 * separate month (1–12, "6" or "06") and year (YY → 20YY, or YYYY from 2000 to 2099).
 */
export function parseExpiry(input: { expiration?: unknown; month?: unknown; year?: unknown }): CardExpiry {
  if (!absent(input.expiration)) {
    const text = asText(input.expiration);
    const match = text === null ? null : /^(\d{1,2})[/-](\d{2}|\d{4})$|^(\d{2})(\d{2})$/.exec(text);
    const month = match ? monthOf(match[1] ?? match[3]) : null;
    const year = match ? yearOf(match[2] ?? match[4]) : null;
    if (month === null || year === null) {
      throw DomainError.validation([
        {
          field: 'cardExpiration',
          message: `cardExpiration must be ${EXPIRATION_FORMS} with a month from 01 to 12`,
        },
      ]);
    }
    return { month, year };
  }
  if (absent(input.month) && absent(input.year)) {
    throw DomainError.validation([
      {
        field: 'cardExpiration',
        message: `cardExpiration is required (${EXPIRATION_FORMS}), or cardExpirationMonth and cardExpirationYear`,
      },
    ]);
  }
  const month = monthOf(asText(input.month));
  const year = yearOf(asText(input.year));
  const errors: FieldError[] = [];
  if (month === null) {
    errors.push({
      field: 'cardExpirationMonth',
      message: 'cardExpirationMonth must be a month from 1 to 12 (e.g. 6 or 06)',
    });
  }
  if (year === null) {
    errors.push({
      field: 'cardExpirationYear',
      message: 'cardExpirationYear must be a 2- or 4-digit year (e.g. 28 or 2028)',
    });
  }
  if (month === null || year === null) throw DomainError.validation(errors);
  return { month, year };
}

/** A card is valid through the last day of its expiry month (UTC). */
export function isExpired(exp: CardExpiry, now: Date): boolean {
  return now.getTime() >= Date.UTC(exp.year, exp.month, 1);
}

/** What may be shown or stored about a card number: the BIN (first 6) and the last 4. */
export function panDisplay(pan: string): { bin: string; last4: string } {
  return { bin: pan.slice(0, 6), last4: pan.slice(-4) };
}
