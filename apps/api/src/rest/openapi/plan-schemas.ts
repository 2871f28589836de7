import { FREQUENCIES, PLAN_FIELDS, PLAN_UPDATE_FIELDS } from '../plan-fields';
import { nestedSchemas, type SchemaObject, schemaOf } from './field-table';
import {
  ADDITIONAL_INFO_OUTPUT,
  ID,
  MONEY,
  object,
  ref,
  RESPONSE_CODE,
  TRANSACTION_STATUS,
} from './response-schemas';

const STATUSES = ['Active', 'Paused', 'PastDue', 'Completed', 'Cancelled'];
const DATE = { type: 'string', format: 'date', example: '2026-12-15' };
const DATE_TIME = { type: 'string', format: 'date-time', example: '2026-12-02T05:12:31.1020000Z' };

const PLAN_OUTPUT: SchemaObject = object(
  {
    PaymentPlanID: ID,
    PaymentPlanType: { type: 'string', enum: ['Installment', 'Recurring'] },
    Status: { type: 'string', enum: STATUSES, example: 'Active' },
    Outlet: ref('OutletRef'),
    PaymentMethodID: ID,
    PaymentMethod: ref('PlanPaymentMethodOutput'),
    PatientID: { type: 'string', example: 'P-1001' },
    PatientFirstName: { type: 'string', example: 'Pat' },
    PatientLastName: { type: 'string', example: 'Doe' },
    ...ADDITIONAL_INFO_OUTPUT,
    TotalAmount: { ...MONEY, example: '300.00' },
    DownPaymentAmount: { ...MONEY, example: '50.00' },
    InstallmentAmount: { ...MONEY, example: '100.00' },
    InstallmentCount: { type: 'integer', example: 3 },
    Frequency: { type: 'string', enum: FREQUENCIES, example: 'Monthly' },
    StartDate: DATE,
    DayOfMonth: { type: 'integer', example: 15 },
    EndDate: { ...DATE, example: '2027-12-15' },
    NextPaymentDate: {
      ...DATE,
      type: ['string', 'null'],
      description: 'null once nothing more is scheduled',
    },
    InstallmentsPaid: { type: 'integer', example: 0 },
    AmountPaid: { ...MONEY, example: '50.00' },
    RemainingBalance: { ...MONEY, example: '250.00', description: 'Installment plans' },
    FailedAttempts: { type: 'integer', example: 0 },
    CreatedDate: DATE_TIME,
  },
  [
    'PaymentPlanID',
    'PaymentPlanType',
    'Status',
    'Outlet',
    'PaymentMethodID',
    'PaymentMethod',
    'InstallmentAmount',
    'Frequency',
    'StartDate',
    'NextPaymentDate',
    'InstallmentsPaid',
    'AmountPaid',
    'FailedAttempts',
    'CreatedDate',
  ],
);

/** Requests (from the parser's tables) and answers of the payment plan endpoints. */
export function planSchemas(): Record<string, SchemaObject> {
  return {
    PaymentPlanRequest: schemaOf(PLAN_FIELDS, 'An Installment or Recurring plan'),
    PaymentPlanUpdateRequest: schemaOf(PLAN_UPDATE_FIELDS, 'Absent fields stay as they are'),
    ...nestedSchemas(PLAN_FIELDS),
    PlanPaymentMethodOutput: object(
      {
        Type: { type: 'string', enum: ['Card', 'ECheck'] },
        Brand: { type: 'string', example: 'VISA' },
        BIN: { type: 'string', example: '411111' },
        LastFour: { type: 'string', example: '1111' },
        ExpirationMonth: { type: 'integer', example: 12 },
        ExpirationYear: { type: 'integer', example: 2029 },
        RoutingNumber: { type: 'string', example: '011000015' },
        AccountLastFour: { type: 'string', example: '6789' },
        AccountType: { type: 'string', enum: ['Checking', 'Savings'] },
      },
      ['Type'],
    ),
    PaymentPlanOutput: PLAN_OUTPUT,
    PastChargeOutput: object(
      {
        Sequence: { type: 'integer', example: 1 },
        Attempt: { type: 'integer', example: 1 },
        Kind: { type: 'string', enum: ['SCHEDULED', 'RETRY', 'CHARGE_NOW', 'DOWN_PAYMENT', 'REPRESENTMENT'] },
        DueDate: DATE,
        Amount: MONEY,
        Status: { type: 'string', enum: ['PENDING', 'APPROVED', 'DECLINED', 'RETURNED'] },
        ResponseCode: RESPONSE_CODE,
        TransactionID: ID,
        TransactionStatus: TRANSACTION_STATUS,
        ChargedDate: DATE_TIME,
      },
      ['Sequence', 'Attempt', 'Kind', 'DueDate', 'Amount', 'Status'],
    ),
    UpcomingChargeOutput: object(
      { Sequence: { type: 'integer', example: 2 }, Date: { ...DATE, example: '2027-01-15' }, Amount: MONEY },
      ['Sequence', 'Date', 'Amount'],
    ),
    PlanScheduleOutput: object(
      {
        Past: { type: 'array', items: ref('PastChargeOutput') },
        Upcoming: { type: 'array', items: ref('UpcomingChargeOutput'), description: 'At most 24 dates' },
      },
      ['Past', 'Upcoming'],
    ),
    PaymentPlanDetailOutput: object(
      { ...(PLAN_OUTPUT.properties as Record<string, unknown>), Schedule: ref('PlanScheduleOutput') },
      [...(PLAN_OUTPUT.required as string[]), 'Schedule'],
      'A plan with its schedule',
    ),
    PaymentPlanCreated: object(
      {
        ResponseCode: {
          ...RESPONSE_CODE,
          description: '000, or the declined down payment’s code (and no plan)',
        },
        ResponseMessage: { type: 'string', example: 'Success' },
        Transactions: {
          type: 'array',
          items: ref('PaymentResponse'),
          description: 'The down payment, when one was taken',
        },
        // The created plan's fields, present unless the down payment was declined.
        ...(PLAN_OUTPUT.properties as Record<string, unknown>),
        Schedule: ref('PlanScheduleOutput'),
      },
      ['ResponseCode', 'ResponseMessage', 'Transactions'],
      'The plan with its schedule, or only the declined down payment',
    ),
    PaymentPlanPage: object(
      {
        PaymentPlans: { type: 'array', items: ref('PaymentPlanOutput') },
        NextCursor: {
          type: ['string', 'null'],
          description: 'Pass as Cursor for the next page; null on the last page',
        },
      },
      ['PaymentPlans', 'NextCursor'],
    ),
  };
}
