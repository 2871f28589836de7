/** How the sandbox answers a card (payments.md, devices.md): what a vendor's test expects. */
export type SandboxOutcome =
  | 'approved'
  | 'declined 005'
  | 'declined 051'
  | 'declined 028 (retry)'
  | 'declined 001'
  | 'declined 082 (any CVN)'
  | 'approved, then a chargeback';

export type CardBrand = 'VISA' | 'MASTERCARD' | 'AMEX' | 'DISCOVER' | 'OTHER';

export interface TestCard {
  /** The card number (sandbox only: never put a real card in a simulator). */
  pan: string;
  brand: CardBrand;
  /** Printed on the receipt from tag 50. */
  label: string;
  /** The chip asks the terminal for a PIN (CVM list prefers offline PIN). */
  prefersPin: boolean;
  /** The card has a chip: its stripe's service code starts with 2, so a swipe is refused. */
  chip: boolean;
  outcome: SandboxOutcome;
  holderName: string;
}

const card = (
  pan: string,
  brand: CardBrand,
  label: string,
  outcome: SandboxOutcome = 'approved',
  prefersPin = false,
): TestCard => ({ pan, brand, label, prefersPin, chip: true, outcome, holderName: 'DOE/PAT' });

/**
 * The sandbox's test cards. Every one is a chip card; any other Luhn-valid number works too and
 * behaves like `visa` (approved, signature / no CVM).
 */
export const TEST_CARDS = {
  visa: card('4111111111111111', 'VISA', 'VISA CREDIT'),
  mastercard: card('5500000000000004', 'MASTERCARD', 'MASTERCARD'),
  amex: card('340000000000009', 'AMEX', 'AMERICAN EXPRESS'),
  discover: card('6011000000000004', 'DISCOVER', 'DISCOVER'),
  visaDebitPin: card('4761739001010119', 'VISA', 'VISA DEBIT', 'approved', true),
  mastercardDebitPin: card('5413330089020011', 'MASTERCARD', 'DEBIT MASTERCARD', 'approved', true),
  doNotHonor: card('4000000000000002', 'VISA', 'VISA CREDIT', 'declined 005'),
  insufficientFunds: card('4000000000009995', 'VISA', 'VISA CREDIT', 'declined 051'),
  retry: card('4000000000000119', 'VISA', 'VISA CREDIT', 'declined 028 (retry)'),
  referral: card('4000000000000010', 'VISA', 'VISA CREDIT', 'declined 001'),
  cvvMismatch: card('4000000000000127', 'VISA', 'VISA CREDIT', 'declined 082 (any CVN)'),
  chargeback: card('4000000000000259', 'VISA', 'VISA CREDIT', 'approved, then a chargeback'),
} as const satisfies Record<string, TestCard>;

export type TestCardName = keyof typeof TEST_CARDS;

/** Card numbers whose chip prefers a PIN (contracts A): the server only reads 9F34. */
const PIN_PREFERRING = new Set<string>([TEST_CARDS.visaDebitPin.pan, TEST_CARDS.mastercardDebitPin.pan]);

export function luhnValid(pan: string): boolean {
  if (!/^\d{12,19}$/.test(pan)) return false;
  let sum = 0;
  for (let i = 0; i < pan.length; i++) {
    let d = Number(pan[pan.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

export function brandOf(pan: string): CardBrand {
  if (/^4/.test(pan)) return 'VISA';
  if (/^(5[1-5]|2[2-7])/.test(pan)) return 'MASTERCARD';
  if (/^3[47]/.test(pan)) return 'AMEX';
  if (/^6(011|5)/.test(pan)) return 'DISCOVER';
  return 'OTHER';
}

/** A catalog card by name or number; any other number becomes a signature-preferring chip card. */
export function resolveCard(cardOrPan: TestCard | TestCardName | string): TestCard {
  if (typeof cardOrPan !== 'string') return cardOrPan;
  if (cardOrPan in TEST_CARDS) return TEST_CARDS[cardOrPan as TestCardName];
  const known = Object.values(TEST_CARDS).find((c) => c.pan === cardOrPan);
  if (known) return known;
  if (!/^\d{12,19}$/.test(cardOrPan)) throw new TypeError('A test card is a catalog name or 12–19 digits');
  const brand = brandOf(cardOrPan);
  return {
    pan: cardOrPan,
    brand,
    label: brand === 'OTHER' ? 'CREDIT' : `${brand} CREDIT`,
    prefersPin: PIN_PREFERRING.has(cardOrPan),
    chip: true,
    outcome: 'approved',
    holderName: 'DOE/PAT',
  };
}

/** Application identifiers (tag 4F/84) by brand: the registered RIDs plus a common PIX. */
export const AIDS: Record<CardBrand, string> = {
  VISA: 'A0000000031010',
  MASTERCARD: 'A0000000041010',
  AMEX: 'A00000002501',
  DISCOVER: 'A0000001523010',
  OTHER: 'A0000000031010',
};
