import { type PaymentPrincipal, DomainError, organizationScope, type TenantScope } from '@conduit/domain';
import type {
  Merchant,
  MerchantRepositories,
  NewTransaction,
  OutboxEventInput,
  Outlet,
  TransactionRow,
} from '@conduit/db';
import type { CredentialAuthService } from '@conduit/tenancy';
import { EventType, eventTypeOf, webhookPayload } from './events';
import { newId } from './ids';
import type { OutletIds, RequestColumns } from './commands/payment-command';
import { type TransactionView, viewOf } from './transaction-view';

export interface PaymentContext {
  principal: PaymentPrincipal;
  scope: TenantScope;
  merchant: Merchant;
  outlet: Outlet;
}

/** The merchant and outlet a request names, checked against the credential (tenancy.md). */
export async function resolveContext(
  access: CredentialAuthService,
  principal: PaymentPrincipal,
  outlet: OutletIds,
): Promise<PaymentContext> {
  const target = await access.paymentTarget(principal, outlet.merchantId, outlet.storeId, outlet.terminalId);
  if (!target.outlet) throw DomainError.notFound('Outlet');
  if (!target.outlet.active) throw DomainError.forbidden('This outlet is deactivated');
  return {
    principal,
    scope: organizationScope(principal.organizationId),
    merchant: target.merchant,
    outlet: target.outlet,
  };
}

/** The columns every transaction of a request shares: who, where, patient and free fields. */
export function commonColumns(ctx: PaymentContext, cols: Omit<RequestColumns, 'outlet'>) {
  const p = cols.patient;
  return {
    organizationId: ctx.merchant.organizationId,
    merchantRef: ctx.merchant.id,
    outletRef: ctx.outlet.id,
    credentialId: ctx.principal.credentialId,
    channel: cols.channel,
    externalId: cols.externalId ?? null,
    ...(cols.plan
      ? {
          paymentPlanRef: cols.plan.planRef,
          installmentSequence: cols.plan.sequence,
          installmentCount: cols.plan.installmentCount,
          paymentPlanType: cols.plan.type,
        }
      : {}),
    patientId: p.patientId ?? null,
    patientAccountNumber: p.accountNumber ?? null,
    patientFirstName: p.firstName ?? null,
    patientLastName: p.lastName ?? null,
    patientBirthDate: p.birthDate ?? null,
    additionalInfo: Array.from({ length: 6 }, (_, i) => cols.additionalInfo[i] ?? ''),
  };
}

const NULLABLE = [
  'credentialId',
  'authorizationNumber',
  'processorReference',
  'returnReasonCode',
  'primaryId',
  'paymentMethodId',
  'cardBrand',
  'cardBin',
  'cardLast4',
  'cardExpMonth',
  'cardExpYear',
  'cardHolderName',
  'paymentCardType',
  'entryMode',
  'cardPresentStatus',
  'emvApplicationLabel',
  'emvApplicationId',
  'emvTvr',
  'emvTsi',
  'emvCryptogramType',
  'emvIssuerResponse',
  'routingNumber',
  'accountLast4',
  'accountType',
  'checkNumber',
  'accountHolderName',
  'checkPresentStatus',
  'patientId',
  'patientAccountNumber',
  'patientFirstName',
  'patientLastName',
  'patientBirthDate',
  'capturedAt',
  'externalId',
  'paymentPlanRef',
  'installmentSequence',
  'installmentCount',
  'paymentPlanType',
] as const;

const NULLS: Readonly<Record<string, null>> = Object.freeze(
  Object.fromEntries(NULLABLE.map((k) => [k, null])),
);

/** The row as the database will hold it, built in memory so the answer needs no read-back. */
function rowOf(data: NewTransaction, where: OutletNumbers, at: Date): TransactionRow {
  return {
    ...NULLS,
    refundedCents: 0n,
    isPartial: false,
    pinVerified: false,
    additionalInfo: [],
    ...data,
    createdAt: at,
    updatedAt: at,
    merchant: { merchantId: where.merchantId },
    outlet: { storeId: where.storeId, terminalId: where.terminalId },
  } as unknown as TransactionRow;
}

export interface OutletNumbers {
  merchantId: string;
  storeId: string;
  terminalId: string;
}

export function outletNumbers(ctx: PaymentContext): OutletNumbers {
  return {
    merchantId: ctx.merchant.merchantId,
    storeId: ctx.outlet.storeId,
    terminalId: ctx.outlet.terminalId,
  };
}

/** A transaction row, its view and its outbox event, built in memory and not yet written. */
export interface TransactionWrite {
  row: NewTransaction;
  view: TransactionView;
  event: OutboxEventInput;
}

/** What `record` writes, without writing it (an import page writes many in one statement). */
export function transactionWrite(
  data: NewTransaction,
  where: OutletNumbers,
  primary?: TransactionView,
): TransactionWrite {
  const at = new Date();
  const row = { ...data, createdAt: at, updatedAt: at };
  const view = viewOf(rowOf(row, where, at));
  const eventId = newId();
  const type: EventType = eventTypeOf(view.action, view.status);
  return {
    row,
    view,
    event: { id: eventId, eventType: type, payload: webhookPayload(eventId, type, view, primary) },
  };
}

/**
 * Writes a transaction and its outbox event together — one statement, so they commit together
 * or not at all, inside or outside a unit of work — and answers the transaction's view.
 */
export async function record(
  merchantRepos: MerchantRepositories,
  data: NewTransaction,
  where: OutletNumbers,
  primary?: TransactionView,
): Promise<TransactionView> {
  const w = transactionWrite(data, where, primary);
  await merchantRepos.transactions.insertWithEvent(w.row, w.event);
  return w.view;
}

export type { Outlet };

/**
 * The card or bank account a secondary shares with its primary (a capture, void, refund,
 * return or chargeback is about the same instrument): display columns only, never a number.
 */
export function instrumentOf(primary: TransactionRow) {
  return {
    cardBrand: primary.cardBrand,
    cardBin: primary.cardBin,
    cardLast4: primary.cardLast4,
    cardExpMonth: primary.cardExpMonth,
    cardExpYear: primary.cardExpYear,
    cardHolderName: primary.cardHolderName,
    paymentCardType: primary.paymentCardType,
    entryMode: primary.entryMode,
    cardPresentStatus: primary.cardPresentStatus,
    routingNumber: primary.routingNumber,
    accountLast4: primary.accountLast4,
    accountType: primary.accountType,
    checkNumber: primary.checkNumber,
  };
}
