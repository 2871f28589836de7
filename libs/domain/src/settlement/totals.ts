/** What a settlement batch item is; Refund, Return and Chargeback take money back. */
export type SettlementItemKind = 'Sale' | 'Refund' | 'Return' | 'Chargeback' | 'ChargebackReversal';
export type SettlementTender = 'CreditCard' | 'DebitCard' | 'eCheck';

export interface SettlementItemAmounts {
  kind: SettlementItemKind;
  tender: SettlementTender;
  /** Card brand; ignored for eCheck, whose breakdown row has brand null. */
  brand: string | null;
  /** Signed: positive for Sale and ChargebackReversal, negative for Refund, Return, Chargeback. */
  amountCents: number;
  /** What the processor keeps for this item; never negative. */
  feeCents: number;
}

/** Counts and amounts per kind; the amounts taken back are magnitudes (positive). */
export interface KindTotals {
  saleCount: number;
  saleCents: number;
  refundCount: number;
  refundCents: number;
  returnCount: number;
  returnCents: number;
  chargebackCount: number;
  chargebackCents: number;
  reversalCount: number;
  reversalCents: number;
}

export interface BreakdownRow extends KindTotals {
  tender: SettlementTender;
  brand: string | null;
  feeCents: number;
  netCents: number;
}

/** A batch's totals, field for field as docs/settlement.md's settlement record has them. */
export interface BatchTotalsResult extends KindTotals {
  itemCount: number;
  grossCents: number;
  feeCents: number;
  netCents: number;
  breakdown: BreakdownRow[];
}

const TENDERS: readonly SettlementTender[] = ['CreditCard', 'DebitCard', 'eCheck'];

/** Which pair of KindTotals fields a kind adds to, and the sign its amount must have. */
const KINDS: Record<SettlementItemKind, { count: keyof KindTotals; cents: keyof KindTotals; sign: 1 | -1 }> =
  {
    Sale: { count: 'saleCount', cents: 'saleCents', sign: 1 },
    Refund: { count: 'refundCount', cents: 'refundCents', sign: -1 },
    Return: { count: 'returnCount', cents: 'returnCents', sign: -1 },
    Chargeback: { count: 'chargebackCount', cents: 'chargebackCents', sign: -1 },
    ChargebackReversal: { count: 'reversalCount', cents: 'reversalCents', sign: 1 },
  };

function emptyKinds(): KindTotals {
  return {
    saleCount: 0,
    saleCents: 0,
    refundCount: 0,
    refundCents: 0,
    returnCount: 0,
    returnCents: 0,
    chargebackCount: 0,
    chargebackCents: 0,
    reversalCount: 0,
    reversalCents: 0,
  };
}

/**
 * Money is whole cents in a JS number: exact only up to 2^53, so every input and every running
 * sum is checked rather than trusted to stay small.
 */
function safe(value: number, what: string): number {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a safe integer number of cents`);
  return value;
}

function compareRows(a: BreakdownRow, b: BreakdownRow): number {
  const byTender = TENDERS.indexOf(a.tender) - TENDERS.indexOf(b.tender);
  if (byTender !== 0) return byTender;
  if (a.brand === b.brand) return 0;
  if (a.brand === null) return 1; // an unknown brand sorts after the named ones
  if (b.brand === null) return -1;
  return a.brand < b.brand ? -1 : 1; // code-point order: the same on every machine and locale
}

/**
 * Sums a batch's items in integer cents. Totals are the sums of the breakdown rows, so the two
 * always agree, and each net is the items' signed amounts less their fees.
 */
export class BatchTotals {
  private readonly rows = new Map<string, BreakdownRow>();
  private itemCount = 0;

  add(item: SettlementItemAmounts): this {
    const kind = KINDS[item.kind];
    if (!kind) throw new RangeError(`Unknown settlement item kind ${String(item.kind)}`);
    if (!TENDERS.includes(item.tender)) throw new RangeError(`Unknown tender ${String(item.tender)}`);
    const amount = safe(item.amountCents, 'amountCents');
    const fee = safe(item.feeCents, 'feeCents');
    if (amount * kind.sign < 0)
      throw new RangeError(`A ${item.kind} amount must be ${kind.sign > 0 ? 'positive' : 'negative'}`);
    if (fee < 0) throw new RangeError('feeCents must not be negative');
    const brand = item.tender === 'eCheck' ? null : item.brand;
    const key = JSON.stringify([item.tender, brand]);
    const row = this.rows.get(key) ?? {
      tender: item.tender,
      brand,
      ...emptyKinds(),
      feeCents: 0,
      netCents: 0,
    };
    const next = { ...row };
    next[kind.count] += 1;
    next[kind.cents] = safe(row[kind.cents] + Math.abs(amount), kind.cents);
    next.feeCents = safe(row.feeCents + fee, 'feeCents');
    next.netCents = safe(row.netCents + amount - fee, 'netCents');
    this.rows.set(key, next);
    this.itemCount += 1;
    return this;
  }

  result(): BatchTotalsResult {
    const breakdown = [...this.rows.values()].map((r) => ({ ...r })).sort(compareRows);
    const totals = { ...emptyKinds(), feeCents: 0, netCents: 0 };
    for (const row of breakdown)
      for (const field of Object.keys(totals) as (keyof typeof totals)[])
        totals[field] = safe(totals[field] + row[field], field);
    const { feeCents, netCents, ...kinds } = totals;
    return {
      itemCount: this.itemCount,
      ...kinds,
      grossCents: kinds.saleCents,
      feeCents,
      netCents,
      breakdown,
    };
  }
}
