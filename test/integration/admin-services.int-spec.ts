import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, Role } from '@conduit/domain';
import { hashSecret } from '@conduit/crypto';
import { CredentialsService, MerchantsService, UsersService } from '@conduit/tenancy';
import { actor, makeOrganization } from '@conduit/testing';
import { asSession, testAdminAuth, testDatabase, testRedis, testThrottle } from './helpers';

describe('admin services (real PostgreSQL and Redis)', () => {
  let t: Awaited<ReturnType<typeof testDatabase>>;
  const redis = testRedis();

  beforeAll(async () => {
    t = await testDatabase();
  });
  afterAll(async () => {
    await t.close();
    await redis.quit();
  });

  describe('console sign-in', () => {
    it('issues a session that authenticates, slides, and ends at logout', async () => {
      const org = await makeOrganization(t.db);
      const email = `${randomUUID()}@clinic.test`;
      await t.db.user.create({
        data: {
          organizationId: org.id,
          email,
          role: 'FINANCE',
          passwordHash: await hashSecret('a long password'),
        },
      });
      const auth = testAdminAuth(t.uow, testThrottle(redis));
      const { token, user } = asSession(
        await auth.login(email.toUpperCase(), 'a long password', '192.0.2.9'),
      );
      expect(user).toMatchObject({
        email,
        role: 'FINANCE',
        organizationId: org.id,
        organizationName: org.name,
      });
      expect(await t.db.adminSession.count({ where: { tokenHash: token } })).toBe(0); // only the hash is stored
      const session = await auth.authenticate(token, null);
      expect(session?.actor).toMatchObject({ role: Role.FINANCE, organizationId: org.id });
      await auth.logout(token);
      expect(await auth.authenticate(token, null)).toBeNull();
    });

    it('refuses wrong passwords and disabled users alike, audits them, and rejects expired sessions', async () => {
      const org = await makeOrganization(t.db);
      const email = `${randomUUID()}@clinic.test`;
      const u = await t.db.user.create({
        data: {
          organizationId: org.id,
          email,
          role: 'PRACTICE_ADMIN',
          passwordHash: await hashSecret('pw-pw-pw-pw-pw'),
        },
      });
      const auth = testAdminAuth(t.uow, testThrottle(redis));
      await expect(auth.login(email, 'nope', '192.0.2.10')).rejects.toMatchObject({
        code: ErrorCode.UNAUTHENTICATED,
        message: 'Invalid email or password',
      });
      const { token } = asSession(await auth.login(email, 'pw-pw-pw-pw-pw', null));
      await t.db.adminSession.updateMany({
        where: { userId: u.id },
        data: { expiresAt: new Date(Date.now() - 1000) },
      });
      expect(await auth.authenticate(token, null)).toBeNull();
      await t.db.user.update({ where: { id: u.id }, data: { disabled: true } });
      await expect(auth.login(email, 'pw-pw-pw-pw-pw', null)).rejects.toMatchObject({
        code: ErrorCode.UNAUTHENTICATED,
      });
      const refused = await t.db.auditLogEntry.findMany({
        where: { actorLabel: email, action: 'login.refused' },
      });
      expect(refused.map((r) => (r.changes as { reason: string }).reason).sort()).toEqual([
        'user disabled',
        'wrong password',
      ]);
    });

    it('counts 30 concurrent wrong passwords before hashing: at most the limit are evaluated', async () => {
      const org = await makeOrganization(t.db);
      const email = `${randomUUID()}@clinic.test`;
      await t.db.user.create({
        data: {
          organizationId: org.id,
          email,
          role: 'FINANCE',
          passwordHash: await hashSecret('right-right'),
        },
      });
      const throttle = testThrottle(redis, { maxFailuresPerAccountAddress: 10 });
      const auth = testAdminAuth(t.uow, throttle);
      const ip = '198.51.100.30';
      const answers = await Promise.allSettled(
        Array.from({ length: 30 }, () => auth.login(email, 'wrong-guess', ip)),
      );
      const codes = answers.map((a) =>
        a.status === 'rejected' ? (a.reason as { code: string }).code : 'OK',
      );
      expect(codes.filter((c) => c === ErrorCode.UNAUTHENTICATED).length).toBeLessThanOrEqual(10);
      expect(codes.filter((c) => c === ErrorCode.LOCKED_OUT).length).toBeGreaterThanOrEqual(20);
      const evaluated = await t.db.auditLogEntry.count({
        where: { actorLabel: email, action: 'login.refused' },
      });
      expect(evaluated).toBeLessThanOrEqual(10);
      await expect(auth.login(email, 'right-right', ip)).rejects.toMatchObject({
        code: ErrorCode.LOCKED_OUT,
      });
      // The owner elsewhere is not locked out by those failures.
      await expect(auth.login(email, 'right-right', '192.0.2.31')).resolves.toMatchObject({
        token: expect.any(String),
      });
    });
  });

  describe('users', () => {
    it('allows only the roles that fit the organization kind, and platform admins only by platform admins', async () => {
      const practice = await makeOrganization(t.db);
      const partner = await makeOrganization(t.db, 'PARTNER');
      const users = new UsersService(t.uow);
      const admin = actor(Role.PRACTICE_ADMIN, practice.id);
      const password = 'twelve chars!!';
      await expect(
        users.create(admin, { email: `${randomUUID()}@x.test`, role: Role.FINANCE, password }),
      ).resolves.toMatchObject({ role: 'FINANCE' });
      await expect(
        users.create(admin, { email: `${randomUUID()}@x.test`, role: Role.PARTNER_DEVELOPER, password }),
      ).rejects.toMatchObject({
        code: ErrorCode.VALIDATION_FAILED,
      });
      await expect(
        users.create(admin, { email: `${randomUUID()}@x.test`, role: Role.PLATFORM_ADMIN, password }),
      ).rejects.toMatchObject({
        code: ErrorCode.FORBIDDEN,
      });
      const ops = actor(Role.PLATFORM_ADMIN, null);
      await expect(
        users.create(ops, {
          email: `${randomUUID()}@x.test`,
          role: Role.PARTNER_DEVELOPER,
          password,
          organizationId: partner.id,
        }),
      ).resolves.toBeTruthy();
      const created = await users.create(ops, {
        email: `${randomUUID()}@x.test`,
        role: Role.PLATFORM_ADMIN,
        password,
      });
      expect(created.organizationId).toBeNull();
    });

    it('writes the change and its audit entry together, without the password', async () => {
      const org = await makeOrganization(t.db);
      const users = new UsersService(t.uow);
      const u = await users.create(actor(Role.PRACTICE_ADMIN, org.id), {
        email: `${randomUUID()}@x.test`,
        role: Role.FINANCE,
        password: 'a secret password',
      });
      const entry = await t.db.auditLogEntry.findFirstOrThrow({
        where: { resource: 'users', resourceId: u.id },
      });
      expect(JSON.stringify(entry.changes)).not.toContain('a secret password');
      expect((entry.changes as { password: string }).password).toBe('[REDACTED]');
    });
  });

  describe('credentials and merchants', () => {
    it('shows a new secret once; rotation replaces it; restrictions name own merchants only', async () => {
      const org = await makeOrganization(t.db);
      const other = await makeOrganization(t.db);
      const admin = actor(Role.PRACTICE_ADMIN, org.id);
      const merchants = new MerchantsService(t.uow);
      const m = await merchants.create(admin, { merchantId: '1234567890123', name: 'Main' });
      const foreign = await merchants.create(actor(Role.PRACTICE_ADMIN, other.id), {
        merchantId: '1234567890999',
        name: 'Other',
      });
      const credentials = new CredentialsService(t.uow);
      const created = await credentials.create(admin, {
        kind: 'ACCOUNT',
        name: 'billing',
        merchantIds: [m.merchantId],
      });
      expect(created.identifier).toBe(`billing@${org.slug}`);
      expect(created.secret.length).toBeGreaterThan(16);
      expect(created.merchantIds).toEqual([m.merchantId]);
      expect(await credentials.get(admin, created.id)).not.toHaveProperty('secret');
      const rotated = await credentials.rotate(admin, created.id, 0);
      expect(rotated.secret).not.toBe(created.secret);
      await expect(
        credentials.create(admin, { kind: 'API_KEY', merchantIds: [foreign.merchantId] }),
      ).rejects.toMatchObject({
        code: ErrorCode.VALIDATION_FAILED,
      });
      await expect(
        merchants.create(admin, { merchantId: '1234567890123', name: 'Dup' }),
      ).rejects.toMatchObject({ code: ErrorCode.CONFLICT });
      await expect(
        merchants.create(admin, { merchantId: '1234567890124', name: 'TZ', timeZone: 'Nowhere/Land' }),
      ).rejects.toMatchObject({
        code: ErrorCode.VALIDATION_FAILED,
      });
    });

    it('keeps suspension, unreferenced refunds and the amount limit to platform admins', async () => {
      const org = await makeOrganization(t.db);
      const admin = actor(Role.PRACTICE_ADMIN, org.id);
      const merchants = new MerchantsService(t.uow);
      const m = await merchants.create(admin, { merchantId: '1234567890555', name: 'Risk' });
      expect(m).toMatchObject({
        status: 'ACTIVE',
        allowUnreferencedRefunds: false,
        maxTransactionAmount: '99999.99',
      });
      const ops = actor(Role.PLATFORM_ADMIN, null);
      await merchants.update(ops, m.merchantId, { status: 'SUSPENDED' });
      const before = await t.db.merchant.findUniqueOrThrow({ where: { merchantId: m.merchantId } });
      for (const change of [
        { status: 'ACTIVE' as const },
        { allowUnreferencedRefunds: true },
        { maxTransactionAmount: '100000.00' },
        { name: 'Renamed', status: 'ACTIVE' as const },
      ])
        await expect(merchants.update(admin, m.merchantId, change)).rejects.toMatchObject({
          code: ErrorCode.FORBIDDEN,
        });
      expect(await t.db.merchant.findUniqueOrThrow({ where: { merchantId: m.merchantId } })).toEqual(before);
      expect(
        await merchants.update(ops, m.merchantId, {
          status: 'ACTIVE',
          allowUnreferencedRefunds: true,
          maxTransactionAmount: '250000.00',
        }),
      ).toMatchObject({
        status: 'ACTIVE',
        allowUnreferencedRefunds: true,
        maxTransactionAmount: '250000.00',
      });
    });
  });
});
