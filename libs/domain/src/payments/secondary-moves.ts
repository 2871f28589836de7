import { DomainError, ErrorCode } from '../errors/domain-error';
import { TransactionAction } from './actions';
import { formatAmount } from './money';
import { assertCapture, assertRefund, refundableCents } from './refunds';
import { assertMove, type TenderKind, TransactionStatus } from './status';

/**
 * What a primary transaction has done with money, as its row records it. `amountCents` is the
 * authorized amount while the status is A and the captured amount from capture on (a capture for
 * less than the authorization replaces it); `refundedCents` is the sum of accepted refunds.
 */
export interface PrimaryMoney {
  status: TransactionStatus;
  tender: TenderKind;
  amountCents: number;
  refundedCents: number;
  /** When the money was captured (the sale itself, or its Capture); null while only authorized. */
  capturedAt: Date | null;
}

export type SecondaryAction =
  TransactionAction.Capture | TransactionAction.Void | TransactionAction.SimpleRefund;

/** A secondary the processor has not yet been asked for, checked against what already happened. */
export interface SecondaryPlan {
  /** The secondary transaction's amount: captured, voided (released or reversed) or refunded. */
  amountCents: number;
  /** The primary after the processor accepts the secondary; a processor decline changes nothing. */
  next: PrimaryMoney;
}

const illegal = (message: string) => new DomainError(ErrorCode.ILLEGAL_STATE, message);

/**
 * The money rules of Capture, Void and SimpleRefund on one primary (payments.md), in one place:
 * - Capture: card authorizations only, once, for at most the authorized amount.
 * - Void: an unsettled A or C transaction with nothing refunded — a void reverses the whole
 *   capture, so voiding after a refund would pay the refunded money out twice.
 * - SimpleRefund: a captured or settled transaction, within a year, up to what remains
 *   unrefunded; never after a void.
 * A refusal throws (ILLEGAL_STATE, or VALIDATION_FAILED for the amount) and changes nothing;
 * `requestedCents` absent means "all of it".
 */
export function planSecondary(
  primary: PrimaryMoney,
  action: SecondaryAction,
  requestedCents: number | undefined,
  now: Date,
): SecondaryPlan {
  switch (action) {
    case TransactionAction.Capture: {
      if (primary.tender === 'echeck')
        throw illegal('eCheck transactions are settled as sales and are not captured');
      const amountCents = requestedCents ?? primary.amountCents;
      assertCapture({ status: primary.status, authorizedCents: primary.amountCents, amountCents });
      return {
        amountCents,
        next: { ...primary, status: TransactionStatus.Captured, amountCents, capturedAt: now },
      };
    }
    case TransactionAction.Void: {
      assertMove(primary.status, TransactionStatus.Voided, primary.tender);
      if (primary.refundedCents > 0) throw illegal(refundedRefusal(primary));
      return { amountCents: primary.amountCents, next: { ...primary, status: TransactionStatus.Voided } };
    }
    case TransactionAction.SimpleRefund: {
      const remaining = refundableCents(primary.amountCents, primary.refundedCents);
      const amountCents = requestedCents ?? remaining;
      assertRefund({
        status: primary.status,
        capturedAt: primary.capturedAt ?? now,
        now,
        amountCents,
        capturedCents: primary.amountCents,
        refundedCents: primary.refundedCents,
      });
      return { amountCents, next: { ...primary, refundedCents: primary.refundedCents + amountCents } };
    }
    default:
      throw new Error(`not a secondary action: ${String(action)}`);
  }
}

function refundedRefusal(primary: PrimaryMoney): string {
  const remaining = refundableCents(primary.amountCents, primary.refundedCents);
  const refunded = formatAmount(primary.refundedCents);
  return remaining === 0
    ? `Transaction has been fully refunded (${refunded}) and cannot be voided`
    : `Transaction has been partly refunded (${refunded}) and cannot be voided; refund the remaining ${formatAmount(remaining)} instead`;
}
