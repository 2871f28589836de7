/**
 * A payment request as a transport received it: field values still raw (strings as they came),
 * names already mapped to the NVP spelling. Only `parsePaymentCommand` reads it: it turns it into
 * the typed command the core accepts, with the same rules and messages for every interface.
 */
export interface PaymentInput {
  channel: 'NVP' | 'REST' | 'SOAP' | 'PAGE' | 'BATCH' | 'PLAN';
  /**
   * The sender's unique reference (an import file's ExternalID): at most one transaction per
   * merchant carries it (unique index), so a re-sent record cannot be charged twice.
   */
  externalId?: string;
  /**
   * A payment plan's charge (set by the core's plan services, never by a transport): the
   * transaction's id is the charge's claim id, which is also the processor's idempotency key,
   * so a charge retried after a crash is the same charge.
   */
  plan?: PlanChargeMarker;
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
    /** Chip or contactless read: hex BER-TLV (devices.md). */
    emvData?: unknown;
    /** A chip card swiped after its chip read failed (boolean-ish). */
    fallback?: unknown;
    paymentMethodId?: unknown;
    /** The request says the card is a stored one (REST `PaymentMethod: OnFile`): paymentMethodID required. */
    onFile?: boolean;
  };
  echeck?: {
    routingNumber?: unknown;
    accountNumber?: unknown;
    accountType?: unknown;
    checkNumber?: unknown;
    accountHolderName?: unknown;
    checkPresentStatus?: unknown;
    /** Scanned check sides (base64 PNG/JPEG), only with checkPresentStatus Present. */
    checkFrontImage?: unknown;
    checkBackImage?: unknown;
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

export interface PlanChargeMarker {
  chargeId: string;
  planRef: string;
  sequence: number;
  installmentCount: number | null;
  type: 'Installment' | 'Recurring';
}

export function text(value: unknown, max = 255): string | undefined {
  if (value === undefined || value === null) return undefined;
  const s = String(value).trim();
  return s === '' ? undefined : s.slice(0, max);
}
