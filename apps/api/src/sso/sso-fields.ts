import { ADDITIONAL_INFO, AMOUNT, DATE, type FieldTable, text } from '../rest/openapi/field-table';
import { OUTLET, PATIENT_NAME_FIELDS } from '../rest/openapi/input-fields';
import { FREQUENCIES } from '../rest/plan-fields';

const flag = (description: string) => ({ type: 'boolean' as const, example: false, description });

/** `POST /rest/sso/token` (sso-and-polling.md): parsed by this table and published from it. */
export const SSO_TOKEN_FIELDS: FieldTable = {
  Outlet: { ...OUTLET, required: true },
  TransactionAction: {
    type: 'string',
    enum: ['Sale', 'SaveOnFile', 'PaymentPlan'],
    example: 'Sale',
    description: 'What the hosted page does; Sale by default',
  },
  Amount: { ...AMOUNT, description: 'Absent: the payer enters the amount' },
  IsReadOnly: flag('The amount cannot be changed on the page'),
  Patient: { ref: 'PatientRef', fields: PATIENT_NAME_FIELDS },
  PreventCheck: flag('Hide the eCheck form'),
  PreventCard: flag('Hide the card form'),
  SuppressReceipt: flag('Do not show the receipt after payment'),
  LightWeight: flag('No header or footer (for iframes)'),
  ConfirmURL: {
    type: 'string',
    format: 'uri',
    example: 'https://pms.example/paid',
    description: 'Where the payer returns after paying',
  },
  CancelURL: {
    type: 'string',
    format: 'uri',
    example: 'https://pms.example/cancelled',
    description: 'Where the payer returns on cancel',
  },
  ReturnURL: {
    type: 'string',
    format: 'uri',
    description: 'Used for both when ConfirmURL/CancelURL are absent',
  },
  RelayState: text('visit-42', 'Echoed back on the return URL'),
  PaymentPlanType: {
    type: 'string',
    enum: ['Installment', 'Recurring'],
    description: 'TransactionAction PaymentPlan: the proposed plan, checked when the token is created',
  },
  TotalAmount: { ...AMOUNT, example: '600.00', description: 'Installment plans (Amount is taken if absent)' },
  DownPaymentAmount: { ...AMOUNT, example: '100.00' },
  InstallmentAmount: { ...AMOUNT, example: '100.00' },
  InstallmentCount: { type: 'integer', example: 5 },
  Frequency: { type: 'string', enum: FREQUENCIES, example: 'Monthly' },
  StartDate: { ...DATE, example: '2026-12-01' },
  DayOfMonth: { type: 'integer', example: 1 },
  EndDate: { ...DATE, example: '2027-12-01', description: 'Recurring plans' },
  ...ADDITIONAL_INFO,
};
