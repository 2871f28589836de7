import type { PlanCreateResult, PlanDetail, PlanView } from '@conduit/payments';
import { restTransaction } from './rest-output';

/** A plan in REST's PascalCase (payment-plans.md's names); absent values are left out. */
export function restPlan(p: PlanView): Record<string, unknown> {
  const m = p.paymentMethod;
  const out: Record<string, unknown> = {
    PaymentPlanID: p.paymentPlanId,
    PaymentPlanType: p.type,
    Status: p.status,
    Outlet: { MerchantID: p.merchantId, StoreID: p.storeId, TerminalID: p.terminalId },
    PaymentMethodID: p.paymentMethodId,
    PaymentMethod:
      m.kind === 'Card'
        ? {
            Type: 'Card',
            Brand: m.brand,
            BIN: m.bin,
            LastFour: m.last4,
            ExpirationMonth: m.expMonth,
            ExpirationYear: m.expYear,
          }
        : {
            Type: 'ECheck',
            RoutingNumber: m.routingNumber,
            AccountLastFour: m.accountLast4,
            AccountType: m.accountType,
          },
    PatientID: p.patient.patientId ?? undefined,
    PatientFirstName: p.patient.firstName ?? undefined,
    PatientLastName: p.patient.lastName ?? undefined,
    TotalAmount: p.totalAmount ?? undefined,
    DownPaymentAmount: p.downPaymentAmount ?? undefined,
    InstallmentAmount: p.installmentAmount,
    InstallmentCount: p.installmentCount ?? undefined,
    Frequency: p.frequency,
    StartDate: p.startDate,
    DayOfMonth: p.dayOfMonth ?? undefined,
    EndDate: p.endDate ?? undefined,
    NextPaymentDate: p.nextPaymentDate,
    InstallmentsPaid: p.installmentsPaid,
    AmountPaid: p.amountPaid,
    RemainingBalance: p.remainingBalance ?? undefined,
    FailedAttempts: p.failedAttempts,
    CreatedDate: p.createdAt,
  };
  p.additionalInfo.forEach((v, i) => {
    if (v) out[`AdditionalInfo${i + 1}`] = v;
  });
  return JSON.parse(JSON.stringify(out)) as Record<string, unknown>;
}

/** A plan with its schedule: what was charged (with the transactions) and the dates to come. */
export function restPlanDetail(d: PlanDetail): Record<string, unknown> {
  return {
    ...restPlan(d.plan),
    Schedule: {
      Past: d.schedule.past.map((c) =>
        JSON.parse(
          JSON.stringify({
            Sequence: c.sequence,
            Attempt: c.attempt,
            Kind: c.kind,
            DueDate: c.dueDate,
            Amount: c.amount,
            Status: c.status,
            ResponseCode: c.responseCode ?? undefined,
            TransactionID: c.transactionId ?? undefined,
            TransactionStatus: c.transactionStatus ?? undefined,
            ChargedDate: c.chargedAt ?? undefined,
          }),
        ),
      ),
      Upcoming: d.schedule.upcoming.map((u) => ({ Sequence: u.sequence, Date: u.date, Amount: u.amount })),
    },
  };
}

/** Creation: the plan (or the decline that stopped it) and the transactions it made. */
export function restPlanCreated(r: PlanCreateResult): Record<string, unknown> {
  const transactions = r.transactions.map((t) => restTransaction(t));
  if (r.declined || !r.detail)
    return {
      ResponseCode: r.declined?.responseCode,
      ResponseMessage: r.declined?.responseMessage,
      Transactions: transactions,
    };
  return {
    ResponseCode: '000',
    ResponseMessage: 'Success',
    ...restPlanDetail(r.detail),
    Transactions: transactions,
  };
}
