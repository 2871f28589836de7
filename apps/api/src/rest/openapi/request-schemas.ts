import {
  ADDITIONAL_INFO,
  AMOUNT,
  type FieldTable,
  nestedSchemas,
  type SchemaObject,
  schemaOf,
  text,
} from './field-table';
import { CARD, ECHECK, OUTLET, PATIENT_FIELDS } from './input-fields';

const PAYMENT_METHOD_ID = text(
  '0CA7530A86084B468FFF132AB7F04491',
  'A stored card or account (PaymentMethod OnFile)',
);
const PATIENT = { ref: 'PatientInput', fields: PATIENT_FIELDS };

/**
 * Every field the payment actions accept (sale, authorization, refund, capture, void,
 * refund-simple, SaveOnFile). rest-input.ts derives the names its parser accepts from this table,
 * so the document and the parser cannot disagree on them.
 */
export const PAYMENT_FIELDS: FieldTable = {
  Outlet: { ...OUTLET, required: true },
  Amount: AMOUNT,
  TransactionType: {
    type: 'string',
    enum: ['CreditCard', 'DebitCard', 'eCheck'],
    example: 'CreditCard',
    description: 'Defaults to CreditCard; eCheck when PaymentMethod is ECheck',
  },
  PaymentMethod: {
    type: 'string',
    enum: ['Card', 'OnFile', 'ECheck'],
    example: 'Card',
    description: 'Defaults to OnFile with PaymentMethodID, ECheck with an ECheck object, else Card',
  },
  PaymentMethodID: PAYMENT_METHOD_ID,
  PaymentPlanType: {
    type: 'string',
    enum: ['SaveOnFile'],
    description: 'Only on POST /rest/payment/paymentplan',
  },
  Card: CARD,
  ECheck: ECHECK,
  Patient: PATIENT,
  AllowPartialPayment: {
    type: 'boolean',
    example: false,
    description: 'Accept an approval for less than requested (response code 010)',
  },
  SaveOnFile: {
    type: 'boolean',
    example: false,
    description: 'Also store the card; answers PaymentMethodID',
  },
  TransactionID: text(
    '0CA7530A86084B468FFF132AB7F04491',
    'Capture, void and refund-simple: the primary transaction',
  ),
  ...ADDITIONAL_INFO,
};

/** What a capture, void or refund-simple needs: the primary transaction and maybe an amount. */
const SECONDARY_FIELDS: FieldTable = {
  Outlet: PAYMENT_FIELDS.Outlet,
  TransactionID: { ...PAYMENT_FIELDS.TransactionID, required: true } as FieldTable[string],
  Amount: {
    ...AMOUNT,
    example: '10.00',
    description: 'Capture and refund-simple: defaults to the whole (remaining) amount',
  },
  Patient: PATIENT,
  ...ADDITIONAL_INFO,
};

const { TransactionID: _primary, PaymentPlanType: _planType, ...PRIMARY_FIELDS } = PAYMENT_FIELDS;

/** The payment request schemas keyed by component name (the one place they are defined). */
export function paymentRequestSchemas(): Record<string, SchemaObject> {
  return {
    PaymentRequest: schemaOf(
      { ...PRIMARY_FIELDS, Amount: { ...AMOUNT, required: true } },
      'A sale, authorization or card refund: an amount and a card, a stored method or a bank account',
    ),
    SaveOnFileRequest: schemaOf(
      {
        ...PRIMARY_FIELDS,
        PaymentPlanType: { ...PAYMENT_FIELDS.PaymentPlanType, required: true } as FieldTable[string],
      },
      'Store a card after a $0 verification; answers a transaction with status O and its PaymentMethodID',
    ),
    SecondaryRequest: schemaOf(SECONDARY_FIELDS, 'An action on an earlier transaction'),
    ...nestedSchemas(PAYMENT_FIELDS),
  };
}
