import { ADDITIONAL_INFO, AMOUNT, DATE, type FieldTable, text } from './openapi/field-table';
import { CARD, OUTLET, PATIENT_NAME_FIELDS, PLAN_ECHECK } from './openapi/input-fields';

// payment-plans.md's request fields over REST: rest-plan-input.ts parses by these tables and the
// OpenAPI document publishes them, so what is documented is what is accepted.

export const FREQUENCIES = ['Weekly', 'BiWeekly', 'Monthly', 'Quarterly', 'Annually'];

const METHOD_FIELDS: FieldTable = {
  PaymentMethod: {
    type: 'string',
    enum: ['Card', 'OnFile', 'ECheck'],
    example: 'Card',
    description: 'Defaults to OnFile with PaymentMethodID, ECheck with an ECheck object, else Card',
  },
  PaymentMethodID: text(
    '0CA7530A86084B468FFF132AB7F04491',
    'With PaymentMethod OnFile: a stored card or account',
  ),
  TransactionType: { type: 'string', enum: ['CreditCard', 'DebitCard'], example: 'CreditCard' },
  Card: CARD,
  ECheck: PLAN_ECHECK,
};

/** `POST /rest/payment/paymentplan` for Installment and Recurring plans. */
export const PLAN_FIELDS: FieldTable = {
  Outlet: { ...OUTLET, required: true },
  PaymentPlanType: {
    type: 'string',
    enum: ['Installment', 'Recurring'],
    example: 'Installment',
    required: true,
  },
  TotalAmount: { ...AMOUNT, example: '300.00', description: 'Installment plans: the balance to collect' },
  DownPaymentAmount: {
    ...AMOUNT,
    example: '50.00',
    description: 'Charged at creation, counted toward the total',
  },
  InstallmentAmount: {
    ...AMOUNT,
    example: '100.00',
    description: 'Each scheduled charge; installment plans: give it or InstallmentCount',
  },
  InstallmentCount: {
    type: 'integer',
    example: 3,
    description: 'Installment plans: derives the amount when given',
  },
  Frequency: { type: 'string', enum: FREQUENCIES, example: 'Monthly' },
  StartDate: { ...DATE, description: 'First scheduled charge, in the merchant’s time zone; today or later' },
  DayOfMonth: {
    type: 'integer',
    example: 15,
    description: 'Monthly and longer: 1–31 (short months: their last day)',
  },
  EndDate: { ...DATE, example: '2027-12-15', description: 'Recurring plans: the last date' },
  ...METHOD_FIELDS,
  Patient: { ref: 'PatientRef', fields: PATIENT_NAME_FIELDS },
  PatientID: text('P-1001', 'Or Patient.PatientID'),
  PatientFirstName: text('Pat', 'Or Patient.FirstName'),
  PatientLastName: text('Doe', 'Or Patient.LastName'),
  ...ADDITIONAL_INFO,
};

/** `POST /rest/payment/paymentplan/{id}/update`: terms and payment method, all optional. */
export const PLAN_UPDATE_FIELDS: FieldTable = {
  InstallmentAmount: { ...AMOUNT, example: '75.00', description: 'An installment plan re-derives its count' },
  Frequency: { type: 'string', enum: FREQUENCIES, example: 'BiWeekly' },
  DayOfMonth: { type: 'integer', example: 1 },
  EndDate: { ...DATE, example: '2027-06-30', description: 'Recurring plans' },
  NextPaymentDate: { ...DATE, example: '2027-01-05', description: 'The schedule restarts from this date' },
  ...METHOD_FIELDS,
};
