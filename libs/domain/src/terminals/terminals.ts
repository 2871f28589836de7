import { DomainError, type FieldError } from '../errors/domain-error';
import { parseAmount } from '../payments/money';

/** Pairing codes avoid characters that read alike (0/O, 1/I): 8 of these, shown `XXXX-XXXX`. */
export const PAIRING_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const PAIRING_CODE_TTL_MS = 15 * 60 * 1000;
export const TERMINAL_DEVICE_ID = /^tmd_[0-9a-z]{24}$/;

/** `ABCDEFGH` as the console shows it. */
export function formatPairingCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** A typed code in any case, with or without its dash and spaces; null when it cannot be one. */
export function normalizePairingCode(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const code = raw.replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== 8) return null;
  return [...code].every((c) => PAIRING_ALPHABET.includes(c)) ? code : null;
}

/** The life of an action in PostgreSQL, and its wire name (contracts C.3 `State`). */
export const ACTION_STATES = {
  PENDING: 'Pending',
  IN_PROGRESS: 'InProgress',
  PROCESSING: 'Processing',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
  FAILED: 'Failed',
  TIMED_OUT: 'TimedOut',
} as const;
export type ActionState = keyof typeof ACTION_STATES;
/** Open: the terminal may still take (or is taking) the card. At most one per terminal. */
export const OPEN_STATES: readonly ActionState[] = ['PENDING', 'IN_PROGRESS', 'PROCESSING'];
/** Cancellable: no card has reached the server yet. */
export const CANCELLABLE_STATES: readonly ActionState[] = ['PENDING', 'IN_PROGRESS'];

export const TERMINAL_ACTIONS = ['Sale', 'Authorization', 'Refund', 'SaveOnFile'] as const;
export type TerminalActionName = (typeof TERMINAL_ACTIONS)[number];
export const TERMINAL_ENTRY_MODES = ['emv', 'nfc', 'swipe', 'key'] as const;
export type TerminalEntryMode = (typeof TERMINAL_ENTRY_MODES)[number];
export const DEVICE_STATUSES = [
  'WaitingForCard',
  'ReadingCard',
  'EnterPin',
  'Processing',
  'RemoveCard',
  'Complete',
] as const;
export const DEFAULT_ACTION_TIMEOUT_SECONDS = 120;
const TIMEOUT_RANGE = [10, 600] as const;

/** What a vendor asks a terminal to do, checked once at the edge (every bad field at once). */
export interface TerminalActionRequest {
  action: TerminalActionName;
  amountCents: number;
  entryModes: TerminalEntryMode[];
  timeoutSeconds: number;
  patient: Record<string, string>;
  additionalInfo: string[];
}

const PATIENT_FIELDS = ['PatientID', 'AccountNumber', 'FirstName', 'LastName', 'BirthDate'] as const;

/** A process-payment body (REST names, any casing already resolved by the caller). */
export function parseTerminalActionRequest(b: Record<string, unknown>): TerminalActionRequest {
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => errors.push({ field, message: `${field} ${message}` });
  const action = TERMINAL_ACTIONS.find(
    (a) => a.toLowerCase() === String(b.TransactionAction ?? '').toLowerCase(),
  );
  if (!action) add('TransactionAction', 'must be Sale, Authorization, Refund or SaveOnFile');
  let amountCents = 0;
  if (action !== 'SaveOnFile' || (b.Amount !== undefined && b.Amount !== null)) {
    try {
      amountCents = parseAmount(b.Amount ?? '', 'Amount', { allowZero: action === 'SaveOnFile' });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      errors.push(...(err.details.fieldErrors ?? [{ field: 'Amount', message: err.message }]));
    }
  }
  let entryModes: TerminalEntryMode[] = [...TERMINAL_ENTRY_MODES];
  if (b.EntryModes !== undefined && b.EntryModes !== null) {
    const list = Array.isArray(b.EntryModes) ? b.EntryModes.map((m) => String(m).toLowerCase()) : [];
    const valid =
      list.length > 0 && list.every((m) => (TERMINAL_ENTRY_MODES as readonly string[]).includes(m));
    if (valid) entryModes = [...new Set(list)] as TerminalEntryMode[];
    else add('EntryModes', 'must be a non-empty list of emv, nfc, swipe, key');
  }
  let timeoutSeconds = DEFAULT_ACTION_TIMEOUT_SECONDS;
  if (b.TimeoutSeconds !== undefined && b.TimeoutSeconds !== null) {
    const n = Number(b.TimeoutSeconds);
    if (Number.isInteger(n) && n >= TIMEOUT_RANGE[0] && n <= TIMEOUT_RANGE[1]) timeoutSeconds = n;
    else add('TimeoutSeconds', `must be a whole number from ${TIMEOUT_RANGE[0]} to ${TIMEOUT_RANGE[1]}`);
  }
  const patient: Record<string, string> = {};
  const rawPatient = b.Patient;
  if (
    rawPatient !== undefined &&
    rawPatient !== null &&
    (typeof rawPatient !== 'object' || Array.isArray(rawPatient))
  )
    add('Patient', 'must be an object');
  else
    for (const f of PATIENT_FIELDS) {
      const v = (rawPatient as Record<string, unknown> | undefined)?.[f];
      if (v !== undefined && v !== null && String(v).trim() !== '')
        patient[f] = String(v).trim().slice(0, 64);
    }
  const additionalInfo = Array.from({ length: 6 }, (_, i) => {
    const v = b[`AdditionalInfo${i + 1}`];
    return v === undefined || v === null ? '' : String(v).slice(0, 255);
  });
  if (errors.length) throw DomainError.validation(errors);
  return { action: action!, amountCents, entryModes, timeoutSeconds, patient, additionalInfo };
}
