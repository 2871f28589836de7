import type {
  NetworkEvent,
  SettlementItemOutcome,
  SettlementItemRequest,
  SettlementRequest,
} from './settlement';

/**
 * The sandbox's settlement rules (settlement.md, "The sandbox processor"), deterministic:
 * - every item settles, except a card sale whose amount ends in .13 the first time it is
 *   submitted (it settles when resubmitted in the next batch);
 * - a sale or debit whose reference carries a fate (set at authorization from the card or
 *   account number, see `fateSuffix`) produces a network event at the merchant's next close
 *   after the one that settled it: chargeback 10.4 for card 4000000000000259, R01 for account
 *   000000000, R02 for 000000002;
 * - a dispute response containing "winning" wins, anything else loses, decided at the next close.
 */

/** Fees (cents): cards 2.90 % + 0.30 per sale, rounded half up; eCheck 0.50; refunds free. */
export function sandboxFeeCents(item: {
  kind: 'Sale' | 'Refund';
  tender: 'card' | 'echeck';
  amountCents: number;
}) {
  if (item.kind === 'Refund') return 0;
  if (item.tender === 'echeck') return 50;
  // 2.90 % of n cents = 29n / 1000; adding 500 before the floor division rounds half up, in
  // integers, so no float ever touches money.
  return Math.floor((item.amountCents * 29 + 500) / 1000) + 30;
}
export const SANDBOX_RETURN_FEE_CENTS = 500;
export const SANDBOX_CHARGEBACK_FEE_CENTS = 1500;

/** ACH returns by account number (payments.md / settlement.md). */
export const SANDBOX_RETURN_ACCOUNTS: Readonly<Record<string, string>> = {
  '000000000': 'R01',
  '000000002': 'R02',
};

const FATES = { cb: 'chargeback', r01: 'R01', r02: 'R02' } as const;
type Fate = keyof typeof FATES;

/**
 * What the sandbox keeps on its side, like a real processor's systems do: events owed to a
 * merchant. `record` ignores an id it already holds, so a page settled twice records once.
 */
export interface SandboxLedger {
  record(events: SandboxLedgerEntry[]): Promise<void>;
  /** Undelivered entries of the merchant, except those owed only after `batchId` itself. */
  pending(merchantId: string, batchId: string): Promise<SandboxLedgerEntry[]>;
  markDelivered(ids: string[]): Promise<void>;
}

export interface SandboxLedgerEntry {
  id: string;
  merchantId: string;
  /** The batch that settled the original; null when due at any later close. */
  afterBatchId: string | null;
  event: NetworkEvent;
}

/** The reference suffix that records a fate; the sandbox reads it back at settlement. */
export function fateSuffix(fate: Fate | null): string {
  return fate ? `.${fate}` : '';
}

function fateOf(reference: string): Fate | null {
  const m = /\.(cb|r01|r02)$/.exec(reference);
  return m ? (m[1] as Fate) : null;
}

function outcomeOf(item: SettlementItemRequest): SettlementItemOutcome {
  if (item.tender === 'card' && item.kind === 'Sale' && item.amountCents % 100 === 13 && !item.resubmission) {
    return {
      transactionId: item.transactionId,
      settled: false,
      feeCents: 0,
      message: 'Settlement rejected by the network (sandbox: amount ending in .13)',
    };
  }
  return { transactionId: item.transactionId, settled: true, feeCents: sandboxFeeCents(item) };
}

function eventOf(reference: string, fate: Fate): NetworkEvent {
  if (fate === 'cb')
    return {
      id: `cb:${reference}`,
      kind: 'chargeback',
      reference,
      network: 'VISA',
      reasonCode: '10.4',
      reasonDescription: 'Other Fraud – Card Absent Environment',
      feeCents: SANDBOX_CHARGEBACK_FEE_CENTS,
    };
  return {
    id: `ret:${reference}`,
    kind: 'return',
    reference,
    reasonCode: FATES[fate],
    feeCents: SANDBOX_RETURN_FEE_CENTS,
  };
}

export class SandboxSettlement {
  constructor(private readonly ledger: SandboxLedger) {}

  async settle(req: SettlementRequest): Promise<SettlementItemOutcome[]> {
    const outcomes = req.items.map(outcomeOf);
    const owed: SandboxLedgerEntry[] = [];
    req.items.forEach((item, i) => {
      const fate = item.kind === 'Sale' && outcomes[i].settled ? fateOf(item.reference) : null;
      if (!fate) return;
      const event = eventOf(item.reference, fate);
      owed.push({ id: event.id, merchantId: req.merchantId, afterBatchId: req.batchId, event });
    });
    if (owed.length) await this.ledger.record(owed);
    return outcomes;
  }

  async networkEvents(req: { merchantId: string; batchId: string }): Promise<NetworkEvent[]> {
    return (await this.ledger.pending(req.merchantId, req.batchId)).map((e) => e.event);
  }

  acknowledge(ids: string[]): Promise<void> {
    return ids.length ? this.ledger.markDelivered(ids) : Promise.resolve();
  }

  async respondToDispute(req: { merchantId: string; reference: string; evidenceText: string }) {
    const outcome = /\bwinning\b/i.test(req.evidenceText) ? 'WON' : 'LOST';
    const id = `dispute:${req.reference}`;
    await this.ledger.record([
      {
        id,
        merchantId: req.merchantId,
        afterBatchId: null,
        event: { id, kind: 'dispute-outcome', reference: req.reference, outcome },
      },
    ]);
  }
}

/** A ledger in memory, for unit tests and for a sandbox without a database. */
export class InMemorySandboxLedger implements SandboxLedger {
  private readonly entries = new Map<string, SandboxLedgerEntry & { delivered: boolean }>();

  async record(events: SandboxLedgerEntry[]) {
    for (const e of events) if (!this.entries.has(e.id)) this.entries.set(e.id, { ...e, delivered: false });
  }

  async pending(merchantId: string, batchId: string) {
    return [...this.entries.values()].filter(
      (e) => !e.delivered && e.merchantId === merchantId && e.afterBatchId !== batchId,
    );
  }

  async markDelivered(ids: string[]) {
    for (const id of ids) {
      const e = this.entries.get(id);
      if (e) e.delivered = true;
    }
  }
}
