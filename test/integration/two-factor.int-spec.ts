import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, ErrorCode, Role } from '@conduit/domain';
import { hashSecret } from '@conduit/crypto';
import { type ChallengeIssued, codeAt, type SignedIn } from '@conduit/tenancy';
import { makeOrganization } from '@conduit/testing';
import { testAdminAuth, testDatabase, testRedis, testThrottle, testTwoFactor } from './helpers';

const PASSWORD = 'correct horse battery';
const unauthenticated = { code: ErrorCode.UNAUTHENTICATED };

describe('two-factor sign-in (real PostgreSQL and Redis)', () => {
  let t: Awaited<ReturnType<typeof testDatabase>>;
  const redis = testRedis();
  const throttle = () => testThrottle(redis, { maxFailuresPerAccountAddress: 10 });

  beforeAll(async () => {
    t = await testDatabase();
  });
  afterAll(async () => {
    await t.close();
    await redis.quit();
  });

  async function makeUser(role: 'FINANCE' | 'PLATFORM_ADMIN', organizationId: string | null) {
    const email = `${randomUUID()}@clinic.test`;
    const u = await t.db.user.create({
      data: { organizationId, email, role, passwordHash: await hashSecret(PASSWORD) },
    });
    const me: Actor = { userId: u.id, email, role: role as Role, organizationId, ip: '192.0.2.50' };
    return { ...u, actor: me };
  }

  /** Enrols through the signed-in user's own settings; answers the secret and recovery codes. */
  async function enrol(user: Awaited<ReturnType<typeof makeUser>>) {
    const tf = testTwoFactor(t.uow, throttle());
    const { secret, otpauthUri, qrDataUrl } = await tf.startEnrolment(user.id);
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const recoveryCodes = await tf.confirmEnrolment(user.actor, codeAt(secret));
    return { secret, recoveryCodes };
  }

  it('seals the secret, stores recovery codes as hashes only, and shows them once', async () => {
    const org = await makeOrganization(t.db);
    const user = await makeUser('FINANCE', org.id);
    const tf = testTwoFactor(t.uow, throttle());
    const { secret } = await tf.startEnrolment(user.id);
    const row = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.totpEnabledAt).toBeNull();
    expect(Buffer.from(row.totpSecretCiphertext!).toString('latin1')).not.toContain(secret);
    await expect(tf.confirmEnrolment(user.actor, '000000')).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
    });
    const codes = await tf.confirmEnrolment(user.actor, codeAt(secret));
    expect(codes).toHaveLength(10);
    const stored = await t.db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(10);
    for (const c of codes) expect(JSON.stringify(stored)).not.toContain(c.replace(/-/g, ''));
    expect(await tf.status(user.id)).toEqual({ enabled: true, required: false, recoveryCodesLeft: 10 });
    // Moving the ciphertext to another user does not open it (the row is in the AAD).
    const other = await makeUser('FINANCE', org.id);
    await t.db.user.update({
      where: { id: other.id },
      data: {
        totpSecretCiphertext: row.totpSecretCiphertext,
        totpDataKeyId: row.totpDataKeyId,
        totpEnabledAt: new Date(),
      },
    });
    await expect(tf.check(other.id, codeAt(secret, Date.now() + 30_000))).rejects.toThrow(
      /decryption failed/,
    );
  });

  it('asks for a code after the password, refuses a replayed code, and opens a session for a fresh one', async () => {
    const org = await makeOrganization(t.db);
    const user = await makeUser('FINANCE', org.id);
    const { secret } = await enrol(user);
    const auth = testAdminAuth(t.uow, throttle());
    const first = (await auth.login(user.email, PASSWORD, '192.0.2.51')) as ChallengeIssued;
    expect(first).toMatchObject({ twoFactor: 'verify', challenge: expect.any(String) });
    expect(first).not.toHaveProperty('token');
    // The code that confirmed the enrolment was used: a replay.
    await expect(auth.verifyChallenge(first.challenge, codeAt(secret), '192.0.2.51')).rejects.toMatchObject(
      unauthenticated,
    );
    const next = codeAt(secret, Date.now() + 30_000);
    const { token, user: signedIn } = await auth.verifyChallenge(first.challenge, next, '192.0.2.51');
    expect(signedIn).toMatchObject({ email: user.email, twoFactorEnabled: true });
    expect(await auth.authenticate(token, null)).not.toBeNull();
    // The challenge opened one session; the code cannot open another.
    await expect(auth.verifyChallenge(first.challenge, next, '192.0.2.51')).rejects.toMatchObject(
      unauthenticated,
    );
    const second = (await auth.login(user.email, PASSWORD, '192.0.2.51')) as ChallengeIssued;
    await expect(auth.verifyChallenge(second.challenge, next, '192.0.2.51')).rejects.toMatchObject(
      unauthenticated,
    );
  });

  it('accepts each recovery code once, even when it is sent twice at once', async () => {
    const org = await makeOrganization(t.db);
    const user = await makeUser('FINANCE', org.id);
    const { recoveryCodes } = await enrol(user);
    const auth = testAdminAuth(t.uow, throttle());
    const a = (await auth.login(user.email, PASSWORD, null)) as ChallengeIssued;
    const b = (await auth.login(user.email, PASSWORD, null)) as ChallengeIssued;
    const both = await Promise.allSettled([
      auth.verifyChallenge(a.challenge, recoveryCodes[0], null),
      auth.verifyChallenge(b.challenge, recoveryCodes[0].toUpperCase(), null),
    ]);
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const c = (await auth.login(user.email, PASSWORD, null)) as ChallengeIssued;
    await expect(auth.verifyChallenge(c.challenge, recoveryCodes[0], null)).rejects.toMatchObject(
      unauthenticated,
    );
    await expect(auth.verifyChallenge(c.challenge, recoveryCodes[1], null)).resolves.toHaveProperty('token');
    expect((await testTwoFactor(t.uow, throttle()).status(user.id)).recoveryCodesLeft).toBe(8);
  });

  it('counts wrong codes on the sign-in throttle: a stolen password gets no more tries at the code', async () => {
    const org = await makeOrganization(t.db);
    const user = await makeUser('FINANCE', org.id);
    await enrol(user);
    const auth = testAdminAuth(t.uow, testThrottle(redis, { maxFailuresPerAccountAddress: 4 }));
    const ip = '198.51.100.61';
    const first = (await auth.login(user.email, PASSWORD, ip)) as ChallengeIssued; // 1
    await auth.verifyChallenge(first.challenge, '111111', ip).catch(() => 0); // 2
    const again = (await auth.login(user.email, PASSWORD, ip)) as ChallengeIssued; // 3
    await auth.verifyChallenge(again.challenge, '222222', ip).catch(() => 0); // 4
    await expect(auth.verifyChallenge(again.challenge, '333333', ip)).rejects.toMatchObject({
      code: ErrorCode.LOCKED_OUT,
    });
    await expect(auth.login(user.email, PASSWORD, ip)).rejects.toMatchObject({ code: ErrorCode.LOCKED_OUT });
  });

  it('makes a platform admin without two-factor enrol before any session', async () => {
    const admin = await makeUser('PLATFORM_ADMIN', null);
    const auth = testAdminAuth(t.uow, throttle());
    const answer = (await auth.login(admin.email, PASSWORD, null)) as ChallengeIssued;
    expect(answer).toMatchObject({ twoFactor: 'enrol' });
    expect(await t.db.adminSession.count({ where: { userId: admin.id } })).toBe(0);
    // A forced-enrolment challenge is not a code challenge.
    await expect(auth.verifyChallenge(answer.challenge, '123456', null)).rejects.toMatchObject(
      unauthenticated,
    );
    const { secret } = await auth.enrolWithChallenge(answer.challenge);
    const done = await auth.confirmWithChallenge(answer.challenge, codeAt(secret), null);
    expect(done.recoveryCodes).toHaveLength(10);
    expect(done.user).toMatchObject({ twoFactorEnabled: true, twoFactorRequired: true });
    await expect(auth.enrolWithChallenge(answer.challenge)).rejects.toMatchObject(unauthenticated);
    // Required: it cannot be turned off by the user.
    const tf = testTwoFactor(t.uow, throttle());
    await expect(tf.disable(admin.actor, codeAt(secret, Date.now() + 30_000))).rejects.toMatchObject({
      code: ErrorCode.FORBIDDEN,
    });
  });

  it('applies the organization policy, and lets others turn it off with a code or be reset', async () => {
    const org = await makeOrganization(t.db);
    const user = await makeUser('FINANCE', org.id);
    const auth = testAdminAuth(t.uow, throttle());
    expect(await auth.login(user.email, PASSWORD, null)).toHaveProperty('token');
    await t.db.organization.update({ where: { id: org.id }, data: { requireTwoFactor: true } });
    expect(await auth.login(user.email, PASSWORD, null)).toMatchObject({ twoFactor: 'enrol' });
    await t.db.organization.update({ where: { id: org.id }, data: { requireTwoFactor: false } });

    const { secret } = await enrol(user);
    const tf = testTwoFactor(t.uow, throttle());
    await expect(tf.disable(user.actor, '000000')).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
    });
    await tf.disable(user.actor, codeAt(secret, Date.now() + 30_000));
    expect(((await auth.login(user.email, PASSWORD, null)) as SignedIn).token).toBeTruthy();

    await enrol(user);
    const ops: Actor = {
      userId: randomUUID(),
      email: 'ops@test',
      role: Role.PLATFORM_ADMIN,
      organizationId: null,
      ip: null,
    };
    await expect(
      tf.reset({ ...ops, role: Role.PRACTICE_ADMIN, organizationId: org.id }, user.id),
    ).rejects.toMatchObject({
      code: ErrorCode.FORBIDDEN,
    });
    await tf.reset(ops, user.id);
    expect(await tf.status(user.id)).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
    expect(await t.db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
  });
});
