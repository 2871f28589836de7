import { DomainError, type FieldError } from '@conduit/domain';
import type { PaymentInput } from '@conduit/payments';
import { canonicalize, type Shape } from '@conduit/wire';

export const PAYMENT_SHAPE: Shape = {
  Outlet: { MerchantID: true, StoreID: true, TerminalID: true },
  Amount: true,
  TransactionType: true,
  PaymentMethod: true,
  PaymentMethodID: true,
  PaymentPlanType: true,
  Card: {
    EntryMode: true,
    CardNumber: true,
    Expiration: true,
    ExpirationMonth: true,
    ExpirationYear: true,
    CVN: true,
    CardHolderName: true,
    TrackData: true,
    CardPresentStatus: true,
  },
  ECheck: {
    RoutingNumber: true,
    AccountNumber: true,
    AccountType: true,
    CheckNumber: true,
    AccountHolderName: true,
    CheckPresentStatus: true,
  },
  Patient: { PatientID: true, AccountNumber: true, FirstName: true, LastName: true, BirthDate: true },
  AllowPartialPayment: true,
  SaveOnFile: true,
  TransactionID: true,
  AdditionalInfo1: true,
  AdditionalInfo2: true,
  AdditionalInfo3: true,
  AdditionalInfo4: true,
  AdditionalInfo5: true,
  AdditionalInfo6: true,
};

type Obj = Record<string, unknown>;
const ENTRY_MODES: Record<string, string> = {
  key: 'NotPresentInternet',
  swipe: 'PresentSwipeSign',
  emv: 'PresentEMV',
  nfc: 'MSDContactless',
  token: 'NotPresentRecurring',
};

/** A REST body (any casing) as the core's input, for the action its path names. */
export function restInput(body: unknown, action: string): PaymentInput {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw DomainError.validation([{ field: 'body', message: 'Request body must be a JSON object' }]);
  const { value: b, unknown } = canonicalize(body, PAYMENT_SHAPE);
  if (unknown.length) throw DomainError.validation(unknown);
  const errors: FieldError[] = [];
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
  if (errors.length) throw DomainError.validation(errors);
  const onFile = method === 'onfile' || entry === 'token';
  return {
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
      paymentMethodId: onFile ? (b.PaymentMethodID ?? '') : undefined,
    },
    echeck: {
      routingNumber: check.RoutingNumber,
      accountNumber: check.AccountNumber,
      accountType: check.AccountType,
      checkNumber: check.CheckNumber,
      accountHolderName: check.AccountHolderName,
      checkPresentStatus: check.CheckPresentStatus,
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
}
