import { achReturnDescription, DISPUTE_RESPONSE_DAYS, TenderType, TransactionStatus } from '@conduit/domain';
import type {
  MerchantRepositories,
  NewTransaction,
  Repositories,
  SettledItemWrite,
  TransactionRow,
} from '@conduit/db';
import type { NetworkEvent } from '@conduit/processor';
import { EventType, webhookPayload } from '../events';
import { newId, toWireId } from '../ids';
import { instrumentOf } from '../payment-context';
import { viewOf } from '../transaction-view';
import { SystemPrincipal, systemAudit } from './system-principal';
import { applyPlanReturn } from '../plans/plan-returns';

/** What applying the processor's events did: the batch items and which events to acknowledge. */
export interface AppliedEvents {
  items: SettledItemWrite[];
  acknowledge: string[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A secondary that records a network event on its primary: same outlet, card, account, patient. */
function recordOf(
  primary: TransactionRow,
  e: { id: string; action: string; status: string; cents: number; message: string; batchId: string },
  at: Date,
): NewTransaction {
  return {
    id: newId(),
    organizationId: primary.organizationId,
    merchantRef: primary.merchantRef,
    outletRef: primary.outletRef,
    channel: 'NETWORK',
    action: e.action,
    tender: primary.tender,
    status: e.status,
    responseCode: '000',
    responseMessage: e.message,
    requestCents: BigInt(e.cents),
    amountCents: BigInt(e.cents),
    authorizationNumber: primary.authorizationNumber,
    processorReference: e.id,
    networkEventId: e.id,
    primaryId: primary.id,
    ...instrumentOf(primary),
    patientId: primary.patientId,
    patientAccountNumber: primary.patientAccountNumber,
    patientFirstName: primary.patientFirstName,
    patientLastName: primary.patientLastName,
    patientBirthDate: primary.patientBirthDate,
    additionalInfo: primary.additionalInfo,
    capturedAt: at,
    settlementBatchId: e.batchId,
    settledAt: at,
  };
}

/** The secondary as the webhook payload sees it (outlet numbers from its primary). */
function rowOf(data: NewTransaction, primary: TransactionRow, at: Date): TransactionRow {
  return {
    ...primary,
    ...data,
    refundedCents: 0n,
    isPartial: false,
    returnReasonCode: data.returnReasonCode ?? null,
    createdAt: at,
    updatedAt: at,
  } as TransactionRow;
}

/**
 * Applies the processor's network events inside a batch close (settlement.md, "Returns and
 * chargebacks"): each becomes a secondary transaction, a status move of its primary, an outbox
 * event and an audit entry, all in the close's database transaction, and an item of the batch.
 * An event already applied (its id is on a secondary) or about nothing this merchant settled is
 * acknowledged and skipped; one about a transaction not settled yet waits for a later close.
 */
export async function applyNetworkEvents(
  r: Repositories,
  at: MerchantRepositories,
  batch: { id: string; organizationId: string },
  events: NetworkEvent[],
  now: Date,
): Promise<AppliedEvents> {
  const applied: AppliedEvents = { items: [], acknowledge: [] };
  const batchId = toWireId(batch.id);
  const audit = (action: string, resourceId: string, changes: object) =>
    r.audit.record(
      systemAudit(SystemPrincipal.ProcessorEvents, {
        organizationId: batch.organizationId,
        action,
        resource: 'transaction',
        resourceId,
        changes: changes as never,
      }),
    );
  for (const event of events) {
    if (event.kind !== 'dispute-outcome' && (await at.settlement.applied(event.id))) {
      applied.acknowledge.push(event.id);
      continue;
    }
    const primary = await at.settlement.settledByReference(event.reference);
    const waiting = [TransactionStatus.Captured, TransactionStatus.SettlementError] as string[];
    if (primary && event.kind !== 'dispute-outcome' && waiting.includes(primary.status)) continue;
    if (!primary) {
      await audit('network-event.unmatched', event.id, { kind: event.kind });
      applied.acknowledge.push(event.id);
      continue;
    }
    if (event.kind === 'return') {
      if (primary.status !== TransactionStatus.Settled || primary.tender !== TenderType.ECheck) {
        await audit('network-event.unmatched', primary.id, { kind: event.kind, status: primary.status });
        applied.acknowledge.push(event.id);
        continue;
      }
      const cents = Number(primary.amountCents);
      const data = recordOf(
        primary,
        {
          id: event.id,
          action: 'Return',
          status: TransactionStatus.ReturnedItem,
          cents,
          message: `Returned ${event.reasonCode}: ${achReturnDescription(event.reasonCode)}`,
          batchId,
        },
        now,
      );
      data.returnReasonCode = event.reasonCode;
      const updated = await at.transactions.update(primary.id, {
        status: TransactionStatus.ReturnedItem,
        returnReasonCode: event.reasonCode,
      });
      const eventId = newId();
      await at.transactions.insertWithEvent(data, {
        id: eventId,
        eventType: EventType.Returned,
        payload: webhookPayload(
          eventId,
          EventType.Returned,
          viewOf(rowOf(data, primary, now)),
          viewOf(updated),
          {
            ReturnReasonCode: event.reasonCode,
            SettlementBatchID: batchId,
          },
        ),
      });
      await audit('transaction.returned', primary.id, { from: 'S', to: 'RI', reasonCode: event.reasonCode });
      await applyPlanReturn(r, at, primary, event.reasonCode);
      applied.items.push(itemOf(data, 'Return', -cents, event.feeCents));
    } else if (event.kind === 'chargeback') {
      if (primary.status !== TransactionStatus.Settled || primary.tender === TenderType.ECheck) {
        await audit('network-event.unmatched', primary.id, { kind: event.kind, status: primary.status });
        applied.acknowledge.push(event.id);
        continue;
      }
      // Money already refunded cannot be charged back as well.
      const cents = Number(primary.amountCents) - Number(primary.refundedCents);
      const data = recordOf(
        primary,
        {
          id: event.id,
          action: 'Chargeback',
          status: TransactionStatus.Chargeback,
          cents,
          message: `Chargeback ${event.reasonCode}: ${event.reasonDescription}`,
          batchId,
        },
        now,
      );
      const updated = await at.transactions.update(primary.id, { status: TransactionStatus.Chargeback });
      const eventId = newId();
      await at.transactions.insertWithEvent(data, {
        id: eventId,
        eventType: EventType.Chargeback,
        payload: webhookPayload(
          eventId,
          EventType.Chargeback,
          viewOf(rowOf(data, primary, now)),
          viewOf(updated),
          {
            SettlementBatchID: batchId,
          },
        ),
      });
      const disputeRef = newId();
      await at.disputes.open({
        id: disputeRef,
        disputeId: toWireId(disputeRef),
        transactionId: primary.id,
        chargebackId: data.id!,
        network: event.network,
        reasonCode: event.reasonCode,
        reasonDescription: event.reasonDescription,
        amountCents: BigInt(cents),
        dueAt: new Date(now.getTime() + DISPUTE_RESPONSE_DAYS * DAY_MS),
      });
      await audit('transaction.charged-back', primary.id, {
        from: 'S',
        to: 'CB',
        reasonCode: event.reasonCode,
      });
      applied.items.push(itemOf(data, 'Chargeback', -cents, event.feeCents));
    } else {
      const dispute = await at.disputes.forTransactionForUpdate(primary.id);
      if (!dispute || dispute.status === 'WON' || dispute.status === 'LOST') {
        applied.acknowledge.push(event.id);
        continue;
      }
      let reversalId: string | null = null;
      if (event.outcome === 'WON') {
        const cents = Number(dispute.amountCents);
        const data = recordOf(
          primary,
          {
            id: event.id,
            action: 'ChargebackReversal',
            status: TransactionStatus.Settled,
            cents,
            message: `Chargeback reversed: dispute ${dispute.disputeId} won`,
            batchId,
          },
          now,
        );
        const eventId = newId();
        // No trigger is named for a reversal (webhooks.md): it is news about the chargeback.
        await at.transactions.insertWithEvent(data, {
          id: eventId,
          eventType: EventType.Chargeback,
          payload: webhookPayload(
            eventId,
            EventType.Chargeback,
            viewOf(rowOf(data, primary, now)),
            viewOf(primary),
            {
              SettlementBatchID: batchId,
            },
          ),
        });
        reversalId = data.id!;
        applied.items.push(itemOf(data, 'ChargebackReversal', cents, 0));
      }
      await at.disputes.resolve(dispute.id, event.outcome, reversalId, now);
      await r.audit.record(
        systemAudit(SystemPrincipal.ProcessorEvents, {
          organizationId: batch.organizationId,
          action: `dispute.${event.outcome.toLowerCase()}`,
          resource: 'dispute',
          resourceId: dispute.disputeId,
          changes: { from: dispute.status, to: event.outcome },
        }),
      );
      applied.acknowledge.push(event.id);
      continue;
    }
    applied.acknowledge.push(event.id);
  }
  return applied;
}

function itemOf(data: NewTransaction, kind: string, signedCents: number, feeCents: number): SettledItemWrite {
  return {
    transactionId: data.id!,
    kind,
    tender: data.tender,
    brand: data.cardBrand ?? null,
    amountCents: signedCents,
    feeCents,
    settled: true,
    status: data.status,
    event: null,
  };
}
