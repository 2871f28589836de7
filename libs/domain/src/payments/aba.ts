import { DomainError, type FieldError } from '../errors/domain-error';

export type AccountType = 'Checking' | 'Savings';
export type CheckPresentStatus = 'Present' | 'NotPresent';

export interface ECheckInput {
  routingNumber?: unknown;
  accountNumber?: unknown;
  accountType?: unknown;
  checkNumber?: unknown;
  accountHolderName?: unknown;
  checkPresentStatus?: unknown;
}

export interface ECheck {
  routingNumber: string;
  accountNumber: string;
  accountType: AccountType;
  checkNumber?: string;
  accountHolderName?: string;
  checkPresentStatus: CheckPresentStatus;
}

const WEIGHTS = [3, 7, 1, 3, 7, 1, 3, 7, 1];

/** An ABA routing transit number: 9 digits whose 3-7-1 weighted sum is a multiple of 10. */
export function abaValid(routing: string): boolean {
  if (typeof routing !== 'string' || !/^\d{9}$/.test(routing)) return false;
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * (routing.charCodeAt(i) - 48), 0);
  return sum % 10 === 0;
}

/** A raw value as trimmed text (strings, or non-negative integers from JSON); absent → undefined. */
function textOf(raw: unknown): string | undefined | null {
  if (raw === undefined || raw === null) return undefined;
  let text: string | null = null;
  if (typeof raw === 'string') text = raw.trim();
  else if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0) text = String(raw);
  return text === '' ? undefined : text;
}

function oneOf<T extends string>(raw: unknown, values: readonly T[], fallback: T): T | null {
  const text = textOf(raw);
  if (text === undefined) return fallback;
  return values.find((v) => v.toLowerCase() === text?.toLowerCase()) ?? null;
}

/**
 * Validates an eCheck (ACH) payment's account details. Every field error is collected and
 * thrown together. Account numbers never appear in a message.
 */
export function parseECheck(input: ECheckInput): ECheck {
  const errors: FieldError[] = [];
  const routingNumber = textOf(input.routingNumber);
  if (!routingNumber || !abaValid(routingNumber)) {
    errors.push({
      field: 'routingNumber',
      message: 'routingNumber must be 9 digits with a valid ABA check digit',
    });
  }
  const accountNumber = textOf(input.accountNumber);
  if (!accountNumber || !/^\d{4,17}$/.test(accountNumber)) {
    errors.push({ field: 'accountNumber', message: 'accountNumber must be 4 to 17 digits' });
  }
  const accountType = oneOf<AccountType>(input.accountType, ['Checking', 'Savings'], 'Checking');
  if (!accountType) errors.push({ field: 'accountType', message: 'accountType must be Checking or Savings' });
  const checkNumber = textOf(input.checkNumber);
  if (checkNumber === null || (checkNumber !== undefined && !/^\d{1,15}$/.test(checkNumber))) {
    errors.push({ field: 'checkNumber', message: 'checkNumber must be 1 to 15 digits' });
  }
  const holder = typeof input.accountHolderName === 'string' ? input.accountHolderName.trim() : undefined;
  if (input.accountHolderName !== undefined && input.accountHolderName !== null && holder === undefined) {
    errors.push({ field: 'accountHolderName', message: 'accountHolderName must be text' });
  } else if (holder !== undefined && holder.length > 120) {
    errors.push({ field: 'accountHolderName', message: 'accountHolderName must be at most 120 characters' });
  }
  const checkPresentStatus = oneOf<CheckPresentStatus>(
    input.checkPresentStatus,
    ['Present', 'NotPresent'],
    'NotPresent',
  );
  if (!checkPresentStatus) {
    errors.push({ field: 'checkPresentStatus', message: 'checkPresentStatus must be Present or NotPresent' });
  }
  if (errors.length || !routingNumber || !accountNumber || !accountType || !checkPresentStatus) {
    throw DomainError.validation(errors);
  }
  const result: ECheck = { routingNumber, accountNumber, accountType, checkPresentStatus };
  if (checkNumber) result.checkNumber = checkNumber;
  if (holder) result.accountHolderName = holder;
  return result;
}
