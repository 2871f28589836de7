/**
 * CSV for the admin exports (spec settlement.md "Reports and exports"): RFC 4180 quoting, CRLF
 * line ends, dates in ISO 8601, money as a plain decimal, and no formula injection.
 */

/**
 * A cell written as given, never defused: for values the exporter itself formats, such as money
 * (`-25.00` must stay a number, not become the text `'-25.00`). Still quoted where RFC 4180 needs.
 */
export interface RawCell {
  readonly raw: string;
}

export type CsvValue = string | number | bigint | boolean | Date | RawCell | null | undefined;

/**
 * Spreadsheets run a text cell starting with one of these as a formula (OWASP "CSV injection");
 * a leading `'` makes them show it as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** Integer cents as a plain decimal, by integer arithmetic: 123450 → `1234.50`, -2500 → `-25.00`. */
export function formatCents(cents: number | bigint): string {
  if (typeof cents === 'number' && !Number.isSafeInteger(cents))
    throw new RangeError('formatCents expects a safe integer number of cents');
  const value = BigInt(cents);
  const digits = (value < 0n ? -value : value).toString().padStart(3, '0');
  return `${value < 0n ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** A money cell: the plain decimal of `cents`, exempt from formula defusing (empty for null). */
export function csvMoney(cents: number | bigint): RawCell;
export function csvMoney(cents: number | bigint | null | undefined): RawCell | null;
export function csvMoney(cents: number | bigint | null | undefined): RawCell | null {
  return cents === null || cents === undefined ? null : { raw: formatCents(cents) };
}

function quoted(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function isRaw(value: CsvValue): value is RawCell {
  return typeof value === 'object' && value !== null && !(value instanceof Date);
}

/** One cell, quoted and (for text) defused. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (isRaw(value)) return quoted(value.raw);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError('Cannot write an invalid date to CSV');
    return value.toISOString();
  }
  // Numbers are not text a spreadsheet could run, so a negative one stays as it is.
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError('Cannot write a non-finite number to CSV');
    return String(value);
  }
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  return quoted(FORMULA_START.test(value) ? `'${value}` : value);
}

/** One record, CRLF-terminated (RFC 4180 §2.1). */
export function csvRow(cells: readonly CsvValue[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
