import type { CredentialPrincipal } from '@conduit/domain';
import type {
  PaymentInput,
  PaymentPlanInput,
  PaymentPlanListInput,
  PaymentPlansService,
  PaymentPlanUpdateInput,
  PlanCreateResult,
  PlanDetail,
  PlanView,
} from '@conduit/payments';
import type { NvpFields } from '@conduit/wire';

/** payment-plans.md's NVP actions (SOAP operations of the same names); ListPaymentPlans is ours. */
export const PLAN_ACTIONS = [
  'CreatePaymentPlan',
  'ViewPaymentPlan',
  'UpdatePaymentPlan',
  'PausePaymentPlan',
  'ResumePaymentPlan',
  'CancelPaymentPlan',
  'ListPaymentPlans',
] as const;
/** Every plan operation's `Request` (the NVP fields of payment-plans.md, camelCase). */
export const PLAN_REQUEST_FIELDS = [
  'paymentPlanID',
  'merchantID',
  'storeID',
  'terminalID',
  'paymentPlanType',
  'totalAmount',
  'downPaymentAmount',
  'installmentAmount',
  'installmentCount',
  'frequency',
  'startDate',
  'dayOfMonth',
  'endDate',
  'nextPaymentDate',
  'transactionType',
  'paymentMethodID',
  'cardNumber',
  'cardExpiration',
  'cardExpirationMonth',
  'cardExpirationYear',
  'cardVerificationNumber',
  'cardHolderName',
  'cardPresentStatus',
  'trackData',
  'routingNumber',
  'accountNumber',
  'accountType',
  'accountHolderName',
  'patientID',
  'patientFirstName',
  'patientLastName',
  ...[1, 2, 3, 4, 5, 6].map((i) => `additionalInfo${i}`),
  'status',
  'limit',
  'cursor',
  'idempotencyKey',
];

export type PlanAction = (typeof PLAN_ACTIONS)[number];

/** The action a `transactionAction` (any case) names, when it is a plan action. */
export const planActionOf = (raw: string | undefined): PlanAction | undefined =>
  PLAN_ACTIONS.find((a) => a.toLowerCase() === (raw ?? '').toLowerCase());

export type PlanAnswer =
  | { kind: 'created'; result: PlanCreateResult }
  | { kind: 'detail'; detail: PlanDetail }
  | { kind: 'list'; plans: PlanView[]; nextCursor: string | null };

type Channel = PaymentPlanInput['channel'];

const cardOf = (f: NvpFields): PaymentInput['card'] => ({
  cardNumber: f.cardnumber,
  cardExpiration: f.cardexpiration,
  cardExpirationMonth: f.cardexpirationmonth,
  cardExpirationYear: f.cardexpirationyear,
  cardVerificationNumber: f.cardverificationnumber,
  cardHolderName: f.cardholdername,
  cardPresentStatus: f.cardpresentstatus,
  trackData: f.trackdata,
});

const echeckOf = (f: NvpFields): PaymentInput['echeck'] => ({
  routingNumber: f.routingnumber,
  accountNumber: f.accountnumber,
  accountType: f.accounttype,
  checkNumber: f.checknumber,
  accountHolderName: f.accountholdername,
  checkPresentStatus: f.checkpresentstatus,
});

/** NVP fields (lower-cased keys) as the core's plan input. */
export function nvpPlanInput(f: NvpFields, channel: Channel): PaymentPlanInput {
  return {
    channel,
    merchantId: f.merchantid,
    storeId: f.storeid,
    terminalId: f.terminalid,
    paymentPlanType: f.paymentplantype,
    totalAmount: f.totalamount,
    downPaymentAmount: f.downpaymentamount,
    installmentAmount: f.installmentamount,
    installmentCount: f.installmentcount,
    frequency: f.frequency,
    startDate: f.startdate,
    dayOfMonth: f.dayofmonth,
    endDate: f.enddate,
    paymentMethodId: f.paymentmethodid,
    transactionType: f.transactiontype,
    card: cardOf(f),
    echeck: echeckOf(f),
    patient: { patientId: f.patientid, firstName: f.patientfirstname, lastName: f.patientlastname },
    additionalInfo: [1, 2, 3, 4, 5, 6].map((i) => f[`additionalinfo${i}`]),
  };
}

export function nvpPlanUpdateInput(f: NvpFields, channel: Channel): PaymentPlanUpdateInput {
  return {
    channel,
    installmentAmount: f.installmentamount,
    frequency: f.frequency,
    dayOfMonth: f.dayofmonth,
    endDate: f.enddate,
    nextPaymentDate: f.nextpaymentdate,
    paymentMethodId: f.paymentmethodid,
    transactionType: f.transactiontype,
    card: cardOf(f),
    echeck: echeckOf(f),
  };
}

export function nvpPlanListInput(f: NvpFields): PaymentPlanListInput {
  return {
    merchantId: f.merchantid,
    storeId: f.storeid,
    terminalId: f.terminalid,
    patientId: f.patientid,
    status: f.status,
    limit: f.limit,
    cursor: f.cursor,
  };
}

/** Runs one plan action for NVP or SOAP; each transport renders the answer its own way. */
export async function runPlanAction(
  plans: PaymentPlansService,
  principal: CredentialPrincipal,
  action: PlanAction,
  f: NvpFields,
  channel: Channel,
): Promise<PlanAnswer> {
  const id = f.paymentplanid;
  switch (action) {
    case 'CreatePaymentPlan':
      return { kind: 'created', result: await plans.create(principal, nvpPlanInput(f, channel)) };
    case 'ViewPaymentPlan':
      return { kind: 'detail', detail: await plans.get(principal, id) };
    case 'UpdatePaymentPlan':
      return { kind: 'detail', detail: await plans.update(principal, id, nvpPlanUpdateInput(f, channel)) };
    case 'PausePaymentPlan':
      return { kind: 'detail', detail: await plans.pause(principal, id) };
    case 'ResumePaymentPlan':
      return { kind: 'detail', detail: await plans.resume(principal, id) };
    case 'CancelPaymentPlan':
      return { kind: 'detail', detail: await plans.cancel(principal, id) };
    case 'ListPaymentPlans': {
      const page = await plans.list(principal, nvpPlanListInput(f));
      return { kind: 'list', plans: page.plans, nextCursor: page.nextCursor };
    }
  }
}
