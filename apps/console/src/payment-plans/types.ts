/** A payment plan as the admin API's `payment-plans` resource answers it (payment-plans.md). */
export type PlanStatus = 'Active' | 'Paused' | 'PastDue' | 'Completed' | 'Cancelled';

export interface PlanPaymentMethod {
  kind: 'Card' | 'ECheck';
  brand?: string;
  last4?: string;
  expMonth?: number;
  expYear?: number;
  routingNumber?: string;
  accountLast4?: string;
  accountType?: string;
}

export interface PastCharge {
  sequence: number;
  attempt: number;
  kind: string;
  dueDate: string;
  amount: string;
  status: 'PENDING' | 'APPROVED' | 'DECLINED' | 'RETURNED';
  responseCode: string | null;
  transactionId: string | null;
  transactionStatus: string | null;
  chargedAt: string | null;
}

export interface UpcomingCharge {
  sequence: number;
  date: string;
  amount: string;
}

export interface PlanHistoryEntry {
  id: string;
  createdAt: string;
  action: string;
  actorType: string;
  actorLabel: string | null;
  changes: Record<string, unknown> | null;
}

export interface PaymentPlan {
  id: string;
  paymentPlanId: string;
  type: 'Installment' | 'Recurring';
  status: PlanStatus;
  merchantId: string;
  merchantName: string;
  storeId: string;
  terminalId: string;
  paymentMethodId: string;
  paymentMethod: PlanPaymentMethod;
  patient: { patientId: string | null; firstName: string | null; lastName: string | null };
  additionalInfo: string[];
  totalAmount: string | null;
  downPaymentAmount: string | null;
  installmentAmount: string;
  installmentCount: number | null;
  frequency: string;
  startDate: string;
  dayOfMonth: number | null;
  endDate: string | null;
  nextPaymentDate: string | null;
  installmentsPaid: number;
  amountPaid: string;
  remainingBalance: string | null;
  failedAttempts: number;
  createdAt: string;
  updatedAt: string;
  /** Only on the detail (`GET /payment-plans/:id`). */
  schedule?: { past: PastCharge[]; upcoming: UpcomingCharge[] };
  history?: PlanHistoryEntry[];
}
