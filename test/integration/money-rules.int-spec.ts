import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CredentialPrincipal, DomainError, ErrorCode } from '@conduit/domain';
import { fromWireId, type PaymentsService, parsePaymentCommand } from '@conduit/payments';
import { testDatabase, testRedis } from './helpers';
import { paymentsCore, practiceWithOutlet } from './payments-core';

const KEYS = `1:${Buffer.alloc(32, 7).toString('base64')}`;

/** Money cannot leave twice (issue 10, item 4), through the real services and PostgreSQL. */
describe('secondary money rules (real PostgreSQL)', () => {
  let t: Awaited<ReturnType<typeof testDatabase>>;
  const redis = testRedis();
  let payments: PaymentsService;
  let principal: CredentialPrincipal;
  let merchantId: string;

  beforeAll(async () => {
    t = await testDatabase();
    const core = paymentsCore(t.uow, redis, KEYS);
    payments = core.payments;
    ({ merchantId, principal } = await practiceWithOutlet(t.db, core.access));
  });
  afterAll(async () => {
    await t.close();
    await redis.quit();
  });

  const request = (action: string, extra: Record<string, unknown> = {}) => ({
    channel: 'NVP' as const,
    merchantId,
    storeId: '001',
    terminalId: '001',
    transactionType: 'CreditCard',
    transactionAction: action,
    card: { cardNumber: '4111111111111111', cardExpiration: '12/40' },
    ...extra,
  });

  /** The primary row and its secondaries as the database holds them. */
  const state = async (wireId: string) => {
    const id = fromWireId(wireId, 'Transaction');
    const primary = await t.db.transaction.findUniqueOrThrow({ where: { id } });
    const secondaries = await t.db.transaction.findMany({ where: { primaryId: id } });
    return { primary, secondaries };
  };

  it('refuses the audit sequence: Sale 100.00 → SimpleRefund 60.00 → Void', async () => {
    const sale = await payments.execute(
      principal,
      parsePaymentCommand(request('Sale', { amount: '100.00' })),
    );
    const id = sale.transaction.transactionId;
    await payments.execute(
      principal,
      parsePaymentCommand(request('SimpleRefund', { primaryTransactionId: id, amount: '60.00' })),
    );
    const before = await state(id);
    const refused = await payments
      .execute(principal, parsePaymentCommand(request('Void', { primaryTransactionId: id })))
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe(ErrorCode.ILLEGAL_STATE);
    expect((refused as DomainError).message).toContain(
      'cannot be voided; refund the remaining 40.00 instead',
    );
    const after = await state(id);
    expect(after).toEqual(before);
    expect(after.primary.status).toBe('C');
    expect(Number(after.primary.refundedCents)).toBe(6000);
    expect(after.secondaries.map((s) => s.action)).toEqual(['SimpleRefund']);
  });

  type Step = { action: 'Capture' | 'Void' | 'SimpleRefund'; dollars: number | undefined };
  const step = fc.record({
    action: fc.constantFrom<Step['action']>('Capture', 'Void', 'SimpleRefund'),
    dollars: fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined }),
  });

  it('keeps the money rules over random histories of one transaction', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('Sale', 'Authorization'),
        fc.integer({ min: 1, max: 100 }),
        fc.array(step, { minLength: 1, maxLength: 6 }),
        async (first, dollars, steps) => {
          const created = await payments.execute(
            principal,
            parsePaymentCommand(request(first, { amount: `${dollars}.00` })),
          );
          const id = created.transaction.transactionId;
          for (const s of steps) {
            const before = await state(id);
            const amount = s.dollars === undefined ? {} : { amount: `${s.dollars}.00` };
            const outcome = await payments
              .execute(
                principal,
                parsePaymentCommand(request(s.action, { primaryTransactionId: id, ...amount })),
              )
              .then(
                () => 'accepted' as const,
                (e: unknown) => e,
              );
            const after = await state(id);
            if (outcome !== 'accepted') {
              expect(outcome).toBeInstanceOf(DomainError);
              expect(after).toEqual(before); // a refused move changes nothing, and writes no secondary
              continue;
            }
            const approved = after.secondaries.filter((x) => x.status !== 'D');
            const cents = (action: string) =>
              approved.filter((x) => x.action === action).reduce((sum, x) => sum + Number(x.amountCents), 0);
            const captured = cents('Capture') + (first === 'Sale' ? dollars * 100 : 0);
            const refunded = cents('SimpleRefund');
            expect(Number(after.primary.refundedCents)).toBe(refunded);
            expect(refunded).toBeLessThanOrEqual(captured);
            expect(approved.filter((x) => x.action === 'Capture').length).toBeLessThanOrEqual(1);
            if (after.primary.status === 'V') expect(refunded).toBe(0); // no refund stands beside a void
          }
        },
      ),
      { numRuns: 20 },
    );
  });
});
