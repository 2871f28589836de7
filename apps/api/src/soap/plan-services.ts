import type { WsdlField, WsdlOperation } from '@conduit/wire';
import { PLAN_ACTIONS, PLAN_REQUEST_FIELDS } from '../nvp/nvp-plan-input';

const ADDITIONAL = [1, 2, 3, 4, 5, 6].map((i) => `additionalInfo${i}`);

/** A plan's fields, in the order nvp-plan-output's `planFields` writes them. */
export const PLAN_FIELDS = [
  'paymentPlanID',
  'paymentPlanType',
  'status',
  'merchantID',
  'storeID',
  'terminalID',
  'paymentMethodID',
  'paymentMethodType',
  'cardBrand',
  'cardBINNumber',
  'lastFourDigits',
  'cardExpirationMonth',
  'cardExpirationYear',
  'routingNumber',
  'accountNumberLastFourDigits',
  'accountType',
  'patientID',
  'patientFirstName',
  'patientLastName',
  ...ADDITIONAL,
  'totalAmount',
  'downPaymentAmount',
  'installmentAmount',
  'installmentCount',
  'frequency',
  'startDate',
  'dayOfMonth',
  'endDate',
  'nextPaymentDate',
  'installmentsPaid',
  'amountPaid',
  'remainingBalance',
  'failedAttempts',
  'createdDate',
];

export const PAST_CHARGE_FIELDS = [
  'sequence',
  'attempt',
  'kind',
  'dueDate',
  'amount',
  'status',
  'responseCode',
  'transactionID',
  'transactionStatus',
  'chargedDate',
];
export const UPCOMING_CHARGE_FIELDS = ['sequence', 'date', 'amount'];
export const PLAN_TRANSACTION_FIELDS = [
  'transactionID',
  'transactionAction',
  'transactionStatus',
  'responseCode',
  'responseMessage',
  'amount',
];

/** The schema types the plan operations add to the payment service's WSDL. */
export const PLAN_TYPES: Record<string, WsdlField[]> = {
  PaymentPlanRequest: PLAN_REQUEST_FIELDS,
  PlanPastCharge: PAST_CHARGE_FIELDS,
  PlanUpcomingCharge: UPCOMING_CHARGE_FIELDS,
  PlanTransaction: PLAN_TRANSACTION_FIELDS,
  PaymentPlanResult: [
    'responseCode',
    'responseMessage',
    ...PLAN_FIELDS,
    { name: 'PastCharge', type: 'PlanPastCharge', many: true },
    { name: 'UpcomingCharge', type: 'PlanUpcomingCharge', many: true },
    { name: 'Transaction', type: 'PlanTransaction', many: true },
  ],
  PaymentPlanSummary: PLAN_FIELDS,
  PaymentPlanList: [
    'responseCode',
    'responseMessage',
    { name: 'PaymentPlan', type: 'PaymentPlanSummary', many: true },
    'nextCursor',
  ],
};

export const PLAN_OPERATIONS: WsdlOperation[] = PLAN_ACTIONS.map((name) => ({
  name,
  input: { requestType: 'PaymentPlanRequest' },
  output: { resultType: name === 'ListPaymentPlans' ? 'PaymentPlanList' : 'PaymentPlanResult' },
}));
