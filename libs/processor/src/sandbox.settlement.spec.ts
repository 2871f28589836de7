import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SandboxProcessor } from './sandbox.processor';
import { InMemorySandboxLedger, sandboxFeeCents } from './sandbox.settlement';
import type { SettlementItemRequest } from './settlement';

const merchantId = '6011000551245';
const card = (pan: string) => ({ pan, expMonth: 12, expYear: 2030, entryMode: 'Keyed' as const });

function item(reference: string, extra: Partial<SettlementItemRequest> = {}): SettlementItemRequest {
  return {
    transactionId: reference,
    reference,
    kind: 'Sale',
    tender: 'card',
    amountCents: 2500,
    resubmission: false,
    ...extra,
  };
}

describe('sandbox fees', () => {
  it('charges cards 2.90 % + 0.30, rounded half up to the cent', () => {
    expect(sandboxFeeCents({ kind: 'Sale', tender: 'card', amountCents: 10_000 })).toBe(320);
    // 2.90 % of 0.50 is 1.45 cents: half up gives 1, plus 30.
    expect(sandboxFeeCents({ kind: 'Sale', tender: 'card', amountCents: 50 })).toBe(31);
    // 2.90 % of 1.50 is exactly 4.35 cents → 4; of 2.50 is 7.25 → 7; of 5.00 is 14.5 → 15.
    expect(sandboxFeeCents({ kind: 'Sale', tender: 'card', amountCents: 500 })).toBe(45);
    expect(sandboxFeeCents({ kind: 'Sale', tender: 'echeck', amountCents: 123_456 })).toBe(50);
    expect(sandboxFeeCents({ kind: 'Refund', tender: 'card', amountCents: 10_000 })).toBe(0);
  });

  it('equals the exact percentage rounded half up, for every amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_999_999 }), (cents) => {
        const exactTimes1000 = cents * 29; // the fee in thousandths of a cent, exactly
        const rounded = Math.floor(exactTimes1000 / 1000) + (exactTimes1000 % 1000 >= 500 ? 1 : 0);
        expect(sandboxFeeCents({ kind: 'Sale', tender: 'card', amountCents: cents })).toBe(rounded + 30);
      }),
    );
  });
});

describe('sandbox settlement', () => {
  it('rejects a card sale ending in .13 once, then settles it', async () => {
    const sandbox = new SandboxProcessor();
    const [first] = await sandbox.settle({
      merchantId,
      batchId: 'B1',
      items: [item('r1', { amountCents: 1013 })],
    });
    expect(first).toMatchObject({ settled: false, feeCents: 0 });
    const [again] = await sandbox.settle({
      merchantId,
      batchId: 'B2',
      items: [item('r1', { amountCents: 1013, resubmission: true })],
    });
    expect(again).toMatchObject({
      settled: true,
      feeCents: sandboxFeeCents({ kind: 'Sale', tender: 'card', amountCents: 1013 }),
    });
    const [echeck] = await sandbox.settle({
      merchantId,
      batchId: 'B1',
      items: [item('r2', { amountCents: 1013, tender: 'echeck' })],
    });
    expect(echeck.settled).toBe(true);
  });

  it('owes a 10.4 chargeback for card 4000000000000259 at the close after the one that settled it', async () => {
    const sandbox = new SandboxProcessor({ ledger: new InMemorySandboxLedger() });
    const sale = await sandbox.authorize({
      merchantId,
      card: card('4000000000000259'),
      amountCents: 4000,
      allowPartial: false,
      capture: true,
    });
    const plain = await sandbox.authorize({
      merchantId,
      card: card('4111111111111111'),
      amountCents: 4000,
      allowPartial: false,
      capture: true,
    });
    await sandbox.settle({ merchantId, batchId: 'B1', items: [item(sale.reference), item(plain.reference)] });
    // Replaying the page under the same batch owes nothing more.
    await sandbox.settle({ merchantId, batchId: 'B1', items: [item(sale.reference)] });
    expect(await sandbox.networkEvents({ merchantId, batchId: 'B1' })).toEqual([]);
    const events = await sandbox.networkEvents({ merchantId, batchId: 'B2' });
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'chargeback',
        reference: sale.reference,
        reasonCode: '10.4',
        network: 'VISA',
        feeCents: 1500,
      }),
    ]);
    expect(await sandbox.networkEvents({ merchantId: '6011000551246', batchId: 'B2' })).toEqual([]);
    await sandbox.acknowledgeNetworkEvents(events.map((e) => e.id));
    expect(await sandbox.networkEvents({ merchantId, batchId: 'B3' })).toEqual([]);
  });

  it('returns eCheck accounts 000000000 (R01) and 000000002 (R02) after settlement', async () => {
    const sandbox = new SandboxProcessor();
    const debit = (accountNumber: string) =>
      sandbox.debitECheck({ merchantId, routingNumber: '011000015', accountNumber, amountCents: 2500 });
    const [r01, r02, ok] = await Promise.all([debit('000000000'), debit('000000002'), debit('123456789')]);
    await sandbox.settle({
      merchantId,
      batchId: 'B1',
      items: [r01, r02, ok].map((o) => item(o.reference, { tender: 'echeck' })),
    });
    const events = await sandbox.networkEvents({ merchantId, batchId: 'B2' });
    expect(events.map((e) => [e.kind, e.reference, e.kind === 'return' ? e.reasonCode : null])).toEqual([
      ['return', r01.reference, 'R01'],
      ['return', r02.reference, 'R02'],
    ]);
  });

  it('decides a dispute by whether the evidence says "winning"', async () => {
    const sandbox = new SandboxProcessor();
    await sandbox.respondToDispute({
      merchantId,
      reference: 'a',
      evidenceText: 'Signed receipt; a winning case',
    });
    await sandbox.respondToDispute({ merchantId, reference: 'b', evidenceText: 'We think we win' });
    const outcomes = await sandbox.networkEvents({ merchantId, batchId: 'B9' });
    expect(outcomes.map((e) => (e.kind === 'dispute-outcome' ? [e.reference, e.outcome] : null))).toEqual([
      ['a', 'WON'],
      ['b', 'LOST'],
    ]);
  });
});
