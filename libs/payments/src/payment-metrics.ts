import { TransactionStatus } from '@conduit/domain';
import { metrics } from '@conduit/observability';

/** How a payment action ended, for `conduit_payments_total`'s `outcome` label. */
export type PaymentOutcome = 'approved' | 'declined' | 'refused' | 'error';

/** The outcome of a transaction that was written: declined or approved (partial included). */
export function outcomeOf(status: string): PaymentOutcome {
  return status === TransactionStatus.Declined ? 'declined' : 'approved';
}

/**
 * Counts payment actions in `conduit_payments_total` (docs/observability.md). Every interface
 * counts here: the transports through `PaymentsService.execute`, and the two that charge through
 * the core without it, payment-plan installments (`plan`) and batch-file Sales (`batch`), once
 * their page is committed (decision 0039). Labels are enum values only: the channel, the
 * action's name and the outcome.
 */
export function countPayments(channel: string, action: string, outcome: PaymentOutcome, n = 1): void {
  if (n <= 0) return;
  metrics()?.payments.inc({ interface: channel.toLowerCase(), action, outcome }, n);
}
