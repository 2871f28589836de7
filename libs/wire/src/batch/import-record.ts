import { MAX_AMOUNT_CENTS } from '@conduit/domain';

export const IMPORT_RECORD = 'IMPTI10';

/** The record's fields in batch-files.md's order, under the spec's names (errors use them). */
export const IMPORT_FIELDS = [
  'RecordType',
  'MerchantID',
  'StoreID',
  'TerminalID',
  'TransactionAction',
  'PaymentMethodID',
  'Amount',
  'PatientID',
  'PatientFirstName',
  'PatientLastName',
  'AdditionalInfo1',
  'ExternalID',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export type ImportAction = 'Sale' | 'SimpleRefund';

/** A valid record as a command: what to charge or refund, for whom, under which ExternalID. */
export interface ImportCommand {
  merchantId: string;
  storeId: string;
  terminalId: string;
  action: ImportAction;
  /** Sale: the stored card's PaymentMethodID. SimpleRefund: the original TransactionID. */
  paymentMethodId: string;
  amountCents: number;
  patientId: string;
  patientFirstName: string;
  patientLastName: string;
  additionalInfo1: string;
  externalId: string;
}

export interface ImportFieldError {
  field: ImportField | 'Record';
  message: string;
}

export type ParsedRecord =
  | { ok: true; command: ImportCommand }
  /** What could be read of a bad record (its ExternalID, for the ack line) and every error. */
  | { ok: false; externalId: string; merchantId: string; errors: ImportFieldError[] };

const WIRE_ID = /^[0-9A-Fa-f]{32}$/;
const AMOUNT = /^(\d{1,8})\.(\d{2})$/;
/** Printable ASCII, no `|` (it could not be sent anyway) and no surrounding spaces. */
const EXTERNAL_ID = /^[\x21-\x7e](?:[\x20-\x7e]{0,62}[\x21-\x7e])?$/;
const CONTROL = /[\p{Cc}\p{Cf}]/u;

/** Dollars with exactly two decimals → integer cents, or null when not such an amount. */
export function parseImportAmount(raw: string): number | null {
  const m = AMOUNT.exec(raw);
  if (!m) return null;
  const cents = Number(m[1]) * 100 + Number(m[2]);
  return cents > 0 && cents <= MAX_AMOUNT_CENTS ? cents : null;
}

/**
 * One IMPTI10 line as a command, or every field error at once (a sender fixes a record in one
 * go). Only the record's shape is checked here; whether the merchant, outlet, card or original
 * transaction exist and may be used is the payments core's decision.
 */
export function parseImportRecord(text: string): ParsedRecord {
  const f = text.split('|');
  const errors: ImportFieldError[] = [];
  const at = (i: number) => (f[i] ?? '').trim();
  const externalId = at(11);
  const merchantId = at(1);
  if (f[0] !== IMPORT_RECORD)
    errors.push({ field: 'RecordType', message: `RecordType must be ${IMPORT_RECORD}` });
  if (f.length !== IMPORT_FIELDS.length) {
    errors.push({
      field: 'Record',
      message: `a record has ${IMPORT_FIELDS.length} fields separated by |, this one has ${f.length}`,
    });
    return { ok: false, externalId: EXTERNAL_ID.test(externalId) ? externalId : '', merchantId, errors };
  }
  const need = (i: number, field: ImportField, re: RegExp, what: string) => {
    if (!re.test(at(i))) errors.push({ field, message: `${field} must be ${what}` });
  };
  need(1, 'MerchantID', /^\d{13}$/, '13 digits');
  need(2, 'StoreID', /^\d{3}$/, '3 digits');
  need(3, 'TerminalID', /^\d{3}$/, '3 digits');
  const action = at(4);
  if (action !== 'Sale' && action !== 'SimpleRefund')
    errors.push({ field: 'TransactionAction', message: 'TransactionAction must be Sale or SimpleRefund' });
  need(
    5,
    'PaymentMethodID',
    WIRE_ID,
    action === 'SimpleRefund'
      ? 'the original TransactionID (32 hexadecimal characters)'
      : 'a stored card PaymentMethodID (32 hexadecimal characters)',
  );
  const amountCents = parseImportAmount(at(6));
  if (amountCents === null)
    errors.push({
      field: 'Amount',
      message:
        'Amount must be a positive amount in dollars with 2 decimals (e.g. 25.00), at most 99999999.99',
    });
  const free = (i: number, field: ImportField, max: number) => {
    const v = at(i);
    if (v.length > max) errors.push({ field, message: `${field} must be at most ${max} characters` });
    else if (CONTROL.test(v)) errors.push({ field, message: `${field} must not contain control characters` });
  };
  free(7, 'PatientID', 64);
  free(8, 'PatientFirstName', 64);
  free(9, 'PatientLastName', 64);
  free(10, 'AdditionalInfo1', 255);
  if (!externalId) errors.push({ field: 'ExternalID', message: 'ExternalID is required' });
  else if (!EXTERNAL_ID.test(externalId))
    errors.push({ field: 'ExternalID', message: 'ExternalID must be at most 64 printable characters' });
  if (errors.length)
    return { ok: false, externalId: EXTERNAL_ID.test(externalId) ? externalId : '', merchantId, errors };
  return {
    ok: true,
    command: {
      merchantId,
      storeId: at(2),
      terminalId: at(3),
      action: action as ImportAction,
      paymentMethodId: at(5).toUpperCase(),
      amountCents: amountCents as number,
      patientId: at(7),
      patientFirstName: at(8),
      patientLastName: at(9),
      additionalInfo1: at(10),
      externalId,
    },
  };
}

/** A command as its IMPTI10 line (tests, the benchmark, and the round-trip property). */
export function formatImportRecord(c: ImportCommand): string {
  return [
    IMPORT_RECORD,
    c.merchantId,
    c.storeId,
    c.terminalId,
    c.action,
    c.paymentMethodId,
    `${Math.floor(c.amountCents / 100)}.${String(c.amountCents % 100).padStart(2, '0')}`,
    c.patientId,
    c.patientFirstName,
    c.patientLastName,
    c.additionalInfo1,
    c.externalId,
  ].join('|');
}

/** Whether a file's first non-blank line is an import record at all (else the file is refused). */
export function looksLikeImportRecord(text: string): boolean {
  return text.startsWith(`${IMPORT_RECORD}|`);
}
