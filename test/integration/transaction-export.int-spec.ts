import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, Role } from '@conduit/domain';
import { EXPORT_PAGE_SIZE, TransactionsReviewService, parsePaymentCommand } from '@conduit/payments';
import { actor, makeMerchant, makeOrganization } from '@conduit/testing';
import { TEST_MASTER_KEYS, testDatabase, testRedis } from './helpers';
import { paymentsCore, practiceWithOutlet } from './payments-core';

const ROWS = 2 * EXPORT_PAGE_SIZE + 345;

async function collect(lines: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

const wireId = (uuid: string) => uuid.replace(/-/g, '').toUpperCase();

/**
 * The transaction CSV streams in keyset pages: every matching row exactly once, newest first,
 * across page boundaries that split runs of equal timestamps, with text defused and money plain.
 */
describe('transaction CSV export (real PostgreSQL)', () => {
  let t: Awaited<ReturnType<typeof testDatabase>>;
  const redis = testRedis();
  let review: TransactionsReviewService;
  let organizationId: string;

  beforeAll(async () => {
    t = await testDatabase();
    const core = paymentsCore(t.uow, redis, TEST_MASTER_KEYS);
    const { merchantId, principal } = await practiceWithOutlet(t.db, core.access);
    organizationId = principal.organizationId;
    review = new TransactionsReviewService(t.uow);
    const merchant = await t.db.merchant.findFirstOrThrow({ where: { merchantId } });
    const outlet = await t.db.outlet.findFirstOrThrow({ where: { merchantRef: merchant.id } });
    // Bulk rows, seven to a millisecond: ties (equal to the microsecond, ordered by id) and
    // microsecond steps inside one millisecond, which a JavaScript Date cannot hold.
    await t.db.$executeRaw`
      INSERT INTO transactions (id, organization_id, merchant_ref, outlet_ref, channel, action, tender,
        status, response_code, response_message, request_cents, amount_cents, refunded_cents,
        patient_id, patient_first_name, patient_last_name, created_at, updated_at)
      SELECT gen_random_uuid(), ${organizationId}::uuid, ${merchant.id}::uuid, ${outlet.id}::uuid,
        'NVP', 'Sale', 'CreditCard', CASE WHEN g % 10 = 0 THEN 'D' ELSE 'C' END, '000', 'Approved',
        1000 + g, 1000 + g, CASE WHEN g % 5 = 0 THEN 100 ELSE 0 END, 'P' || g, 'Pat', 'Row ' || g,
        ts, ts
      FROM generate_series(1, ${ROWS + Math.ceil(ROWS / 9)}::int) AS g,
        LATERAL (SELECT timestamptz '2026-06-01T12:00:00Z' - (g / 7) * interval '1 millisecond'
          + (ARRAY[0, 0, 0, 1, 500, 500, 999])[g % 7 + 1] * interval '1 microsecond' AS ts) AS x`;
    // A patient whose name a spreadsheet would run, and one with a comma and quotes.
    await t.db.$executeRaw`
      UPDATE transactions SET patient_first_name = '=HYPERLINK("http://evil.example")',
        patient_last_name = '@SUM(A1)', patient_id = '-2+3', request_cents = 123450, amount_cents = 123450
      WHERE patient_id = 'P1501'`;
    await t.db.$executeRaw`
      UPDATE transactions SET patient_last_name = 'O"Hara, Jr' WHERE patient_id = 'P77'`;
    // Two real payments through the core (millisecond timestamps, now) and another practice's rows.
    for (const amount of ['10.00', '12.34'])
      await core.payments.execute(
        principal,
        parsePaymentCommand({
          channel: 'NVP' as const,
          merchantId,
          storeId: '001',
          terminalId: '001',
          transactionType: 'CreditCard',
          transactionAction: 'Sale',
          amount,
          card: { cardNumber: '4111111111111111', cardExpiration: '12/40' },
          patient: { patientId: 'REAL' },
        }),
      );
    const other = await makeOrganization(t.db);
    const otherMerchant = await makeMerchant(t.db, other.id);
    const otherOutlet = await t.db.outlet.create({
      data: { organizationId: other.id, merchantRef: otherMerchant.id, storeId: '001', terminalId: '001' },
    });
    await t.db.$executeRaw`
      INSERT INTO transactions (id, organization_id, merchant_ref, outlet_ref, channel, action, tender,
        status, response_code, response_message, request_cents, amount_cents, created_at, updated_at)
      SELECT gen_random_uuid(), ${other.id}::uuid, ${otherMerchant.id}::uuid, ${otherOutlet.id}::uuid,
        'NVP', 'Sale', 'CreditCard', 'C', '000', 'Approved', 500, 500,
        timestamptz '2026-06-01T12:00:00Z' - g * interval '10 milliseconds',
        timestamptz '2026-06-01T12:00:00Z'
      FROM generate_series(1, 50) AS g`;
  }, 120_000);

  afterAll(async () => {
    await t.close();
    await redis.quit();
  });

  it('streams every matching row exactly once, newest first, across more than two pages', async () => {
    const expected = await t.db.$queryRaw<{ id: string }[]>`
      SELECT id::text FROM transactions WHERE organization_id = ${organizationId}::uuid AND status = 'C'
      ORDER BY created_at DESC, id DESC`;
    expect(expected.length).toBeGreaterThan(2 * EXPORT_PAGE_SIZE);

    const lines = await collect(await review.csv(actor(Role.FINANCE, organizationId), { status: 'C' }));
    expect(lines[0]).toBe(
      'createdAt,transactionId,merchantId,storeId,terminalId,action,tender,status,responseCode,' +
        'responseMessage,amount,requestAmount,refundedAmount,authorizationNumber,cardBrand,cardBin,' +
        'cardLast4,routingNumber,accountLast4,patientId,patientAccountNumber,patientFirstName,' +
        'patientLastName,primaryTransactionId,paymentPlanId,installmentSequenceNumber,installmentCount\r\n',
    );
    for (const line of lines) expect(line.endsWith('\r\n')).toBe(true);
    // createdAt and transactionId never need quoting, so the first two cells split plainly.
    const ids = lines.slice(1).map((line) => line.split(',')[1]);
    expect(ids).toEqual(expected.map((r) => wireId(r.id)));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("loses no row when a page's last row stops matching the filter before the next page", async () => {
    const expected = await t.db.$queryRaw<{ id: string }[]>`
      SELECT id::text FROM transactions WHERE organization_id = ${organizationId}::uuid AND status = 'C'
      ORDER BY created_at DESC, id DESC`;
    const ids: string[] = [];
    const lines = await review.csv(actor(Role.FINANCE, organizationId), { status: 'C' });
    for await (const line of lines) {
      ids.push(line.split(',')[1]);
      // Header + one page read: the next page is read only when the stream is pulled again.
      if (ids.length === EXPORT_PAGE_SIZE + 1)
        await t.db.transaction.update({
          where: { id: expected[EXPORT_PAGE_SIZE - 1].id },
          data: { status: 'V' },
        });
    }
    expect(ids.slice(1)).toEqual(expected.map((r) => wireId(r.id)));
    await t.db.transaction.update({
      where: { id: expected[EXPORT_PAGE_SIZE - 1].id },
      data: { status: 'C' },
    });
  });

  it('defuses formula text and writes money as plain decimals', async () => {
    const lines = await collect(await review.csv(actor(Role.FINANCE, organizationId), {}));
    const evil = lines.find((l) => l.includes('HYPERLINK'));
    expect(evil).toMatch(
      /,Sale,CreditCard,C,000,Approved,1234\.50,1234\.50,0\.00,,,,,,,'-2\+3,,"'=HYPERLINK\(""http:\/\/evil\.example""\)",'@SUM\(A1\),,,,\r\n$/,
    );
    expect(lines.find((l) => l.includes(',P77,'))).toMatch(
      /,10\.77,10\.77,0\.00,.*,P77,,Pat,"O""Hara, Jr",,,,\r\n$/,
    );
    expect(lines.find((l) => l.includes(',P5,'))).toMatch(/,10\.05,10\.05,1\.00,/);
    const real = lines.filter((l) => l.includes(',REAL,'));
    expect(real.map((l) => l.match(/,APPROVED,([^,]+),/)?.[1]).sort()).toEqual(['10.00', '12.34']);
    for (const l of real) expect(l).not.toContain('4111111111111111');
  });

  it('shows another practice none of these rows, and refuses a bad filter before streaming', async () => {
    const other = await makeOrganization(t.db);
    expect(await collect(await review.csv(actor(Role.FINANCE, other.id), {}))).toHaveLength(1);
    await expect(
      review.csv(actor(Role.FINANCE, organizationId), { amount_gte: 'lots' }),
    ).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
    });
  });

  it("fails the stream, rather than ending it early, if a page's last row vanishes", async () => {
    const last = await t.db.$queryRaw<{ id: string }[]>`
      SELECT id::text FROM transactions WHERE organization_id = ${organizationId}::uuid
      ORDER BY created_at DESC, id DESC OFFSET ${EXPORT_PAGE_SIZE - 1}::int LIMIT 1`;
    const read = async () => {
      let n = 0;
      for await (const _line of await review.csv(actor(Role.FINANCE, organizationId), {}))
        if (++n === EXPORT_PAGE_SIZE + 1) await t.db.transaction.delete({ where: { id: last[0].id } });
    };
    await expect(read()).rejects.toThrow(/no longer exists/);
  });
});
