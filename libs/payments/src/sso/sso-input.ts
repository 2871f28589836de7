import { DomainError, type FieldError, parseAmount, type PlanContext } from '@conduit/domain';
import { text } from '../payment-input';
import {
  fieldErrorsOf,
  parseSsoPlanTerms,
  type SsoPlanTerms,
  type SsoPlanTermsInput,
} from './sso-plan-terms';

/** Token creation fields (sso-and-polling.md §1), NVP spelling, values still raw. */
export interface SsoCreateInput extends SsoPlanTermsInput {
  merchantId?: unknown;
  storeId?: unknown;
  terminalId?: unknown;
  transactionAction?: unknown;
  amount?: unknown;
  isReadOnly?: unknown;
  patientId?: unknown;
  patientFirstName?: unknown;
  patientLastName?: unknown;
  additionalInfo?: unknown[];
  preventCheck?: unknown;
  preventCard?: unknown;
  suppressReceipt?: unknown;
  lightWeight?: unknown;
  confirmUrl?: unknown;
  cancelUrl?: unknown;
  returnUrl?: unknown;
  relayState?: unknown;
  responseActionType?: unknown;
}

/**
 * `UpdatePlanMethod` (the console's "replace the card", stored in the 16-character action column)
 * is never accepted from an API caller: only `SsoService.createReplacement` makes one.
 */
export type SsoAction = 'Sale' | 'SaveOnFile' | 'PaymentPlan' | 'UpdatePlanMethod';

/** Whether a request asks for a PaymentPlan token (its terms need the merchant's date and limit). */
export const wantsPlan = (i: SsoCreateInput) => /^paymentplan$/i.test(text(i.transactionAction) ?? '');

export function flag(value: unknown): boolean {
  return value === true || (typeof value === 'string' && /^(true|1|yes|y|on)$/i.test(value.trim()));
}

function url(field: string, value: unknown, errors: FieldError[]): string | null {
  const raw = text(value, 2048);
  if (!raw) return null;
  try {
    const u = new URL(raw);
    if (u.protocol === 'https:' || u.protocol === 'http:') return u.toString();
  } catch {
    /* reported below */
  }
  errors.push({ field, message: `${field} must be an absolute http(s) URL` });
  return null;
}

/**
 * Validated token options; the outlet is checked by the caller against the credential. A
 * PaymentPlan token's terms are checked against `plan` (the merchant's today and limit), with
 * their errors reported together with the others.
 */
export function parseSsoInput(i: SsoCreateInput, plan?: PlanContext) {
  const errors: FieldError[] = [];
  const rawAction = text(i.transactionAction) ?? 'Sale';
  const action = (['Sale', 'SaveOnFile', 'PaymentPlan'] as const).find(
    (a) => a.toLowerCase() === rawAction.toLowerCase(),
  );
  if (!action)
    errors.push({
      field: 'transactionAction',
      message: 'transactionAction must be Sale, SaveOnFile or PaymentPlan',
    });
  let amountCents: bigint | null = null;
  let planTerms: SsoPlanTerms | null = null;
  if (action === 'PaymentPlan') {
    // The amounts are the plan's (a total may exceed the single-charge limit): no token amount.
    if (!plan) throw new Error('A PaymentPlan token needs the plan context');
    try {
      planTerms = { kind: 'create', ...parseSsoPlanTerms(i, plan), paymentPlanId: null };
    } catch (err) {
      errors.push(...fieldErrorsOf(err));
    }
  } else if (text(i.amount)) {
    try {
      amountCents = BigInt(parseAmount(text(i.amount) as string, 'amount'));
    } catch (err) {
      if (err instanceof DomainError) errors.push(...(err.details.fieldErrors ?? []));
      else throw err;
    }
  }
  const isReadOnly = action !== 'PaymentPlan' && flag(i.isReadOnly);
  if (isReadOnly && amountCents === null)
    errors.push({ field: 'amount', message: 'amount is required when isReadOnly is true' });
  const returnUrl = url('returnURL', i.returnUrl, errors);
  const confirmUrl = url('confirmURL', i.confirmUrl, errors) ?? returnUrl;
  const cancelUrl = url('cancelURL', i.cancelUrl, errors) ?? returnUrl;
  const preventCheck = flag(i.preventCheck);
  const preventCard = flag(i.preventCard);
  if (preventCard && (preventCheck || action === 'SaveOnFile'))
    errors.push({ field: 'preventCard', message: 'preventCard leaves no way to pay' });
  const mode = (text(i.responseActionType) ?? 'redirect').toLowerCase();
  if (mode !== 'redirect' && mode !== 'header')
    errors.push({ field: 'responseActionType', message: 'responseActionType must be redirect or header' });
  if (errors.length) throw DomainError.validation(errors);
  return {
    action: action as SsoAction,
    amountCents,
    isReadOnly,
    patientId: text(i.patientId) ?? null,
    patientFirstName: text(i.patientFirstName) ?? null,
    patientLastName: text(i.patientLastName) ?? null,
    additionalInfo: (i.additionalInfo ?? []).slice(0, 6).map((v) => text(v) ?? ''),
    preventCheck,
    preventCard,
    suppressReceipt: flag(i.suppressReceipt),
    lightWeight: flag(i.lightWeight),
    confirmUrl,
    cancelUrl,
    relayState: text(i.relayState, 1024) ?? null,
    responseActionType: mode as 'redirect' | 'header',
    planTerms: planTerms as SsoPlanTerms | null,
  };
}
