import { describeStatus, formatAmount } from '@conduit/domain';
import type { TransactionRow } from '@conduit/db';
import { toWireId, wireDate } from './ids';

export const AUTHORIZATION_TEXT = 'I AGREE TO PAY THE ABOVE AMOUNT ACCORDING TO MY CARD HOLDER AGREEMENT.';

/** A transaction as the transports render it: display data only, never a card number. */
export interface TransactionView {
  transactionId: string;
  action: string;
  tender: string;
  status: string;
  statusDescription: string;
  responseCode: string;
  responseMessage: string;
  amount: string;
  requestAmount: string;
  amountCents: number;
  isPartiallyApproved: boolean;
  authorizationNumber: string | null;
  transactionDate: string;
  merchantId: string;
  storeId: string;
  terminalId: string;
  card: {
    brand: string;
    bin: string;
    last4: string;
    expMonth: number;
    expYear: number;
    holderName: string | null;
    paymentCardType: string;
    entryMode: string;
    isEmv: boolean;
    pinVerified: boolean;
    /** Chip and contactless reads: what a card-present receipt prints (never chip card data). */
    emv: EmvReceipt | null;
  } | null;
  echeck: {
    routingNumber: string;
    accountLast4: string;
    accountType: string | null;
    checkNumber: string | null;
  } | null;
  paymentMethodId: string | null;
  primaryTransactionId: string | null;
  refundedAmount: string;
  patient: {
    patientId: string | null;
    accountNumber: string | null;
    firstName: string | null;
    lastName: string | null;
    birthDate: string | null;
  };
  additionalInfo: string[];
  /** A payment plan's charge: its plan, sequence (0 = down payment) and installment count. */
  plan: {
    paymentPlanId: string;
    type: string;
    sequence: number;
    installmentCount: number | null;
  } | null;
  channel: string;
  createdAt: Date;
}

export interface EmvReceipt {
  applicationLabel: string | null;
  applicationId: string | null;
  tvr: string | null;
  tsi: string | null;
  cryptogramType: string | null;
  issuerResponse: string | null;
}

/** The receipt fields of a chip read; null for a card that was keyed, swiped or stored. */
function emvReceiptOf(t: TransactionRow): EmvReceipt | null {
  if (!t.emvApplicationId && !t.emvCryptogramType) return null;
  return {
    applicationLabel: t.emvApplicationLabel,
    applicationId: t.emvApplicationId,
    tvr: t.emvTvr,
    tsi: t.emvTsi,
    cryptogramType: t.emvCryptogramType,
    issuerResponse: t.emvIssuerResponse,
  };
}

export function viewOf(t: TransactionRow): TransactionView {
  const amountCents = Number(t.amountCents);
  return {
    transactionId: toWireId(t.id),
    action: t.action,
    tender: t.tender,
    status: t.status,
    statusDescription: describeStatus(t.status as never),
    responseCode: t.responseCode,
    responseMessage: t.responseMessage,
    amount: formatAmount(amountCents),
    requestAmount: formatAmount(Number(t.requestCents)),
    amountCents,
    isPartiallyApproved: t.isPartial,
    authorizationNumber: t.authorizationNumber,
    transactionDate: wireDate(t.createdAt),
    merchantId: t.merchant.merchantId,
    storeId: t.outlet.storeId,
    terminalId: t.outlet.terminalId,
    card:
      t.cardLast4 && t.cardBin
        ? {
            brand: t.cardBrand ?? 'OTHER',
            bin: t.cardBin,
            last4: t.cardLast4,
            expMonth: t.cardExpMonth ?? 0,
            expYear: t.cardExpYear ?? 0,
            holderName: t.cardHolderName,
            paymentCardType: t.paymentCardType ?? 'CREDIT',
            entryMode: t.entryMode ?? 'Keyed',
            isEmv: t.entryMode === 'Chip' || t.entryMode === 'Contactless',
            pinVerified: t.pinVerified,
            emv: emvReceiptOf(t),
          }
        : null,
    echeck: t.routingNumber
      ? {
          routingNumber: t.routingNumber,
          accountLast4: t.accountLast4 ?? '',
          accountType: t.accountType,
          checkNumber: t.checkNumber,
        }
      : null,
    paymentMethodId: t.paymentMethodId ? toWireId(t.paymentMethodId) : null,
    primaryTransactionId: t.primaryId ? toWireId(t.primaryId) : null,
    refundedAmount: formatAmount(Number(t.refundedCents)),
    patient: {
      patientId: t.patientId,
      accountNumber: t.patientAccountNumber,
      firstName: t.patientFirstName,
      lastName: t.patientLastName,
      birthDate: t.patientBirthDate,
    },
    additionalInfo: t.additionalInfo,
    plan: t.paymentPlanRef
      ? {
          paymentPlanId: toWireId(t.paymentPlanRef),
          type: t.paymentPlanType ?? 'Installment',
          sequence: t.installmentSequence ?? 0,
          installmentCount: t.installmentCount,
        }
      : null,
    channel: t.channel,
    createdAt: t.createdAt,
  };
}

/** What an action answers: the transaction, plus the primary's status for secondary actions. */
export interface PaymentResult {
  transaction: TransactionView;
  primaryTransactionStatus?: string;
  saveOnFileTransactionId?: string;
}

/**
 * The view for a caller that may or may not take payments at the transaction's merchant: a
 * stored card's `PaymentMethodID` is a payment instrument, so read-only callers never see it.
 */
export function visibleTo(
  caller: { mayTransact(merchantRef: string, organizationId: string): boolean },
  t: TransactionRow,
): TransactionView {
  const view = viewOf(t);
  return caller.mayTransact(t.merchantRef, t.organizationId) ? view : { ...view, paymentMethodId: null };
}
