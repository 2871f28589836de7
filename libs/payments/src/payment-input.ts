/**
 * A payment request as every transport hands it to the core: field values still raw (strings as
 * they came), names already mapped to the NVP spelling. The core validates them, so NVP, REST,
 * SOAP and the hosted page get the same rules and the same messages.
 */
export interface PaymentInput {
  channel: 'NVP' | 'REST' | 'SOAP' | 'PAGE' | 'BATCH';
  /**
   * The sender's unique reference (an import file's ExternalID): at most one transaction per
   * merchant carries it (unique index), so a re-sent record cannot be charged twice.
   */
  externalId?: string;
  transactionAction?: unknown;
  transactionType?: unknown;
  merchantId?: unknown;
  storeId?: unknown;
  terminalId?: unknown;
  amount?: unknown;
  card?: {
    cardNumber?: unknown;
    cardExpiration?: unknown;
    cardExpirationMonth?: unknown;
    cardExpirationYear?: unknown;
    cardVerificationNumber?: unknown;
    cardHolderName?: unknown;
    cardPresentStatus?: unknown;
    trackData?: unknown;
    paymentMethodId?: unknown;
  };
  echeck?: {
    routingNumber?: unknown;
    accountNumber?: unknown;
    accountType?: unknown;
    checkNumber?: unknown;
    accountHolderName?: unknown;
    checkPresentStatus?: unknown;
  };
  allowPartialPayment?: unknown;
  saveOnFile?: unknown;
  primaryTransactionId?: unknown;
  transactionId?: unknown;
  singleSignOnToken?: unknown;
  patient?: {
    patientId?: unknown;
    accountNumber?: unknown;
    firstName?: unknown;
    lastName?: unknown;
    birthDate?: unknown;
  };
  additionalInfo?: unknown[];
}

export function text(value: unknown, max = 255): string | undefined {
  if (value === undefined || value === null) return undefined;
  const s = String(value).trim();
  return s === '' ? undefined : s.slice(0, max);
}
