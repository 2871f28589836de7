import { describe, expect, it } from 'vitest';
import { as, call } from './client';
import { basic, CARDS, FUTURE, LAKESIDE_OUTLET, nvp } from './payments-client';

/** Decision 0013 over NVP: failures from one address lock that address, not the owner elsewhere. */
describe('sign-in lockouts per address (NVP, X-Forwarded-For through a trusted local proxy)', () => {
  it('locks 11 wrong passwords for an Account ID out from their address only; the owner elsewhere gets in', async () => {
    const cred = await call<{ identifier: string; secret: string }>('POST', '/admin/api/credentials', {
      token: await as.lakesideAdmin(),
      body: { kind: 'ACCOUNT', name: `lockout-${Date.now()}` },
    });
    expect(cred.status).toBe(201);
    const sale = (password: string, from: string) =>
      nvp(
        {
          ...LAKESIDE_OUTLET,
          transactionType: 'CreditCard',
          transactionAction: 'Sale',
          amount: '1.00',
          cardNumber: CARDS.visa,
          cardExpiration: FUTURE,
        },
        { auth: basic(cred.body.identifier, password), headers: { 'x-forwarded-for': from } },
      );

    const attacker = '198.51.100.10';
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await sale('guess', attacker)).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]); // LOGIN_MAX_FAILURES_PER_ACCOUNT=5 here
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
    // The right password from the guessing address is refused too: the pair is locked…
    expect((await sale(cred.body.secret, attacker)).status).toBe(429);
    // …but the owner, from their own address, is not locked out (at most slowed down).
    const owner = await sale(cred.body.secret, '192.0.2.20');
    expect(owner.status).toBe(200);
    expect(owner.fields.responseCode).toBe('000');
  });
});
