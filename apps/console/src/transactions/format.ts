import { regex } from 'react-admin';
import type { Transaction } from '../api/types';

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** "25.00" (or cents as a number with `cents`) → "$25.00"; an em dash when empty. */
export const formatMoney = (value: string | number | null | undefined, cents = false): string => {
  if (value === null || value === undefined || value === '') return '—';
  const amount = Number(value);
  if (!Number.isFinite(amount)) return String(value);
  return usd.format(cents ? amount / 100 : amount);
};

/** Statuses of a payment that charged nothing: declined by the processor, or cancelled. */
const NOT_CHARGED = new Set(['D', 'X']);

/**
 * The requested amount of a payment that charged nothing (declined, cancelled, or answered
 * with an amount of 0 though one was asked for), else null: what its row should show instead of $0.00.
 */
export const notCharged = (
  record: Pick<Transaction, 'status' | 'amount' | 'requestAmount'>,
): string | null => {
  const requested = Number(record.requestAmount ?? 0);
  if (!record.requestAmount || !Number.isFinite(requested) || requested <= 0) return null;
  const charged = Number(record.amount ?? 0);
  return NOT_CHARGED.has(record.status ?? '') || charged === 0 ? record.requestAmount : null;
};

/** First 12 characters of a 32-hex id, for tables. */
export const shortId = (id: string | null | undefined): string =>
  !id ? '—' : id.length > 12 ? `${id.slice(0, 12)}…` : id;

/** "VISA •••• 1111" for a card, "•••• 6789" for an eCheck, or null when the record holds neither. */
export const paymentLabel = (
  record: Pick<Transaction, 'cardBrand' | 'cardLast4' | 'accountLast4'>,
): string | null => {
  if (record.cardLast4) return `${(record.cardBrand ?? 'Card').toUpperCase()} •••• ${record.cardLast4}`;
  if (record.accountLast4) return `•••• ${record.accountLast4}`;
  return null;
};

export const patientName = (record: Pick<Transaction, 'patientFirstName' | 'patientLastName'>): string =>
  [record.patientFirstName, record.patientLastName].filter(Boolean).join(' ');

/** "MM/YYYY" from the card's expiry month and year. */
export const cardExpiry = (record: Pick<Transaction, 'cardExpMonth' | 'cardExpYear'>): string | null =>
  record.cardExpMonth && record.cardExpYear
    ? `${String(record.cardExpMonth).padStart(2, '0')}/${record.cardExpYear}`
    : null;

const AMOUNT = /^\d{1,8}(\.\d{1,2})?$/;
/** Also "10." while it is being typed. */
const TYPED_AMOUNT = /^\d{1,8}(\.\d{0,2})?$/;

export const amountFormat = regex(AMOUNT, 'Dollars and cents, e.g. 10.00');

/** Typing aid for the amount filters: drops "$", thousands separators and spaces. */
export const cleanAmount = (value: string | null | undefined): string => (value ?? '').replace(/[$,\s]/g, '');

/** "10" / "10." / "10.5" → "10.00" / "10.00" / "10.50", the API's decimal form; anything else is left for validation. */
export const toDecimal = (value: string): string => {
  if (!TYPED_AMOUNT.test(value)) return value;
  const [whole, cents = ''] = value.split('.');
  return `${whole}.${cents.padEnd(2, '0')}`;
};
