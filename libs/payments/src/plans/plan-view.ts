import {
  formatAmount,
  type PlanFrequency,
  type PlanProgress,
  type PlanShape,
  type PlanStatus,
  type PlanType,
  upcomingCharges,
} from '@conduit/domain';
import type { PaymentPlanRow, PlanChargeRow } from '@conduit/db';
import { toWireId, wireDate } from '../ids';

/** A plan as the transports render it (payment-plans.md's fields): never a card number. */
export interface PlanView {
  paymentPlanId: string;
  type: PlanType;
  status: PlanStatus;
  merchantId: string;
  merchantName: string;
  storeId: string;
  terminalId: string;
  paymentMethodId: string;
  paymentMethod:
    | { kind: 'Card'; brand: string; bin: string; last4: string; expMonth: number; expYear: number }
    | { kind: 'ECheck'; routingNumber: string; accountLast4: string; accountType: string };
  patient: { patientId: string | null; firstName: string | null; lastName: string | null };
  additionalInfo: string[];
  totalAmount: string | null;
  downPaymentAmount: string | null;
  installmentAmount: string;
  installmentCount: number | null;
  frequency: PlanFrequency;
  startDate: string;
  dayOfMonth: number | null;
  endDate: string | null;
  nextPaymentDate: string | null;
  installmentsPaid: number;
  amountPaid: string;
  remainingBalance: string | null;
  failedAttempts: number;
  channel: string;
  createdAt: string;
  updatedAt: string;
}

/** One attempt to collect a sequence, linked to its transaction. */
export interface PastCharge {
  sequence: number;
  attempt: number;
  kind: string;
  dueDate: string;
  amount: string;
  /** PENDING, APPROVED, DECLINED, RETURNED */
  status: string;
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

export interface PlanDetail {
  plan: PlanView;
  schedule: { past: PastCharge[]; upcoming: UpcomingCharge[] };
}

/** How many dates to come a detail shows (a recurring plan's schedule has no end). */
export const UPCOMING_SHOWN = 24;

export const plainDate = (d: Date | null): string | null => (d ? d.toISOString().slice(0, 10) : null);

export function shapeOf(row: PaymentPlanRow): PlanShape {
  return {
    type: row.type as PlanType,
    totalCents: row.totalCents === null ? null : Number(row.totalCents),
    installmentCents: Number(row.installmentCents),
    installmentCount: row.installmentCount,
    frequency: row.frequency as PlanFrequency,
    startDate: plainDate(row.startDate) as string,
    dayOfMonth: row.dayOfMonth,
    endDate: plainDate(row.endDate),
  };
}

export function progressOf(
  row: Omit<PaymentPlanRow, 'merchant' | 'outlet' | 'card' | 'bankAccount'>,
): PlanProgress {
  return {
    status: row.status as PlanStatus,
    nextSequence: row.nextSequence,
    scheduledDate: plainDate(row.scheduledDate),
    nextChargeDate: plainDate(row.nextChargeDate),
    dueDate: plainDate(row.dueDate),
    representSequence: row.representSequence,
    failedAttempts: row.failedAttempts,
    representments: row.representments,
    installmentsPaid: row.installmentsPaid,
    amountPaidCents: Number(row.amountPaidCents),
    lastResponseCode: row.lastResponseCode,
  };
}

export function viewOfPlan(row: PaymentPlanRow): PlanView {
  const shape = shapeOf(row);
  const progress = progressOf(row);
  const method: PlanView['paymentMethod'] = row.card
    ? {
        kind: 'Card',
        brand: row.card.cardBrand,
        bin: row.card.cardBin,
        last4: row.card.cardLast4,
        expMonth: row.card.cardExpMonth,
        expYear: row.card.cardExpYear,
      }
    : {
        kind: 'ECheck',
        routingNumber: row.bankAccount?.routingNumber ?? '',
        accountLast4: row.bankAccount?.accountLast4 ?? '',
        accountType: row.bankAccount?.accountType ?? 'Checking',
      };
  return {
    paymentPlanId: toWireId(row.id),
    type: shape.type,
    status: progress.status,
    merchantId: row.merchant.merchantId,
    merchantName: row.merchant.name,
    storeId: row.outlet.storeId,
    terminalId: row.outlet.terminalId,
    paymentMethodId: toWireId((row.cardRef ?? row.bankAccountRef) as string),
    paymentMethod: method,
    patient: { patientId: row.patientId, firstName: row.patientFirstName, lastName: row.patientLastName },
    additionalInfo: row.additionalInfo,
    totalAmount: shape.totalCents === null ? null : formatAmount(shape.totalCents),
    downPaymentAmount: Number(row.downPaymentCents) > 0 ? formatAmount(Number(row.downPaymentCents)) : null,
    installmentAmount: formatAmount(shape.installmentCents),
    installmentCount: shape.installmentCount,
    frequency: shape.frequency,
    startDate: shape.startDate,
    dayOfMonth: shape.dayOfMonth,
    endDate: shape.endDate,
    nextPaymentDate: progress.nextChargeDate,
    installmentsPaid: progress.installmentsPaid,
    amountPaid: formatAmount(progress.amountPaidCents),
    remainingBalance:
      shape.totalCents === null
        ? null
        : formatAmount(Math.max(shape.totalCents - progress.amountPaidCents, 0)),
    failedAttempts: progress.failedAttempts,
    channel: row.channel,
    createdAt: wireDate(row.createdAt),
    updatedAt: wireDate(row.updatedAt),
  };
}

export function detailOf(row: PaymentPlanRow, charges: PlanChargeRow[]): PlanDetail {
  return {
    plan: viewOfPlan(row),
    schedule: {
      past: charges.map((c) => ({
        sequence: c.sequence,
        attempt: c.attempt,
        kind: c.kind,
        dueDate: plainDate(c.dueDate) as string,
        amount: formatAmount(Number(c.amountCents)),
        status: c.status,
        responseCode: c.responseCode,
        transactionId: c.transactionStatus ? toWireId(c.id) : null,
        transactionStatus: c.transactionStatus,
        chargedAt: c.completedAt ? wireDate(c.completedAt) : null,
      })),
      upcoming: upcomingCharges(shapeOf(row), progressOf(row), UPCOMING_SHOWN).map((u) => ({
        sequence: u.sequence,
        date: u.date,
        amount: formatAmount(u.amountCents),
      })),
    },
  };
}
