import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CredentialPrincipal, DomainError, ErrorCode } from '@conduit/domain';
import { DataKeys, IdempotencyService, type PaymentsService, parsePaymentCommand } from '@conduit/payments';
import { sendIdempotent } from '../../apps/api/src/payments-http/idempotent-send';
import { testDatabase, testRedis } from './helpers';
import { paymentsCore, practiceWithOutlet } from './payments-core';

const KEYS = `1:${Buffer.alloc(32, 9).toString('base64')}`;
const PAN = '4111111111111111';
const CVN = '737';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** No card data recoverable from the idempotency store (issue 10, item 3; decision 0019). */
describe('idempotency fingerprints (real PostgreSQL)', () => {
  let t: Awaited<ReturnType<typeof testDatabase>>;
  const redis = testRedis();
  let payments: PaymentsService;
  let idempotency: IdempotencyService;
  let principal: CredentialPrincipal;
  let merchantId: string;

  beforeAll(async () => {
    t = await testDatabase();
    const core = paymentsCore(t.uow, redis, KEYS);
    payments = core.payments;
    idempotency = new IdempotencyService(t.uow, core.dataKeys);
    ({ merchantId, principal } = await practiceWithOutlet(t.db, core.access));
  });
  afterAll(async () => {
    await t.close();
    await redis.quit();
  });

  const fields = (cvn: string) => ({
    merchantID: merchantId,
    storeID: '001',
    terminalID: '001',
    transactionType: 'CreditCard',
    transactionAction: 'Sale',
    amount: '42.00',
    cardNumber: PAN,
    cardExpiration: '12/40',
    cardVerificationNumber: cvn,
  });
  const bodyOf = (cvn: string) => new URLSearchParams(fields(cvn)).toString();

  /** An NVP request through the real idempotency wrapper, as the controller sends it. */
  async function send(key: string, body: string) {
    const req = {
      method: 'POST',
      url: '/payment/NVP.aspx',
      headers: {},
      rawBody: body,
    } as unknown as FastifyRequest;
    const answer = { status: 0, headers: {} as Record<string, string>, body: '' };
    const reply = {
      header(name: string, value: string) {
        answer.headers[name] = value;
        return reply;
      },
      status(code: number) {
        answer.status = code;
        return reply;
      },
      send(text: string) {
        answer.body = text;
        return reply;
      },
    } as unknown as FastifyReply;
    const parsed = Object.fromEntries(new URLSearchParams(body));
    await sendIdempotent(idempotency, req, reply, principal.organizationId, key, async () => {
      const result = await payments.execute(
        principal,
        parsePaymentCommand({
          channel: 'NVP',
          merchantId: parsed.merchantID,
          storeId: parsed.storeID,
          terminalId: parsed.terminalID,
          transactionType: parsed.transactionType,
          transactionAction: parsed.transactionAction,
          amount: parsed.amount,
          card: {
            cardNumber: parsed.cardNumber,
            cardExpiration: parsed.cardExpiration,
            cardVerificationNumber: parsed.cardVerificationNumber,
          },
        }),
      );
      return { status: 200, contentType: 'text/plain', body: result.transaction.transactionId };
    });
    return answer;
  }

  /** Every unkeyed digest an attacker holding the table would try for one CVN guess. */
  const guesses = (cvn: string) => {
    const body = bodyOf(cvn);
    const canonical = JSON.stringify(fields(cvn));
    return [
      sha256(body),
      sha256(`POST /payment/nvp.aspx\n${body}`),
      sha256(`POST /payment/NVP.aspx\n${body}`),
      sha256(canonical),
      sha256(`${PAN}${cvn}`),
      sha256(cvn),
    ];
  };
  const bruteForce = (stored: string) => {
    for (let n = 0; n < 1000; n++) {
      const cvn = String(n).padStart(3, '0');
      if (guesses(cvn).includes(stored)) return cvn;
    }
    return null;
  };

  it('stores a fingerprint from which 1,000 CVN guesses recover nothing', async () => {
    const first = await send('fp-sale-1', bodyOf(CVN));
    expect(first.status).toBe(200);
    const row = await t.db.idempotencyKey.findUniqueOrThrow({
      where: { organizationId_key: { organizationId: principal.organizationId, key: 'fp-sale-1' } },
    });
    expect(row.fingerprintKeyVersion).toBe(1);
    expect(row.requestFingerprint).toMatch(/^[0-9a-f]{64}$/);
    // The search itself works: against the old unkeyed digest it finds the CVN at once.
    expect(bruteForce(sha256(`POST /payment/nvp.aspx\n${bodyOf(CVN)}`))).toBe(CVN);
    expect(bruteForce(row.requestFingerprint as string)).toBeNull();
    // Nothing else in the row holds the card either.
    expect(JSON.stringify(row)).not.toContain(PAN);
  });

  it('still replays the same request and refuses a different body with 409', async () => {
    const first = await send('fp-sale-2', bodyOf(CVN));
    const again = await send('fp-sale-2', bodyOf(CVN));
    expect(again).toEqual({ ...first, headers: { ...first.headers, 'idempotent-replayed': 'true' } });
    expect(await t.db.transaction.count({ where: { patientId: null, amountCents: 4200n } })).toBe(2);
    const other = await send('fp-sale-2', bodyOf('738')).catch((e: unknown) => e);
    expect(other).toBeInstanceOf(DomainError);
    expect((other as DomainError).code).toBe(ErrorCode.CONFLICT); // 409 on every transport
  });

  it('compares a row under its own key version after the master key is rotated', async () => {
    await send('fp-sale-3', bodyOf(CVN));
    const rotated = new IdempotencyService(
      t.uow,
      new DataKeys({ vaultMasterKeys: `${KEYS},2:${Buffer.alloc(32, 10).toString('base64')}` } as never),
    );
    const fingerprint = `POST /payment/nvp.aspx\n${bodyOf(CVN)}`;
    expect((await rotated.claim(principal.organizationId, 'fp-sale-3', fingerprint)).kind).toBe('replay');
    await expect(
      rotated.claim(principal.organizationId, 'fp-sale-3', `POST /payment/nvp.aspx\n${bodyOf('000')}`),
    ).rejects.toMatchObject({ code: ErrorCode.CONFLICT });
    expect((await rotated.claim(principal.organizationId, 'fp-new', fingerprint)).kind).toBe('new');
    const fresh = await t.db.idempotencyKey.findUniqueOrThrow({
      where: { organizationId_key: { organizationId: principal.organizationId, key: 'fp-new' } },
    });
    expect(fresh.fingerprintKeyVersion).toBe(2);
  });

  /** Decision 0030: canonical forms, with the exact text of older rows still compared. */
  it('replays a key claimed under the exact text to its canonical repeat, and refuses another', async () => {
    const exact = `POST /payment/nvp.aspx\n${bodyOf(CVN)}`;
    expect((await idempotency.claim(principal.organizationId, 'fp-legacy', exact)).kind).toBe('new');
    await idempotency.complete(principal.organizationId, 'fp-legacy', {
      status: 200,
      contentType: 'text/plain',
      body: 'first',
    });
    const repeat = { canonical: `canonical/v1\nPOST /payment/nvp.aspx\nform\n${CVN}`, legacy: exact };
    expect(await idempotency.claim(principal.organizationId, 'fp-legacy', repeat)).toEqual({
      kind: 'replay',
      response: { status: 200, contentType: 'text/plain', body: 'first' },
    });
    await expect(
      idempotency.claim(principal.organizationId, 'fp-legacy', { ...repeat, legacy: `${exact}&x=1` }),
    ).rejects.toMatchObject({ code: ErrorCode.CONFLICT });
  });

  it('names the first request’s transaction in the 409 for a different one, once it is done', async () => {
    const originalOf = (stored: { body: string }) => ({ field: 'transactionID', id: stored.body });
    const org = principal.organizationId;
    expect((await idempotency.claim(org, 'fp-named', { canonical: 'a', originalOf })).kind).toBe('new');
    const inFlight = await idempotency.claim(org, 'fp-named', { canonical: 'b', originalOf }).catch((e) => e);
    expect(inFlight).toMatchObject({
      code: ErrorCode.CONFLICT,
      message: 'Idempotency-Key was already used with a different request',
      details: {},
    });
    await idempotency.complete(org, 'fp-named', { status: 200, contentType: 'text/plain', body: 'ABC123' });
    await expect(idempotency.claim(org, 'fp-named', { canonical: 'b', originalOf })).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
      message: 'Idempotency-Key was already used with a different request; it made transactionID ABC123',
      details: { transactionId: 'ABC123' },
    });
  });
});
