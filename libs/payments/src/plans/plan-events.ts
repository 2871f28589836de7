import { EventType } from '../events';
import { newId } from '../ids';
import type { TransactionView } from '../transaction-view';
import type { PlanView } from './plan-view';

/** An outbox row for a plan event, not yet written. */
export interface PlanEvent {
  id: string;
  eventType: EventType.PaymentPlanCreated | EventType.PaymentPlanUpdated;
  payload: Record<string, string | boolean>;
}

/**
 * `PaymentPlanCreated` / `PaymentPlanUpdated` (webhooks.md): the plan's fields in PascalCase,
 * and — after a scheduled charge — that charge's transaction, sequence and outcome. Absent
 * values are omitted; never a card or account number.
 */
export function planEvent(
  type: PlanEvent['eventType'],
  plan: PlanView,
  change: string,
  charge?: TransactionView,
): PlanEvent {
  const id = newId();
  const fields: Record<string, string | boolean | number | null | undefined> = {
    EventID: id,
    EventType: type,
    ResponseDateTime: plan.updatedAt,
    PaymentPlanID: plan.paymentPlanId,
    PaymentPlanTransactionType: plan.type,
    PaymentPlanStatus: plan.status,
    PaymentPlanChange: change,
    InstallmentSequenceNumber: charge?.plan ? charge.plan.sequence : undefined,
    InstallmentCount: plan.installmentCount,
    InstallmentsPaid: plan.installmentsPaid,
    TotalAmount: plan.totalAmount,
    DownPaymentAmount: plan.downPaymentAmount,
    InstallmentAmount: plan.installmentAmount,
    AmountPaid: plan.amountPaid,
    RemainingBalance: plan.remainingBalance,
    Frequency: plan.frequency,
    StartDate: plan.startDate,
    DayOfMonth: plan.dayOfMonth,
    EndDate: plan.endDate,
    NextPaymentDate: plan.nextPaymentDate,
    FailedAttempts: plan.failedAttempts,
    PaymentMethodID: plan.paymentMethodId,
    CardType: plan.paymentMethod.kind === 'Card' ? plan.paymentMethod.brand : undefined,
    CardLastFourDigits:
      plan.paymentMethod.kind === 'Card' ? `************${plan.paymentMethod.last4}` : undefined,
    RoutingNumber: plan.paymentMethod.kind === 'ECheck' ? plan.paymentMethod.routingNumber : undefined,
    AccountNumberLastFourDigits:
      plan.paymentMethod.kind === 'ECheck' ? plan.paymentMethod.accountLast4 : undefined,
    PaymentTransactionID: charge?.transactionId,
    TransactionType: charge?.tender,
    Amount: charge?.amount,
    CurrentTransactionStatusCode: charge?.status,
    ResponseCode: charge?.responseCode,
    ResponseMessage: charge?.responseMessage,
    Outlet: `${plan.merchantId}-${plan.storeId}-${plan.terminalId}`,
    MerchantID: plan.merchantId,
    StoreID: plan.storeId,
    TerminalID: plan.terminalId,
    PatientID: plan.patient.patientId,
    PatientFirstName: plan.patient.firstName,
    PatientLastName: plan.patient.lastName,
  };
  plan.additionalInfo.forEach((v, i) => {
    if (v) fields[`AdditionalInfo${i + 1}`] = v;
  });
  const payload = Object.fromEntries(
    Object.entries(fields)
      .filter(([, v]) => v !== undefined && v !== null && v !== '')
      .map(([k, v]) => [k, typeof v === 'number' ? String(v) : v]),
  ) as Record<string, string | boolean>;
  return { id, eventType: type, payload };
}
