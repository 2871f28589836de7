import {
  AUTHORIZATION_TEXT,
  type EmvReceipt,
  type PaymentResult,
  type TransactionView,
} from '@conduit/payments';

/** A chip read's receipt fields and the issuer's answer (`Card.EMV`). */
const restEmv = (e: EmvReceipt) => ({
  ApplicationLabel: e.applicationLabel ?? undefined,
  ApplicationID: e.applicationId ?? undefined,
  TVR: e.tvr ?? undefined,
  TSI: e.tsi ?? undefined,
  CryptogramType: e.cryptogramType ?? undefined,
  IssuerResponse: e.issuerResponse ?? undefined,
});

/** One transaction in rest.md's response shape (PascalCase); absent values are left out. */
export function restTransaction(t: TransactionView, extra: Partial<PaymentResult> = {}) {
  const out: Record<string, unknown> = {
    TransactionID: t.transactionId,
    TransactionStatus: t.status,
    ResponseCode: t.responseCode,
    ResponseMessage: t.responseMessage,
    TransactionAction: t.action,
    TransactionType: t.tender,
    AuthorizationNumber: t.authorizationNumber ?? undefined,
    AuthorizationText: t.card && (t.status === 'C' || t.status === 'A') ? AUTHORIZATION_TEXT : undefined,
    Amount: t.amount,
    RequestAmount: t.requestAmount,
    IsPartiallyApproved: t.isPartiallyApproved,
    PartialApprovalAmount: t.isPartiallyApproved ? t.amount : undefined,
    TransactionDate: t.transactionDate,
    Outlet: { MerchantID: t.merchantId, StoreID: t.storeId, TerminalID: t.terminalId },
    Card: t.card
      ? {
          Brand: t.card.brand,
          BIN: t.card.bin,
          LastFour: t.card.last4,
          ExpirationMonth: t.card.expMonth,
          ExpirationYear: t.card.expYear,
          CardHolderName: t.card.holderName ?? undefined,
          PaymentCardType: t.card.paymentCardType,
          EntryMode: t.card.entryMode,
          IsEMVTransaction: t.card.isEmv,
          IsEMVVerifiedByPIN: t.card.pinVerified,
          EMV: t.card.emv ? restEmv(t.card.emv) : undefined,
        }
      : undefined,
    ECheck: t.echeck
      ? {
          RoutingNumber: t.echeck.routingNumber,
          AccountLastFour: t.echeck.accountLast4,
          AccountType: t.echeck.accountType ?? undefined,
          CheckNumber: t.echeck.checkNumber ?? undefined,
        }
      : undefined,
    PaymentMethodID: t.paymentMethodId ?? undefined,
    PaymentPlanID: t.plan?.paymentPlanId,
    PaymentPlanType: t.plan?.type,
    InstallmentSequenceNumber: t.plan?.sequence,
    InstallmentCount: t.plan?.installmentCount ?? undefined,
    SaveOnFileTransactionID: extra.saveOnFileTransactionId,
    PrimaryTransactionID: t.primaryTransactionId ?? undefined,
    PrimaryTransactionStatus: extra.primaryTransactionStatus,
    RefundedAmount: t.primaryTransactionId ? undefined : t.refundedAmount,
    Patient:
      t.patient.patientId || t.patient.accountNumber || t.patient.firstName || t.patient.lastName
        ? {
            PatientID: t.patient.patientId ?? undefined,
            AccountNumber: t.patient.accountNumber ?? undefined,
            FirstName: t.patient.firstName ?? undefined,
            LastName: t.patient.lastName ?? undefined,
          }
        : undefined,
  };
  t.additionalInfo.forEach((v, i) => {
    if (v) out[`AdditionalInfo${i + 1}`] = v;
  });
  return JSON.parse(JSON.stringify(out)) as Record<string, unknown>;
}

export function restResult(result: PaymentResult) {
  return restTransaction(result.transaction, result);
}
