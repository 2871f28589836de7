import type { TestCard } from '../cards.js';

export interface Expiry {
  month: number;
  /** Four digits. */
  year: number;
}

const yymm = ({ month, year }: Expiry) =>
  `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}`;

/**
 * Service code (ISO/IEC 7813): first digit 2 = international card with a chip (a terminal must
 * use the chip), 1 = stripe only; 01 = normal authorisation, no restrictions.
 */
export function serviceCodeOf(card: TestCard): string {
  return card.chip ? '201' : '101';
}

/**
 * Magnetic-stripe data exactly as a reader types it: track 1 (format B) then track 2, each with
 * its sentinels. Discretionary data is zeros: the sandbox does not check a CVV in the stripe.
 */
export function trackData(card: TestCard, expiry: Expiry): string {
  const code = serviceCodeOf(card);
  const name = card.holderName.slice(0, 26);
  return `%B${card.pan}^${name}^${yymm(expiry)}${code}0000000000?;${card.pan}=${yymm(expiry)}${code}00000?`;
}

/** Track 2 equivalent data (tag 57): PAN, D, YYMM, service code, discretionary, F padding. */
export function track2Equivalent(card: TestCard, expiry: Expiry): string {
  const body = `${card.pan}D${yymm(expiry)}${serviceCodeOf(card)}00000`;
  return body.length % 2 ? `${body}F` : body;
}

export function expiryText(expiry: Expiry): string {
  return `${String(expiry.month).padStart(2, '0')}/${String(expiry.year % 100).padStart(2, '0')}`;
}
