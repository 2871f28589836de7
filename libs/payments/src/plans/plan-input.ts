import type { PaymentInput } from '../payment-input';

/**
 * A payment plan request as every transport hands it to the core (payment-plans.md): values
 * still raw, names in the NVP spelling (camelCase). The core validates them once, so REST, NVP,
 * SOAP and the hosted page share one set of rules and messages, and report every bad field.
 */
export interface PaymentPlanInput {
  channel: 'NVP' | 'REST' | 'SOAP' | 'PAGE';
  merchantId?: unknown;
  storeId?: unknown;
  terminalId?: unknown;
  paymentPlanType?: unknown;
  totalAmount?: unknown;
  downPaymentAmount?: unknown;
  installmentAmount?: unknown;
  installmentCount?: unknown;
  frequency?: unknown;
  startDate?: unknown;
  dayOfMonth?: unknown;
  endDate?: unknown;
  /** The instrument: a stored card or bank account, or a card / bank account to store now. */
  paymentMethodId?: unknown;
  transactionType?: unknown;
  card?: PaymentInput['card'];
  echeck?: PaymentInput['echeck'];
  patient?: { patientId?: unknown; firstName?: unknown; lastName?: unknown };
  additionalInfo?: unknown[];
  /** The authorization text the payer agreed to (hosted page), kept in the plan's audit entry. */
  authorization?: string;
}

/** A change of terms or payment method (`UpdatePaymentPlan`); absent fields stay as they are. */
export interface PaymentPlanUpdateInput {
  channel: PaymentPlanInput['channel'];
  installmentAmount?: unknown;
  frequency?: unknown;
  dayOfMonth?: unknown;
  endDate?: unknown;
  nextPaymentDate?: unknown;
  paymentMethodId?: unknown;
  transactionType?: unknown;
  card?: PaymentInput['card'];
  echeck?: PaymentInput['echeck'];
  /** The authorization text the payer agreed to (hosted page), kept in the change's audit entry. */
  authorization?: string;
}

/** The list filters of `GET /rest/payment/paymentplans` and its NVP/SOAP twins. */
export interface PaymentPlanListInput {
  merchantId?: string;
  storeId?: string;
  terminalId?: string;
  patientId?: string;
  status?: string;
  limit?: string;
  cursor?: string;
}
