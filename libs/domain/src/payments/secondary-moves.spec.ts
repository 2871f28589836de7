import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError, ErrorCode } from '../errors/domain-error';
import { TransactionAction as A } from './actions';
import { REFUND_WINDOW_MS } from './refunds';
import { planSecondary, type PrimaryMoney, type SecondaryAction } from './secondary-moves';
import { TransactionStatus as S } from './status';

const start = new Date('2026-03-01T12:00:00Z');

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

const sale = (cents: number): PrimaryMoney => ({
  status: S.Captured,
  tender: 'card',
  amountCents: cents,
  refundedCents: 0,
  capturedAt: start,
});

describe('planSecondary: the audit sequence', () => {
  it('refuses to void a sale that was partly refunded (Sale 100 → SimpleRefund 60 → Void)', () => {
    const refund = planSecondary(sale(10_000), A.SimpleRefund, 6_000, start);
    expect(refund.next.refundedCents).toBe(6_000);
    const e = refusal(() => planSecondary(refund.next, A.Void, undefined, start));
    expect(e.code).toBe(ErrorCode.ILLEGAL_STATE);
    expect(e.message).toBe(
      'Transaction has been partly refunded (60.00) and cannot be voided; refund the remaining 40.00 instead',
    );
  });

  it('refuses to void a fully refunded sale, and to refund a voided one', () => {
    const refunded = planSecondary(sale(10_000), A.SimpleRefund, undefined, start).next;
    expect(refusal(() => planSecondary(refunded, A.Void, undefined, start)).message).toBe(
      'Transaction has been fully refunded (100.00) and cannot be voided',
    );
    const voided = planSecondary(sale(10_000), A.Void, undefined, start).next;
    expect(refusal(() => planSecondary(voided, A.SimpleRefund, 100, start)).message).toBe(
      'Transaction is voided',
    );
  });

  it('refuses a second capture, a capture after a void and a void of a settled sale', () => {
    const auth: PrimaryMoney = { ...sale(5_000), status: S.Authorized, capturedAt: null };
    const captured = planSecondary(auth, A.Capture, 4_000, start).next;
    expect(captured).toMatchObject({ status: S.Captured, amountCents: 4_000 });
    expect(refusal(() => planSecondary(captured, A.Capture, 1_000, start)).code).toBe(
      ErrorCode.ILLEGAL_STATE,
    );
    const voided = planSecondary(auth, A.Void, undefined, start).next;
    expect(refusal(() => planSecondary(voided, A.Capture, undefined, start)).message).toBe(
      'Transaction is voided',
    );
    expect(
      refusal(() => planSecondary({ ...sale(100), status: S.Settled }, A.Void, undefined, start)).message,
    ).toBe('Transaction is settled and cannot be voided; refund it with SimpleRefund instead');
  });
});

/** One step of a random history: a secondary request, the day's settlement, or time passing. */
type Step =
  | { kind: 'secondary'; action: SecondaryAction; cents: number | undefined }
  | { kind: 'settle' }
  | { kind: 'wait'; ms: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('secondary' as const),
      action: fc.constantFrom<SecondaryAction>(A.Capture, A.Void, A.SimpleRefund),
      cents: fc.option(fc.integer({ min: -5, max: 25_000 }), { nil: undefined }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'settle' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('wait' as const),
      ms: fc.constantFrom(60_000, 30 * 86_400_000, REFUND_WINDOW_MS),
    }),
  },
);

const history = fc.record({
  first: fc.constantFrom('Sale', 'Authorization'),
  tender: fc.constantFrom<'card' | 'echeck'>('card', 'echeck'),
  cents: fc.integer({ min: 1, max: 20_000 }),
  steps: fc.array(step, { maxLength: 12 }),
});

describe('planSecondary: properties over random histories of one transaction', () => {
  it('never refunds more than was captured; a void moves no money; a refusal changes nothing', () => {
    fc.assert(
      fc.property(history, ({ first, tender, cents, steps }) => {
        const authorization = first === 'Authorization' && tender === 'card';
        let now = start;
        let primary: PrimaryMoney = {
          status: authorization ? S.Authorized : S.Captured,
          tender,
          amountCents: cents,
          refundedCents: 0,
          capturedAt: authorization ? null : start,
        };
        // The money ledger, kept independently of the model: what moved toward and back from the patient.
        let captured = authorization ? 0 : cents;
        let refunded = 0;
        let reversed = 0;
        let captures = 0;
        for (const s of steps) {
          if (s.kind === 'wait') {
            now = new Date(now.getTime() + s.ms);
            continue;
          }
          if (s.kind === 'settle') {
            if (primary.status === S.Captured) primary = { ...primary, status: S.Settled };
            continue;
          }
          const before = structuredClone(primary);
          let plan;
          try {
            plan = planSecondary(primary, s.action, s.cents, now);
          } catch (e) {
            expect(e).toBeInstanceOf(DomainError);
            expect([ErrorCode.ILLEGAL_STATE, ErrorCode.VALIDATION_FAILED]).toContain((e as DomainError).code);
            expect(primary).toEqual(before); // refused: nothing changed
            continue;
          }
          expect(plan.amountCents).toBeGreaterThan(0);
          if (s.action === A.Capture) {
            captured += plan.amountCents;
            captures += 1;
          } else if (s.action === A.SimpleRefund) refunded += plan.amountCents;
          else reversed = captured;
          primary = plan.next;

          expect(captures).toBeLessThanOrEqual(1);
          expect(refunded).toBeLessThanOrEqual(captured);
          expect(primary.refundedCents).toBe(refunded);
          if (primary.status === S.Voided) {
            expect(refunded).toBe(0); // no refund stands beside a void
            expect(captured - reversed).toBe(0); // the void took back everything captured
          }
        }
      }),
      { numRuns: 2_000 },
    );
  });
});
