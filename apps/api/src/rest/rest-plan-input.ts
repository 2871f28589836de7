import { DomainError, type FieldError } from '@conduit/domain';
import type { PaymentInput, PaymentPlanInput, PaymentPlanUpdateInput } from '@conduit/payments';
import { canonicalize, type Shape } from '@conduit/wire';
import { shapeOf } from './openapi/field-table';
import { PLAN_FIELDS, PLAN_UPDATE_FIELDS } from './plan-fields';

/** The accepted names come from the same tables the OpenAPI document publishes. */
export const PLAN_SHAPE: Shape = shapeOf(PLAN_FIELDS);
export const PLAN_UPDATE_SHAPE: Shape = shapeOf(PLAN_UPDATE_FIELDS);

type Obj = Record<string, unknown>;

function canonical(body: unknown, shape: Shape): Obj {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body))
    throw DomainError.validation([{ field: 'body', message: 'Request body must be a JSON object' }]);
  const { value, unknown } = canonicalize(body, shape);
  // Unknown names and a wrong PaymentMethod are reported together, in one answer.
  const errors = [...unknown, ...methodErrors(value)];
  if (errors.length) throw DomainError.validation(errors);
  return value;
}

const methodName = (b: Obj) =>
  String(
    b.PaymentMethod ?? (b.PaymentMethodID ? 'OnFile' : b.ECheck ? 'ECheck' : b.Card ? 'Card' : ''),
  ).toLowerCase();

function methodErrors(b: Obj): FieldError[] {
  const method = methodName(b);
  return method && !['card', 'onfile', 'echeck'].includes(method)
    ? [{ field: 'PaymentMethod', message: 'PaymentMethod must be Card, OnFile or ECheck' }]
    : [];
}

/** The instrument part, shared by create and update: a card, a stored method or a bank account. */
function methodOf(b: Obj): Pick<PaymentPlanInput, 'paymentMethodId' | 'transactionType' | 'card' | 'echeck'> {
  const card = (b.Card ?? {}) as Obj;
  const check = (b.ECheck ?? {}) as Obj;
  const method = methodName(b);
  const onFile = method === 'onfile';
  const card2: PaymentInput['card'] = {
    cardNumber: card.CardNumber,
    cardExpiration: card.Expiration,
    cardExpirationMonth: card.ExpirationMonth,
    cardExpirationYear: card.ExpirationYear,
    cardVerificationNumber: card.CVN,
    cardHolderName: card.CardHolderName,
    cardPresentStatus: card.CardPresentStatus,
    trackData: card.TrackData,
  };
  return {
    // OnFile without an ID reaches the core as "paymentMethodID is required".
    paymentMethodId: onFile ? (b.PaymentMethodID ?? '') : b.PaymentMethodID,
    transactionType:
      method === 'echeck' ? 'eCheck' : method ? (b.TransactionType ?? 'CreditCard') : undefined,
    card: onFile || method === 'echeck' ? undefined : card2,
    echeck:
      method === 'echeck' || (!method && b.ECheck)
        ? {
            routingNumber: check.RoutingNumber,
            accountNumber: check.AccountNumber,
            accountType: check.AccountType,
            checkNumber: check.CheckNumber,
            accountHolderName: check.AccountHolderName,
            checkPresentStatus: check.CheckPresentStatus,
          }
        : undefined,
  };
}

export function restPlanInput(body: unknown): PaymentPlanInput {
  const b = canonical(body, PLAN_SHAPE);
  const outlet = (b.Outlet ?? {}) as Obj;
  const patient = (b.Patient ?? {}) as Obj;
  return {
    channel: 'REST',
    merchantId: outlet.MerchantID,
    storeId: outlet.StoreID,
    terminalId: outlet.TerminalID,
    paymentPlanType: b.PaymentPlanType,
    totalAmount: b.TotalAmount,
    downPaymentAmount: b.DownPaymentAmount,
    installmentAmount: b.InstallmentAmount,
    installmentCount: b.InstallmentCount,
    frequency: b.Frequency,
    startDate: b.StartDate,
    dayOfMonth: b.DayOfMonth,
    endDate: b.EndDate,
    ...methodOf({ PaymentMethod: 'Card', ...b }),
    patient: {
      patientId: patient.PatientID ?? b.PatientID,
      firstName: patient.FirstName ?? b.PatientFirstName,
      lastName: patient.LastName ?? b.PatientLastName,
    },
    additionalInfo: [1, 2, 3, 4, 5, 6].map((i) => b[`AdditionalInfo${i}`]),
  };
}

export function restPlanUpdateInput(body: unknown): PaymentPlanUpdateInput {
  const b = canonical(body, PLAN_UPDATE_SHAPE);
  return {
    channel: 'REST',
    installmentAmount: b.InstallmentAmount,
    frequency: b.Frequency,
    dayOfMonth: b.DayOfMonth,
    endDate: b.EndDate,
    nextPaymentDate: b.NextPaymentDate,
    ...methodOf(b),
  };
}
