import { DomainError, type FieldError } from '@conduit/domain';
import { type PaymentCommand, type PaymentInput, parsePaymentCommand, withRefusals } from '@conduit/payments';
import { canonicalize, type Shape } from '@conduit/wire';
import { shapeOf } from './openapi/field-table';
import { PAYMENT_FIELDS as REST_PAYMENT_FIELDS } from './openapi/request-schemas';
import { restFieldName } from './rest-fields';

/** The names the payment parser accepts: the same table the OpenAPI document publishes. */
export const PAYMENT_SHAPE: Shape = shapeOf(REST_PAYMENT_FIELDS);

type Obj = Record<string, unknown>;
const ENTRY_MODES: Record<string, string> = {
  key: 'NotPresentInternet',
  swipe: 'PresentSwipeSign',
  emv: 'PresentEMV',
  nfc: 'MSDContactless',
  token: 'NotPresentRecurring',
};

/**
 * A REST payment body (any casing of its field names) as the core's command, for the action its
 * path names. Every problem is reported at once, named as REST names it: unknown fields, the
 * REST-only choices (PaymentMethod, Card.EntryMode) and the core's own rules.
 */
export function restCommand(body: unknown, action: string): PaymentCommand {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw DomainError.validation([{ field: 'body', message: 'Request body must be a JSON object' }]);
  const { input, errors } = restInput(body, action);
  return withRefusals(errors, () => parsePaymentCommand(input, restFieldName));
}

function restInput(body: object, action: string): { input: PaymentInput; errors: FieldError[] } {
  const { value: b, unknown } = canonicalize(body, PAYMENT_SHAPE);
  const errors: FieldError[] = [...unknown];
  const outlet = (b.Outlet ?? {}) as Obj;
  const card = (b.Card ?? {}) as Obj;
  const check = (b.ECheck ?? {}) as Obj;
  const patient = (b.Patient ?? {}) as Obj;
  const method = String(
    b.PaymentMethod ?? (b.PaymentMethodID ? 'OnFile' : b.ECheck ? 'ECheck' : 'Card'),
  ).toLowerCase();
  if (!['card', 'onfile', 'echeck'].includes(method))
    errors.push({ field: 'PaymentMethod', message: 'PaymentMethod must be Card, OnFile or ECheck' });
  const entry = card.EntryMode === undefined ? undefined : String(card.EntryMode).toLowerCase();
  if (entry !== undefined && !(entry in ENTRY_MODES))
    errors.push({ field: 'Card.EntryMode', message: 'Card.EntryMode must be key, swipe, emv, nfc or token' });
  const onFile = method === 'onfile' || entry === 'token';
  const input: PaymentInput = {
    channel: 'REST',
    transactionAction: action,
    transactionType: method === 'echeck' ? 'eCheck' : (b.TransactionType ?? 'CreditCard'),
    merchantId: outlet.MerchantID,
    storeId: outlet.StoreID,
    terminalId: outlet.TerminalID,
    amount: b.Amount,
    card: {
      cardNumber: onFile ? undefined : card.CardNumber,
      cardExpiration: card.Expiration,
      cardExpirationMonth: card.ExpirationMonth,
      cardExpirationYear: card.ExpirationYear,
      cardVerificationNumber: card.CVN,
      cardHolderName: card.CardHolderName,
      cardPresentStatus: card.CardPresentStatus ?? (entry ? ENTRY_MODES[entry] : undefined),
      trackData: card.TrackData,
      emvData: card.EMVData,
      fallback: card.Fallback,
      paymentMethodId: onFile ? b.PaymentMethodID : undefined,
      onFile,
    },
    echeck: {
      routingNumber: check.RoutingNumber,
      accountNumber: check.AccountNumber,
      accountType: check.AccountType,
      checkNumber: check.CheckNumber,
      accountHolderName: check.AccountHolderName,
      checkPresentStatus: check.CheckPresentStatus,
      checkFrontImage: check.FrontImage,
      checkBackImage: check.BackImage,
    },
    allowPartialPayment: b.AllowPartialPayment,
    saveOnFile: b.SaveOnFile,
    primaryTransactionId: b.TransactionID,
    patient: {
      patientId: patient.PatientID,
      accountNumber: patient.AccountNumber,
      firstName: patient.FirstName,
      lastName: patient.LastName,
      birthDate: patient.BirthDate,
    },
    additionalInfo: [1, 2, 3, 4, 5, 6].map((i) => b[`AdditionalInfo${i}`]),
  };
  return { input, errors };
}
