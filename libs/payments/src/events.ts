import { describeStatus } from '@conduit/domain';
import type { TransactionView } from './transaction-view';

/** Webhook triggers (webhooks.md). */
export enum EventType {
  Approved = 'Approved',
  Declined = 'Declined',
  Voided = 'Voided',
  Refunded = 'Refunded',
  Returned = 'Returned',
  Chargeback = 'Chargeback',
  Settlement = 'Settlement',
  Error = 'Error',
  PaymentPlanCreated = 'PaymentPlanCreated',
  PaymentPlanUpdated = 'PaymentPlanUpdated',
}

export function eventTypeOf(action: string, status: string): EventType {
  if (status === 'D') return EventType.Declined;
  if (action === 'Void') return EventType.Voided;
  if (action === 'SimpleRefund' || action === 'Refund') return EventType.Refunded;
  return EventType.Approved;
}

/** A chip read's receipt fields; nothing for keyed, swiped and stored cards (their payload is as before). */
function emvFields(t: TransactionView): Record<string, string | boolean | null> {
  const emv = t.card?.emv;
  if (!t.card || !emv) return {};
  return {
    EMVCardEntryMode: t.card.entryMode,
    IsEMVVerifiedByPIN: t.card.pinVerified,
    EMVApplicationLabel: emv.applicationLabel,
    EMVApplicationID: emv.applicationId,
    EMVTVR: emv.tvr,
    EMVTSI: emv.tsi,
    EMVCryptogramType: emv.cryptogramType,
    EMVIssuerResponse: emv.issuerResponse,
  };
}

/**
 * The notification payload, in webhooks.md's field names, built when the change commits and
 * stored with the outbox row. Absent values are omitted; never a full card or account number.
 */
export function webhookPayload(
  eventId: string,
  type: EventType,
  t: TransactionView,
  primary?: TransactionView,
  extra: { SettlementBatchID?: string; ReturnReasonCode?: string } = {},
): Record<string, string | boolean> {
  const fields: Record<string, string | boolean | null | undefined> = {
    EventID: eventId,
    EventType: type,
    ResponseDateTime: t.transactionDate,
    PaymentTransactionID: t.transactionId,
    OriginalTransactionID: primary?.transactionId,
    TransactionAction: t.action,
    TransactionType: t.tender,
    RequestAmount: t.requestAmount,
    Amount: t.amount,
    IsPartiallyApproved: t.isPartiallyApproved,
    PartialApprovalAmount: t.isPartiallyApproved ? t.amount : undefined,
    CurrentTransactionStatusCode: t.status,
    CurrentTransactionStatusDescription: t.statusDescription,
    OriginalTransactionStatusCode: primary?.status,
    OriginalTransactionStatusDescription: primary ? describeStatus(primary.status as never) : undefined,
    ResponseCode: t.responseCode,
    ResponseMessage: t.responseMessage,
    AuthorizationCode: t.authorizationNumber,
    CardType: t.card?.brand,
    CardLastFourDigits: t.card ? `************${t.card.last4}` : undefined,
    ExpDate: t.card
      ? `${String(t.card.expMonth).padStart(2, '0')}/${String(t.card.expYear % 100).padStart(2, '0')}`
      : undefined,
    CardHolderName: t.card?.holderName,
    ...emvFields(t),
    RoutingNumber: t.echeck?.routingNumber,
    AccountNumberLastFourDigits: t.echeck?.accountLast4,
    CheckNumber: t.echeck?.checkNumber,
    Outlet: `${t.merchantId}-${t.storeId}-${t.terminalId}`,
    MerchantID: t.merchantId,
    StoreID: t.storeId,
    TerminalID: t.terminalId,
    PatientID: t.patient.patientId,
    PatientFirstName: t.patient.firstName,
    PatientLastName: t.patient.lastName,
    SaveOnFileTransactionID: t.action === 'SaveOnFile' ? t.transactionId : undefined,
    PaymentPlanID: t.plan?.paymentPlanId,
    PaymentPlanTransactionType: t.plan?.type,
    InstallmentSequenceNumber: t.plan ? String(t.plan.sequence) : undefined,
    InstallmentCount: t.plan?.installmentCount != null ? String(t.plan.installmentCount) : undefined,
    ReturnReasonCode: extra.ReturnReasonCode,
    SettlementBatchID: extra.SettlementBatchID,
  };
  t.additionalInfo.forEach((v, i) => {
    if (v) fields[`AdditionalInfo${i + 1}`] = v;
  });
  return Object.fromEntries(
    Object.entries(fields).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  ) as Record<string, string | boolean>;
}
