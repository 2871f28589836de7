import { formatAmount, type TerminalEntryMode } from '@conduit/domain';
import type { TerminalActionRow, TerminalRow } from '@conduit/db';
import type { PaymentInput } from '../payment-input';
import { toWireId } from '../ids';

/** The card message a terminal sends (contracts C.2 `card`), still raw. */
export interface TerminalCard {
  entryMode?: unknown;
  emvData?: unknown;
  trackData?: unknown;
  cardNumber?: unknown;
  expiration?: unknown;
  cvn?: unknown;
  fallback?: unknown;
}

const PRESENT: Record<TerminalEntryMode, string> = {
  key: 'PresentManualKey',
  swipe: 'PresentSwipeSign',
  emv: 'PresentEMV',
  nfc: 'MSDContactless',
};

/**
 * The payment a terminal's card completes, as a transport's input for `parsePaymentCommand`: the
 * action's amount, patient and free fields, the terminal's outlet, and the card as it was read.
 * The action id is the transaction's ExternalID, which one merchant's transactions carry at most
 * once, so no card message, however often resent, can make a second transaction.
 */
export function terminalPaymentInput(
  terminal: TerminalRow,
  action: TerminalActionRow,
  entryMode: TerminalEntryMode,
  card: TerminalCard,
): PaymentInput {
  const req = action.request as { patient?: Record<string, string>; additionalInfo?: string[] };
  const p = req.patient ?? {};
  const chip = entryMode === 'emv' || entryMode === 'nfc';
  const cardInput: NonNullable<PaymentInput['card']> & Record<string, unknown> = {
    cardPresentStatus: PRESENT[entryMode],
    ...(entryMode === 'key'
      ? { cardNumber: card.cardNumber, cardExpiration: card.expiration, cardVerificationNumber: card.cvn }
      : {}),
    ...(entryMode === 'swipe' ? { trackData: card.trackData } : {}),
    // Chip and contactless reads carry BER-TLV (and track 2 equivalent data when a reader has it).
    ...(chip ? { emvData: card.emvData, trackData: card.trackData } : {}),
    ...(card.fallback !== undefined ? { fallback: card.fallback } : {}),
  };
  return {
    channel: 'REST',
    externalId: `terminal:${toWireId(action.id)}`,
    transactionAction: action.action,
    transactionType: 'CreditCard',
    merchantId: terminal.merchant.merchantId,
    storeId: terminal.outlet.storeId,
    terminalId: terminal.outlet.terminalId,
    amount: action.action === 'SaveOnFile' ? undefined : formatAmount(Number(action.amountCents)),
    card: cardInput,
    patient: {
      patientId: p.PatientID,
      accountNumber: p.AccountNumber,
      firstName: p.FirstName,
      lastName: p.LastName,
      birthDate: p.BirthDate,
    },
    additionalInfo: req.additionalInfo ?? [],
  };
}
