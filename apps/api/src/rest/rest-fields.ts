import { REST_PATHS } from '@conduit/payments';

/**
 * The core names fields as NVP spells them; REST errors name them as REST does. Payment fields
 * come from the one field table (libs/payments/src/commands/payment-fields.ts); these are the
 * others (payment plans, lists, the REST-only choices).
 */
const REST_NAMES: Record<string, string> = {
  transactionAction: 'TransactionAction',
  transactionID: 'TransactionID',
  paymentPlanID: 'PaymentPlanID',
  paymentPlanType: 'PaymentPlanType',
  totalAmount: 'TotalAmount',
  downPaymentAmount: 'DownPaymentAmount',
  installmentAmount: 'InstallmentAmount',
  installmentCount: 'InstallmentCount',
  frequency: 'Frequency',
  startDate: 'StartDate',
  dayOfMonth: 'DayOfMonth',
  endDate: 'EndDate',
  nextPaymentDate: 'NextPaymentDate',
  status: 'Status',
  limit: 'Limit',
  cursor: 'Cursor',
};

export function restFieldName(field: string): string {
  return REST_PATHS.get(field) ?? REST_NAMES[field] ?? field;
}
