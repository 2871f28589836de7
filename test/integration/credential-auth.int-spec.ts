import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '@conduit/domain';
import { hashSecret } from '@conduit/crypto';
import { CredentialAuthService } from '@conduit/tenancy';
import { makeCredential, makeMerchant, makeOrganization } from '@conduit/testing';
import { testDatabase, testRedis, testThrottle } from './helpers';

describe('credential authentication (real PostgreSQL and Redis)', () => {
  let t: Awaited<ReturnType<typeof testDatabase>>;
  const redis = testRedis();
  let auth: CredentialAuthService;

  beforeAll(async () => {
    t = await testDatabase();
    auth = new CredentialAuthService(t.uow, testThrottle(redis));
  });
  afterAll(async () => {
    await t.close();
    await redis.quit();
  });

  const refusals = (organizationId: string) =>
    t.db.auditLogEntry.findMany({ where: { organizationId, action: 'credential.refused' } });

  it('authenticates an account credential and names its organization', async () => {
    const org = await makeOrganization(t.db);
    const cred = await makeCredential(t.db, org.id, 'ACCOUNT', 'pw-1');
    const p = await auth.authenticate('ACCOUNT', cred.identifier, 'pw-1', '192.0.2.1');
    expect(p).toMatchObject({
      credentialId: cred.id,
      organizationId: org.id,
      kind: 'ACCOUNT',
      merchantIds: [],
    });
  });

  it('refuses a wrong secret, a key of the other kind and a disabled credential, and audits each', async () => {
    const org = await makeOrganization(t.db);
    const cred = await makeCredential(t.db, org.id, 'API_KEY', 'sk-1');
    await expect(auth.authenticate('API_KEY', cred.identifier, 'sk-2', null)).rejects.toMatchObject({
      code: ErrorCode.UNAUTHENTICATED,
    });
    await expect(auth.authenticate('ACCOUNT', cred.identifier, 'sk-1', null)).rejects.toMatchObject({
      code: ErrorCode.UNAUTHENTICATED,
      message: 'Invalid AccountID or Password.',
    });
    await t.db.apiCredential.update({ where: { id: cred.id }, data: { enabled: false } });
    await expect(auth.authenticate('API_KEY', cred.identifier, 'sk-1', null)).rejects.toMatchObject({
      code: ErrorCode.UNAUTHENTICATED,
    });
    const reasons = (await refusals(org.id)).map((r) => (r.changes as { reason: string }).reason);
    expect(reasons).toEqual(expect.arrayContaining(['wrong secret', 'credential disabled']));
  });

  it('refuses an address outside the organization allowlist (IPv4 and IPv6) after authenticating', async () => {
    const org = await makeOrganization(t.db, 'PRACTICE', ['10.0.0.0/8', '2001:db8::/32']);
    const cred = await makeCredential(t.db, org.id, 'ACCOUNT', 'pw');
    await expect(auth.authenticate('ACCOUNT', cred.identifier, 'pw', '10.1.1.1')).resolves.toBeTruthy();
    await expect(auth.authenticate('ACCOUNT', cred.identifier, 'pw', '2001:db8::9')).resolves.toBeTruthy();
    await expect(auth.authenticate('ACCOUNT', cred.identifier, 'pw', '192.0.2.55')).rejects.toMatchObject({
      code: ErrorCode.IP_NOT_ALLOWED,
    });
    await expect(auth.authenticate('ACCOUNT', cred.identifier, 'pw', '2001:db9::1')).rejects.toMatchObject({
      code: ErrorCode.IP_NOT_ALLOWED,
    });
    const refused = await refusals(org.id);
    expect(refused.map((r) => r.ip)).toEqual(expect.arrayContaining(['192.0.2.55', '2001:db9::1']));
  });

  it('accepts the previous secret during a rotation grace period only', async () => {
    const org = await makeOrganization(t.db);
    const cred = await makeCredential(t.db, org.id, 'API_KEY', 'old');
    await t.db.apiCredential.update({
      where: { id: cred.id },
      data: {
        secretHash: await hashSecret('new'),
        previousSecretHash: cred.secretHash,
        previousSecretValidUntil: new Date(Date.now() + 60_000),
      },
    });
    await expect(auth.authenticate('API_KEY', cred.identifier, 'old', null)).resolves.toBeTruthy();
    await expect(auth.authenticate('API_KEY', cred.identifier, 'new', null)).resolves.toBeTruthy();
    await t.db.apiCredential.update({
      where: { id: cred.id },
      data: { previousSecretValidUntil: new Date(Date.now() - 1) },
    });
    await expect(auth.authenticate('API_KEY', cred.identifier, 'old', null)).rejects.toMatchObject({
      code: ErrorCode.UNAUTHENTICATED,
    });
  });

  it('locks a credential out after repeated failures', async () => {
    const org = await makeOrganization(t.db);
    const cred = await makeCredential(t.db, org.id, 'ACCOUNT', 'right');
    for (let i = 0; i < 6; i++)
      await auth.authenticate('ACCOUNT', cred.identifier, 'wrong', null).catch(() => undefined);
    await expect(auth.authenticate('ACCOUNT', cred.identifier, 'right', null)).rejects.toMatchObject({
      code: ErrorCode.LOCKED_OUT,
    });
  });

  it('does not lock the owner out from another address after 11 wrong secrets from one', async () => {
    const org = await makeOrganization(t.db);
    const cred = await makeCredential(t.db, org.id, 'ACCOUNT', 'right');
    const throttled = new CredentialAuthService(
      t.uow,
      testThrottle(redis, { maxFailuresPerAccountAddress: 10, slowdownAfter: 3, maxDelayMs: 50 }),
    );
    for (let i = 0; i < 11; i++)
      await throttled.authenticate('ACCOUNT', cred.identifier, 'wrong', '198.51.100.66').catch(() => 0);
    await expect(
      throttled.authenticate('ACCOUNT', cred.identifier, 'right', '198.51.100.66'),
    ).rejects.toMatchObject({ code: ErrorCode.LOCKED_OUT });
    await expect(
      throttled.authenticate('ACCOUNT', cred.identifier, 'right', '192.0.2.77'),
    ).resolves.toMatchObject({ credentialId: cred.id });
  });

  it('lets a burst of 40 concurrent calls with the right secret through, as one counted attempt', async () => {
    const org = await makeOrganization(t.db);
    const cred = await makeCredential(t.db, org.id, 'ACCOUNT', 'right');
    const throttled = new CredentialAuthService(
      t.uow,
      testThrottle(redis, { maxFailuresPerAccountAddress: 10, slowdownAfter: 3, maxDelayMs: 50 }),
    );
    const answers = await Promise.allSettled(
      Array.from({ length: 40 }, () =>
        throttled.authenticate('ACCOUNT', cred.identifier, 'right', '203.0.113.9'),
      ),
    );
    expect(answers.filter((a) => a.status === 'fulfilled')).toHaveLength(40);
    // 40 copies of one wrong guess are one guess, not a lockout of the address.
    const guesses = await Promise.allSettled(
      Array.from({ length: 40 }, () =>
        throttled.authenticate('ACCOUNT', cred.identifier, 'wrong', '203.0.113.10'),
      ),
    );
    expect(guesses.every((g) => g.status === 'rejected')).toBe(true);
    await expect(
      throttled.authenticate('ACCOUNT', cred.identifier, 'right', '203.0.113.10'),
    ).resolves.toMatchObject({ credentialId: cred.id });
  });

  it('never locks an address on the organization allowlist for other accounts failures', async () => {
    const org = await makeOrganization(t.db, 'PRACTICE', ['10.20.0.0/16']);
    const cred = await makeCredential(t.db, org.id, 'ACCOUNT', 'right');
    const throttled = new CredentialAuthService(t.uow, testThrottle(redis, { maxFailuresPerIp: 5 }));
    for (let i = 0; i < 8; i++)
      await throttled.authenticate('ACCOUNT', `nobody-${i}@x`, 'guess', '10.20.3.4').catch(() => 0);
    await expect(
      throttled.authenticate('ACCOUNT', cred.identifier, 'right', '10.20.3.4'),
    ).resolves.toBeTruthy();
    // The same failures lock an address that no allowlist names, for every account.
    const open = await makeCredential(t.db, (await makeOrganization(t.db)).id, 'ACCOUNT', 'right');
    for (let i = 0; i < 5; i++)
      await throttled.authenticate('ACCOUNT', `nobody-${i}@x`, 'guess', '192.0.2.200').catch(() => 0);
    await expect(
      throttled.authenticate('ACCOUNT', open.identifier, 'right', '192.0.2.200'),
    ).rejects.toMatchObject({ code: ErrorCode.LOCKED_OUT });
  });

  describe('merchant access', () => {
    it('answers unknown and other tenants merchants alike, and applies restrictions, allowlists and suspension', async () => {
      const [mine, theirs, partnerOrg] = [
        await makeOrganization(t.db),
        await makeOrganization(t.db),
        await makeOrganization(t.db, 'PARTNER'),
      ];
      const m1 = await makeMerchant(t.db, mine.id);
      const m2 = await makeMerchant(t.db, mine.id, { ipAllowlist: ['192.0.2.0/24'] });
      const other = await makeMerchant(t.db, theirs.id);
      const cred = await makeCredential(t.db, mine.id, 'ACCOUNT', 'pw');
      const p = await auth.authenticate('ACCOUNT', cred.identifier, 'pw', '198.51.100.1');
      await expect(auth.merchantFor(p, m1.merchantId, 'payments')).resolves.toMatchObject({ id: m1.id });
      const missing = await auth.merchantFor(p, '0000000000000', 'payments').catch((e) => e);
      const foreign = await auth.merchantFor(p, other.merchantId, 'payments').catch((e) => e);
      expect([missing.code, missing.message]).toEqual([foreign.code, foreign.message]);
      expect(foreign.code).toBe(ErrorCode.NOT_FOUND);
      await expect(auth.merchantFor(p, m2.merchantId, 'payments')).rejects.toMatchObject({
        code: ErrorCode.IP_NOT_ALLOWED,
      });
      await expect(
        auth.merchantFor({ ...p, merchantIds: [m2.merchantId] }, m1.merchantId, 'payments'),
      ).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
      await t.db.merchant.update({ where: { id: m1.id }, data: { status: 'SUSPENDED' } });
      await expect(auth.merchantFor(p, m1.merchantId, 'payments')).rejects.toMatchObject({
        code: ErrorCode.FORBIDDEN,
        message: /suspended/,
      });

      const pc = await makeCredential(t.db, partnerOrg.id, 'API_KEY', 'pk');
      const pp = await auth.authenticate('API_KEY', pc.identifier, 'pk', null);
      await expect(auth.merchantFor(pp, other.merchantId, 'read')).rejects.toMatchObject({
        code: ErrorCode.NOT_FOUND,
      });
      await t.db.partnerGrant.create({
        data: {
          organizationId: theirs.id,
          merchantRef: other.id,
          partnerOrganizationId: partnerOrg.id,
          scope: 'read',
        },
      });
      await expect(auth.merchantFor(pp, other.merchantId, 'read')).resolves.toMatchObject({ id: other.id });
      await expect(auth.merchantFor(pp, other.merchantId, 'payments')).rejects.toMatchObject({
        code: ErrorCode.FORBIDDEN,
      });
    });
  });
});
