/**
 * The MICR line printed in E-13B at the foot of a check. Its four special symbols are written
 * with ASCII stand-ins, as scanners commonly report them:
 *   T  transit (⑆): brackets the routing number
 *   U  on-us (⑈): ends the account number (and brackets the auxiliary on-us field)
 *   A  amount (⑇): brackets the amount encoded by the bank of first deposit
 *   D  dash (⑉): separates parts of an account number
 * The Unicode symbols (U+2446..U+2449) are accepted as well.
 */
export interface MicrLine {
  /** The line as read, with the ASCII stand-ins. */
  raw: string;
  routingNumber: string;
  accountNumber: string;
  checkNumber?: string;
}

export class MicrError extends Error {
  constructor(
    readonly code: 'unreadable' | 'routing_number' | 'account_number' | 'check_number',
    message: string,
  ) {
    super(message);
    this.name = 'MicrError';
  }
}

const UNICODE: Record<string, string> = { '\u2446': 'T', '\u2447': 'A', '\u2448': 'U', '\u2449': 'D' };

/** ABA routing number check digit: 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 (mod 10). */
export function abaValid(routing: string): boolean {
  if (!/^\d{9}$/.test(routing)) return false;
  const d = [...routing].map(Number);
  const sum = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8]);
  return sum % 10 === 0;
}

/** The check digit that makes eight digits a valid routing number. */
export function abaCheckDigit(first8: string): string {
  if (!/^\d{8}$/.test(first8)) throw new RangeError('Eight digits expected');
  for (let c = 0; c <= 9; c++) if (abaValid(`${first8}${c}`)) return String(c);
  throw new RangeError('unreachable');
}

/** The MICR line of a personal check: ⑆routing⑆ account⑈ check. */
export function formatMicr(routingNumber: string, accountNumber: string, checkNumber?: string): string {
  return `T${routingNumber}T ${accountNumber}U${checkNumber ? ` ${checkNumber}` : ''}`;
}

/**
 * Parses a MICR line: the routing number between the transit symbols (ABA check digit
 * verified), the account number ending at the on-us symbol, and the check number after it
 * (personal checks) or in the auxiliary on-us field before the routing number (business checks,
 * U1042U T…T …U). Errors name the part that is wrong, never echo the account number.
 */
export function parseMicr(line: string): MicrLine {
  const raw = [...line]
    .map((c) => UNICODE[c] ?? c)
    .join('')
    .trim();
  if (!/^[0-9TUAD ]+$/.test(raw))
    throw new MicrError('unreadable', 'The MICR line has characters E-13B does not');
  const transit = /T\s*(\d{9})\s*T/.exec(raw);
  if (!transit) throw new MicrError('routing_number', 'No routing number between transit symbols');
  const routingNumber = transit[1];
  if (!abaValid(routingNumber))
    throw new MicrError('routing_number', 'The routing number fails the ABA check digit');
  const before = raw.slice(0, transit.index).trim();
  const after = raw.slice(transit.index + transit[0].length);
  const onUs = /^\s*([\dD ]+?)\s*U\s*(\d*)\s*(?:A\d+A)?\s*$/.exec(after);
  if (!onUs) throw new MicrError('account_number', 'No account number before an on-us symbol');
  const accountNumber = onUs[1].replace(/[D ]/g, '');
  if (!/^\d{4,17}$/.test(accountNumber))
    throw new MicrError('account_number', 'The account number must be 4–17 digits');
  const auxiliary = /^U\s*(\d+)\s*U$/.exec(before);
  if (before !== '' && !auxiliary) throw new MicrError('check_number', 'Unreadable auxiliary on-us field');
  const checkNumber = onUs[2] || auxiliary?.[1] || undefined;
  if (checkNumber !== undefined && checkNumber.length > 15)
    throw new MicrError('check_number', 'The check number is too long');
  return { raw, routingNumber, accountNumber, ...(checkNumber ? { checkNumber } : {}) };
}
