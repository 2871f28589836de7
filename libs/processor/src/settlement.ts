/**
 * What the core asks of a processor after the real-time half: batch settlement with an outcome
 * per item, the network events that arrive afterwards (ACH returns, card chargebacks, dispute
 * decisions), and dispute responses. Nothing here is decided at authorization time: a real
 * network tells the merchant about a chargeback weeks later, and so does this interface.
 */

export type SettlementTender = 'card' | 'echeck';

/** One transaction submitted for settlement. Amounts are positive cents. */
export interface SettlementItemRequest {
  transactionId: string;
  /** The processor's reference of the money being settled (the sale, capture or refund). */
  reference: string;
  kind: 'Sale' | 'Refund';
  tender: SettlementTender;
  amountCents: number;
  /** It was rejected in an earlier batch and is submitted again. */
  resubmission: boolean;
}

export interface SettlementItemOutcome {
  transactionId: string;
  settled: boolean;
  /** What the processor charges for the item, in cents (0 when not settled). */
  feeCents: number;
  /** Why it was rejected, for people. */
  message?: string;
}

export interface SettlementRequest {
  merchantId: string;
  /** The batch's SettlementBatchID; a page submitted twice under one batch answers the same. */
  batchId: string;
  items: SettlementItemRequest[];
}

export type NetworkEvent =
  | {
      id: string;
      kind: 'return';
      /** Reference of the settled eCheck debit. */
      reference: string;
      /** NACHA return reason (R01…). */
      reasonCode: string;
      feeCents: number;
    }
  | {
      id: string;
      kind: 'chargeback';
      reference: string;
      network: string;
      reasonCode: string;
      reasonDescription: string;
      feeCents: number;
    }
  | {
      id: string;
      kind: 'dispute-outcome';
      /** Reference of the charged-back sale. */
      reference: string;
      outcome: 'WON' | 'LOST';
    };

export interface SettlementConnector {
  /** Settles one page of a batch; may be called several times per batch. */
  settle(req: SettlementRequest): Promise<SettlementItemOutcome[]>;
  /**
   * Events for the merchant not yet acknowledged, as of the close of `batchId` (an event about
   * a transaction settled in that very batch is not due yet). Delivered at least once: the core
   * applies each by its id once and acknowledges after its own commit.
   */
  networkEvents(req: { merchantId: string; batchId: string }): Promise<NetworkEvent[]>;
  acknowledgeNetworkEvents(ids: string[]): Promise<void>;
  /** Sends the merchant's response to a chargeback; the decision arrives as a network event. */
  respondToDispute(req: { merchantId: string; reference: string; evidenceText: string }): Promise<void>;
}
