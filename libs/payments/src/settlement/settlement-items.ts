import { TenderType, TransactionAction, TransactionStatus } from '@conduit/domain';
import type { SettledItemWrite, TransactionRow } from '@conduit/db';
import type { SettlementItemOutcome, SettlementItemRequest } from '@conduit/processor';
import { EventType, webhookPayload } from '../events';
import { newId, toWireId } from '../ids';
import { viewOf } from '../transaction-view';

/** Money out of the merchant: unreferenced refunds (Refund) and referenced ones (SimpleRefund). */
export function isRefund(t: TransactionRow): boolean {
  return t.action === TransactionAction.SimpleRefund || t.action === TransactionAction.Refund;
}

/** What the processor is asked to settle for one waiting transaction. */
export function settlementRequestOf(t: TransactionRow): SettlementItemRequest {
  return {
    transactionId: t.id,
    reference: t.processorReference ?? '',
    kind: isRefund(t) ? 'Refund' : 'Sale',
    tender: t.tender === TenderType.ECheck ? 'echeck' : 'card',
    amountCents: Number(t.amountCents),
    resubmission: t.status === TransactionStatus.SettlementError,
  };
}

/**
 * The write for one outcome: `C → S`, `C → SE` or `SE → S` with its `Settlement` event (the
 * payload describes the transaction after the move, with the SettlementBatchID), or no move at
 * all for an item rejected again.
 */
export function settledItemOf(
  t: TransactionRow,
  outcome: SettlementItemOutcome,
  batch: { id: string },
  at: Date,
): SettledItemWrite {
  const status = outcome.settled ? TransactionStatus.Settled : TransactionStatus.SettlementError;
  const moves = status !== t.status;
  const settlementBatchId = toWireId(batch.id);
  const after = {
    ...t,
    status,
    settlementBatchId: outcome.settled ? settlementBatchId : null,
    updatedAt: at,
  };
  const eventId = newId();
  const signed = isRefund(t) ? -Number(t.amountCents) : Number(t.amountCents);
  return {
    transactionId: t.id,
    kind: isRefund(t) ? 'Refund' : 'Sale',
    tender: t.tender,
    brand: t.cardBrand,
    amountCents: signed,
    feeCents: outcome.settled ? outcome.feeCents : 0,
    settled: outcome.settled,
    status,
    event: moves
      ? {
          id: eventId,
          payload: webhookPayload(eventId, EventType.Settlement, viewOf(after), undefined, {
            SettlementBatchID: settlementBatchId,
          }),
        }
      : null,
  };
}
