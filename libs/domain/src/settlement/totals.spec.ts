import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BatchTotals, type SettlementItemAmounts, type SettlementItemKind } from './totals';

const sale = (amountCents: number, feeCents: number, brand = 'Visa'): SettlementItemAmounts => ({
  kind: 'Sale',
  tender: 'CreditCard',
  brand,
  amountCents,
  feeCents,
});

describe('BatchTotals', () => {
  it('is all zeros with no breakdown when empty', () => {
    expect(new BatchTotals().result()).toEqual({
      itemCount: 0,
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
      grossCents: 0,
      feeCents: 0,
      netCents: 0,
      breakdown: [],
    });
  });

  it('reports money taken back as magnitudes, nets the signed amounts less fees', () => {
    const totals = new BatchTotals()
      .add(sale(10_000, 320))
      .add(sale(2_513, 103, 'Mastercard'))
      .add({ kind: 'Refund', tender: 'CreditCard', brand: 'Visa', amountCents: -2_500, feeCents: 0 })
      .add({ kind: 'Chargeback', tender: 'CreditCard', brand: 'Visa', amountCents: -5_000, feeCents: 1_500 })
      .add({
        kind: 'ChargebackReversal',
        tender: 'CreditCard',
        brand: 'Visa',
        amountCents: 5_000,
        feeCents: 0,
      })
      .add({ kind: 'Sale', tender: 'eCheck', brand: 'ignored', amountCents: 7_000, feeCents: 50 })
      .add({ kind: 'Return', tender: 'eCheck', brand: null, amountCents: -7_000, feeCents: 500 })
      .add({ kind: 'Sale', tender: 'DebitCard', brand: null, amountCents: 1_000, feeCents: 59 })
      .result();
    expect(totals).toMatchObject({
      itemCount: 8,
      saleCount: 4,
      saleCents: 20_513,
      refundCount: 1,
      refundCents: 2_500,
      returnCount: 1,
      returnCents: 7_000,
      chargebackCount: 1,
      chargebackCents: 5_000,
      reversalCount: 1,
      reversalCents: 5_000,
      grossCents: 20_513,
      feeCents: 2_532,
      netCents: 20_513 - 2_500 - 7_000 - 5_000 + 5_000 - 2_532,
    });
    expect(totals.breakdown.map((r) => [r.tender, r.brand, r.saleCount, r.feeCents, r.netCents])).toEqual([
      ['CreditCard', 'Mastercard', 1, 103, 2_410],
      ['CreditCard', 'Visa', 1, 1_820, 10_000 - 2_500 - 5_000 + 5_000 - 1_820],
      ['DebitCard', null, 1, 59, 941],
      ['eCheck', null, 1, 550, -550],
    ]);
    expect(Object.keys(totals.breakdown[0])).toEqual([
      'tender',
      'brand',
      'saleCount',
      'saleCents',
      'refundCount',
      'refundCents',
      'returnCount',
      'returnCents',
      'chargebackCount',
      'chargebackCents',
      'reversalCount',
      'reversalCents',
      'feeCents',
      'netCents',
    ]);
  });

  it('sorts a card without a brand after the named brands of its tender', () => {
    const { breakdown } = new BatchTotals()
      .add(sale(100, 0, null as never))
      .add(sale(100, 0, 'Amex'))
      .result();
    expect(breakdown.map((r) => r.brand)).toEqual(['Amex', null]);
  });

  it.each([
    ['a fraction of a cent', sale(10.5, 0)],
    ['a fee in fractions', sale(1_000, 0.3)],
    ['an unsafe integer', sale(2 ** 53, 0)],
    ['NaN', sale(Number.NaN, 0)],
    ['a negative sale', sale(-100, 0)],
    ['a positive refund', { ...sale(100, 0), kind: 'Refund' as SettlementItemKind }],
    ['a negative fee', sale(100, -1)],
    ['an unknown kind', { ...sale(100, 0), kind: 'Void' as SettlementItemKind }],
    ['an unknown tender', { ...sale(100, 0), tender: 'Cash' as never }],
  ])('refuses %s', (_what, item) => {
    expect(() => new BatchTotals().add(item)).toThrow(RangeError);
  });

  it('refuses a sum that would leave the safe integers rather than lose cents', () => {
    const totals = new BatchTotals().add(sale(Number.MAX_SAFE_INTEGER, 0));
    expect(() => totals.add(sale(1, 0))).toThrow(RangeError);
  });

  const SIGN: Record<SettlementItemKind, 1 | -1> = {
    Sale: 1,
    Refund: -1,
    Return: -1,
    Chargeback: -1,
    ChargebackReversal: 1,
  };
  const item = fc
    .record({
      kind: fc.constantFrom<SettlementItemKind>(
        'Sale',
        'Refund',
        'Return',
        'Chargeback',
        'ChargebackReversal',
      ),
      tender: fc.constantFrom('CreditCard' as const, 'DebitCard' as const, 'eCheck' as const),
      brand: fc.constantFrom('Visa', 'Mastercard', 'Amex', 'Discover', null),
      magnitude: fc.integer({ min: 0, max: 9_999_999_999 }),
      feeCents: fc.integer({ min: 0, max: 100_000 }),
    })
    .map(({ magnitude, ...rest }) => ({ ...rest, amountCents: SIGN[rest.kind] * magnitude }));

  it('always nets to the signed amounts less the fees, and its breakdown sums to its totals', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 60 }), (items) => {
        const totals = new BatchTotals();
        for (const i of items) totals.add(i);
        const r = totals.result();
        const signed = items.reduce((s, i) => s + i.amountCents, 0);
        const fees = items.reduce((s, i) => s + i.feeCents, 0);
        expect(r.netCents).toBe(signed - fees);
        expect(r.feeCents).toBe(fees);
        expect(r.itemCount).toBe(items.length);
        const of = (k: SettlementItemKind) => items.filter((i) => i.kind === k);
        expect(r.grossCents).toBe(of('Sale').reduce((s, i) => s + i.amountCents, 0));
        expect(r.refundCents).toBe(0 - of('Refund').reduce((s, i) => s + i.amountCents, 0));
        expect(r.chargebackCount).toBe(of('Chargeback').length);
        const fields = [
          'saleCount',
          'saleCents',
          'refundCount',
          'refundCents',
          'returnCount',
          'returnCents',
          'chargebackCount',
          'chargebackCents',
          'reversalCount',
          'reversalCents',
          'feeCents',
          'netCents',
        ] as const;
        for (const f of fields) expect(r.breakdown.reduce((s, row) => s + row[f], 0)).toBe(r[f]);
        const counted = r.saleCount + r.refundCount + r.returnCount + r.chargebackCount + r.reversalCount;
        expect(counted).toBe(r.itemCount);
        for (const row of r.breakdown) if (row.tender === 'eCheck') expect(row.brand).toBeNull();
        const keys = r.breakdown.map((row) => `${row.tender}/${row.brand}`);
        expect(new Set(keys).size).toBe(keys.length);
      }),
    );
  });
});
