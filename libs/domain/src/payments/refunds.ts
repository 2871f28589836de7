import { DomainError, ErrorCode } from '../errors/domain-error';
import { formatAmount } from './money';
import { assertMove, describeStatus, TransactionStatus } from './status';

/** A captured transaction may be refunded for up to one year (365 days) after capture. */
export const REFUND_WINDOW_MS = 365 * 24 * 60 * 60 * 1000;

const illegal = (message: string) => new DomainError(ErrorCode.ILLEGAL_STATE, message);

function assertPositiveCents(amountCents: number): void {
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) {
    throw DomainError.validation([
      { field: 'amount', message: 'amount must be a positive decimal with at most 2 places' },
    ]);
  }
}

/** What remains refundable of a captured amount. */
export function refundableCents(capturedCents: number, refundedCents: number): number {
  return Math.max(0, capturedCents - refundedCents);
}

/** Why a transaction in this status cannot be refunded (it is not C or S). */
function notRefundable(status: TransactionStatus): string {
  switch (status) {
    case TransactionStatus.Authorized:
      return 'Transaction is authorized but not captured and cannot be refunded; void it instead';
    case TransactionStatus.Declined:
      return 'Transaction was declined and cannot be refunded';
    case TransactionStatus.Voided:
      return 'Transaction is voided';
    case TransactionStatus.ReturnedItem:
      return 'Transaction was returned and cannot be refunded';
    case TransactionStatus.Chargeback:
      return 'Transaction was charged back and cannot be refunded';
    default:
      return `Transaction is ${describeStatus(status).toLowerCase()} (${status}) and cannot be refunded`;
  }
}

/**
 * A SimpleRefund is allowed from a captured or settled transaction, within a year of capture,
 * for at most what remains unrefunded.
 */
export function assertRefund(input: {
  status: TransactionStatus;
  capturedAt: Date;
  now: Date;
  amountCents: number;
  capturedCents: number;
  refundedCents: number;
}): void {
  const { status, capturedAt, now, amountCents, capturedCents, refundedCents } = input;
  if (status !== TransactionStatus.Captured && status !== TransactionStatus.Settled) {
    throw illegal(notRefundable(status));
  }
  if (now.getTime() - capturedAt.getTime() > REFUND_WINDOW_MS) {
    throw illegal('Transaction was captured more than one year ago and can no longer be refunded');
  }
  const remaining = refundableCents(capturedCents, refundedCents);
  if (remaining === 0) throw illegal('Transaction has already been fully refunded');
  assertPositiveCents(amountCents);
  if (amountCents > remaining) {
    throw illegal(
      `Refund amount ${formatAmount(amountCents)} exceeds the ${formatAmount(remaining)} that remains refundable`,
    );
  }
}

/** A Capture is allowed once, from an authorization, for at most the authorized amount. */
export function assertCapture(input: {
  status: TransactionStatus;
  authorizedCents: number;
  amountCents: number;
}): void {
  const { status, authorizedCents, amountCents } = input;
  assertMove(status, TransactionStatus.Captured);
  assertPositiveCents(amountCents);
  if (amountCents > authorizedCents) {
    throw illegal(
      `Capture amount ${formatAmount(amountCents)} exceeds the ${formatAmount(authorizedCents)} authorized`,
    );
  }
}
