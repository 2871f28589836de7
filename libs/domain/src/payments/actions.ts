import { DomainError } from '../errors/domain-error';

export enum TransactionAction {
  Sale = 'Sale',
  Authorization = 'Authorization',
  Capture = 'Capture',
  Void = 'Void',
  SimpleRefund = 'SimpleRefund',
  Refund = 'Refund',
  SaveOnFile = 'SaveOnFile',
  ViewReceipt = 'ViewReceipt',
}

export enum TenderType {
  CreditCard = 'CreditCard',
  DebitCard = 'DebitCard',
  ECheck = 'eCheck',
}

export const CARD_PRESENT_STATUSES = [
  'PresentManualKey',
  'PresentSwipeSign',
  'PresentSwipeNoSign',
  'PresentEMV',
  'MSDContactless',
  'NotPresentInternet',
  'NotPresentPhone',
  'NotPresentMailOrFax',
  'NotPresentRecurring',
  'NotPresentInstallment',
] as const;

export type CardPresentStatus = (typeof CARD_PRESENT_STATUSES)[number];
export type EntryMode = 'Keyed' | 'Swiped' | 'Chip' | 'Contactless' | 'OnFile';

const ACTION_ALIASES: Record<string, TransactionAction> = {
  AuthCapt: TransactionAction.Sale,
  AuthOnly: TransactionAction.Authorization,
  PriorAuthCapt: TransactionAction.Capture,
  Credit: TransactionAction.Refund,
};

/** Case-insensitive lookup table: lower-cased name → value. */
function table<T>(entries: [string, T][]): Map<string, T> {
  return new Map(entries.map(([name, value]) => [name.toLowerCase(), value]));
}

const ACTIONS = table<TransactionAction>([
  ...Object.values(TransactionAction).map((a): [string, TransactionAction] => [a, a]),
  ...Object.entries(ACTION_ALIASES),
]);
const TENDERS = table<TenderType>(Object.values(TenderType).map((t) => [t, t]));
const PRESENT_STATUSES = table<CardPresentStatus>(CARD_PRESENT_STATUSES.map((s) => [s, s]));

function lookup<T>(raw: unknown, values: Map<string, T>): T | undefined {
  return typeof raw === 'string' ? values.get(raw.trim().toLowerCase()) : undefined;
}

const isAbsent = (raw: unknown) =>
  raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');

/** `transactionAction`, case-insensitive, with the legacy aliases. */
export function resolveAction(raw: unknown): TransactionAction {
  const action = lookup(raw, ACTIONS);
  if (action) return action;
  const aliases = Object.entries(ACTION_ALIASES)
    .map(([alias, action]) => `${alias} for ${action}`)
    .join(', ');
  const message = `transactionAction must be one of ${Object.values(TransactionAction).join(', ')} (aliases: ${aliases})`;
  throw DomainError.validation([{ field: 'transactionAction', message }]);
}

/** `transactionType` (the tender), case-insensitive. */
export function resolveTender(raw: unknown): TenderType {
  const tender = lookup(raw, TENDERS);
  if (tender) return tender;
  const message = `transactionType must be one of ${Object.values(TenderType).join(', ')}`;
  throw DomainError.validation([{ field: 'transactionType', message }]);
}

/** `cardPresentStatus`, case-insensitive; absent → the fallback for how the card was given. */
export function resolveCardPresentStatus(raw: unknown, fallback: CardPresentStatus): CardPresentStatus {
  if (isAbsent(raw)) return fallback;
  const status = lookup(raw, PRESENT_STATUSES);
  if (status) return status;
  const message = `cardPresentStatus must be one of ${CARD_PRESENT_STATUSES.join(', ')}`;
  throw DomainError.validation([{ field: 'cardPresentStatus', message }]);
}

/**
 * How the card data was captured (`EMVCardEntryMode`). A stored card is always OnFile: nothing was
 * read from a card, whatever status the request claims. Chip and contactless readers may also
 * hand over track data, so their statuses decide before the track data does.
 */
export function entryModeOf(status: CardPresentStatus, how: { swiped: boolean; onFile: boolean }): EntryMode {
  if (how.onFile) return 'OnFile';
  if (status === 'PresentEMV') return 'Chip';
  if (status === 'MSDContactless') return 'Contactless';
  if (how.swiped || status === 'PresentSwipeSign' || status === 'PresentSwipeNoSign') return 'Swiped';
  return 'Keyed';
}

const TRUE = new Set(['true', '1', 'yes']);
const FALSE = new Set(['false', '0', 'no']);

/** A flag: true/false, 1/0, yes/no (case-insensitive), or a JSON boolean; absent → false. */
export function parseBoolean(raw: unknown, field: string): boolean {
  if (isAbsent(raw)) return false;
  if (typeof raw === 'boolean') return raw;
  const text =
    typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  throw DomainError.validation([{ field, message: `${field} must be true or false (or 1/0, yes/no)` }]);
}
