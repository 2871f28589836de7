import { DomainError } from '@conduit/domain';
import type { NewImportRecord, PriorTransaction } from '@conduit/db';
import type { ImportCommand, ImportFieldError } from '@conduit/wire';
import { fromWireId, toWireId } from '../ids';
import type { PaymentInput } from '../payment-input';
import type { TransactionView } from '../transaction-view';

export const DUPLICATE_TEXT = 'Duplicate ExternalID: already processed';
export const DIFFERENT_TEXT = 'ExternalID already used for a different record';

/** The payment request a record makes, as every other transport hands it to the core. */
export function paymentInputOf(c: ImportCommand): PaymentInput {
  const base: PaymentInput = {
    channel: 'BATCH',
    externalId: c.externalId,
    merchantId: c.merchantId,
    storeId: c.storeId,
    terminalId: c.terminalId,
    transactionAction: c.action,
    amount: (c.amountCents / 100).toFixed(2),
    patient: { patientId: c.patientId, firstName: c.patientFirstName, lastName: c.patientLastName },
    additionalInfo: [c.additionalInfo1],
  };
  return c.action === 'Sale'
    ? { ...base, transactionType: 'CreditCard', card: { paymentMethodId: c.paymentMethodId } }
    : { ...base, primaryTransactionId: c.paymentMethodId };
}

const common = (line: number, c: { externalId: string; merchantId: string }) => ({
  line,
  externalId: c.externalId || null,
  merchantId: /^\d{13}$/.test(c.merchantId) ? c.merchantId : null,
});

/** A record refused before anything was charged. */
export function rejected(
  line: number,
  c: { externalId: string; merchantId: string; action?: string; amountCents?: number },
  errorText: string,
): NewImportRecord {
  return {
    ...common(line, c),
    action: c.action ?? null,
    amountCents: c.amountCents === undefined ? null : BigInt(c.amountCents),
    result: 'R',
    errorText,
  };
}

export const fieldErrorsText = (errors: ImportFieldError[]) =>
  errors.map((e) => (e.field === 'Record' ? e.message : `${e.field}: ${e.message}`)).join('; ');

/** The core's refusal (validation, not found, forbidden…) as the record's ErrorText. */
export function errorTextOf(err: DomainError): string {
  const fields = err.details.fieldErrors;
  return fields?.length ? fields.map((f) => `${f.field}: ${f.message}`).join('; ') : err.message;
}

/** A transaction the core made for a record: A when approved, R (with its codes) when declined. */
export function answered(
  line: number,
  c: ImportCommand,
  t: TransactionView,
  /** The transaction's UUID when the caller has it (an import page does). */
  transactionId = fromWireId(t.transactionId, 'Transaction'),
): NewImportRecord {
  return {
    ...common(line, c),
    action: c.action,
    amountCents: BigInt(c.amountCents),
    result: t.status === 'D' ? 'R' : 'A',
    transactionId,
    responseCode: t.responseCode,
    responseMessage: t.responseMessage,
  };
}

/** Whether a processed ExternalID's transaction is this very record (a re-send). */
export function sameRecord(prior: PriorTransaction, c: ImportCommand): boolean {
  if (prior.action !== c.action || Number(prior.requestCents) !== c.amountCents) return false;
  const named = fromWireId(c.paymentMethodId, 'Payment method');
  return c.action === 'Sale' ? prior.paymentMethodId === named : prior.primaryId === named;
}

/**
 * A record whose ExternalID was processed already: nothing is charged; the answer is the
 * original's (its TransactionID and response), or a refusal when the content differs.
 */
export function replayed(line: number, c: ImportCommand, prior: PriorTransaction): NewImportRecord {
  if (!sameRecord(prior, c)) return { ...rejected(line, c, DIFFERENT_TEXT), duplicate: true };
  return {
    ...common(line, c),
    action: c.action,
    amountCents: BigInt(c.amountCents),
    result: prior.status === 'D' ? 'R' : 'A',
    transactionId: prior.id,
    responseCode: prior.responseCode,
    responseMessage: prior.responseMessage,
    errorText: DUPLICATE_TEXT,
    duplicate: true,
  };
}

/** The wire form of a record's transaction, for the acknowledgement. */
export const ackTransactionId = (id: string | null) => (id ? toWireId(id) : '');

const EXTERNAL_ID_INDEX = 'transactions_merchant_external_id_key';

/**
 * The insert lost a race for this ExternalID to another worker (the unique index refused it).
 * Only that violation: any other database error still fails the job.
 */
export function isExternalIdConflict(err: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (e: unknown, depth: number): boolean => {
    if (!e || typeof e !== 'object' || seen.has(e) || depth > 4) return false;
    seen.add(e);
    const o = e as { message?: unknown; meta?: unknown; cause?: unknown; constraint?: unknown };
    if (typeof o.message === 'string' && o.message.includes(EXTERNAL_ID_INDEX)) return true;
    if (o.constraint === EXTERNAL_ID_INDEX) return true;
    if (o.meta && JSON.stringify(o.meta).includes(EXTERNAL_ID_INDEX)) return true;
    return visit(o.cause, depth + 1);
  };
  return !(err instanceof DomainError) && visit(err, 0);
}
