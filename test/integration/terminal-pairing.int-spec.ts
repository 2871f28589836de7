import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { type Actor, normalizePairingCode, Role } from '@conduit/domain';
import { sha256Hex } from '@conduit/crypto';
import { DataKeys, TerminalDevicesService, TerminalsAdminService } from '@conduit/payments';
import { makeMerchant, makeOrganization } from '@conduit/testing';
import { TEST_MASTER_KEYS, testDatabase, testRedis } from './helpers';
import { paymentsCore } from './payments-core';

const V2 = `${TEST_MASTER_KEYS},2:${Buffer.alloc(32, 10).toString('base64')}`;

/** Pairing codes are stored as a keyed HMAC, never a plain hash (decision 0039). */
describe('terminal pairing codes (real PostgreSQL)', () => {
  let t: Awaited<ReturnType<typeof testDatabase>>;
  const redis = testRedis();
  let core: ReturnType<typeof paymentsCore>;
  let admin: Actor;
  let outletId: string;

  const servicesUnder = (keys: string) => {
    const dataKeys = new DataKeys({ vaultMasterKeys: keys } as never);
    return {
      dataKeys,
      admin: new TerminalsAdminService(t.uow, dataKeys),
      devices: new TerminalDevicesService(t.uow, core.payments, dataKeys),
    };
  };
  const pairing = (code: string) => ({ pairingCode: code, model: 'Sim', capabilities: ['chip'] });
  const stored = async (id: string) =>
    (await t.db.terminal.findUniqueOrThrow({ where: { id } })).pairingCodeHash;

  beforeAll(async () => {
    t = await testDatabase();
    core = paymentsCore(t.uow, redis, TEST_MASTER_KEYS);
    const org = await makeOrganization(t.db);
    const m = await makeMerchant(t.db, org.id);
    outletId = (
      await t.db.outlet.create({
        data: { organizationId: org.id, merchantRef: m.id, storeId: '001', terminalId: '001' },
      })
    ).id;
    const email = `${randomUUID()}@clinic.test`;
    const u = await t.db.user.create({
      data: { organizationId: org.id, email, role: 'PRACTICE_ADMIN', passwordHash: 'x' },
    });
    admin = { userId: u.id, email, role: Role.PRACTICE_ADMIN, organizationId: org.id, ip: '192.0.2.7' };
  });
  afterAll(async () => {
    await t.close();
    await redis.quit();
  });

  it('stores the HMAC of the pairing purpose, not sha256 of the code, and pairs with it once', async () => {
    const s = servicesUnder(TEST_MASTER_KEYS);
    const created = await s.admin.create(admin, { outletId, label: 'Desk' });
    const code = normalizePairingCode(created.pairingCode)!;
    const hash = await stored(created.id);
    expect(hash).toBe(s.dataKeys.pairingCodes.of(code).fingerprint);
    expect(hash).not.toBe(sha256Hex(code));
    expect(hash).not.toBe(s.dataKeys.fingerprints.of(code).fingerprint); // not the idempotency key
    const paired = await s.devices.pair(pairing(created.pairingCode));
    expect(paired.terminalDeviceId).toBe(created.terminalDeviceId);
    await expect(s.devices.pair(pairing(created.pairingCode))).rejects.toThrow(/invalid or expired/);
    expect(await stored(created.id)).toBeNull();
  });

  it('refuses a code stored the old way (plain sha256), which the migration withdraws', async () => {
    const s = servicesUnder(TEST_MASTER_KEYS);
    const created = await s.admin.create(admin, { outletId, label: 'Legacy' });
    const code = normalizePairingCode(created.pairingCode)!;
    await t.db.terminal.update({ where: { id: created.id }, data: { pairingCodeHash: sha256Hex(code) } });
    await expect(s.devices.pair(pairing(created.pairingCode))).rejects.toThrow(/invalid or expired/);
  });

  it('pairs with a code issued before a master key rotation while the old version stays configured', async () => {
    const before = servicesUnder(TEST_MASTER_KEYS);
    const created = await before.admin.create(admin, { outletId, label: 'Rotated' });
    const after = servicesUnder(V2);
    expect(after.dataKeys.pairingCodes.of('ABCDEFGH').keyVersion).toBe(2);
    const paired = await after.devices.pair(pairing(created.pairingCode));
    expect(paired.terminalDeviceId).toBe(created.terminalDeviceId);
    // A new code is made under the current version.
    const renewed = await after.admin.newPairingCode(admin, created.id);
    const code = normalizePairingCode(renewed.pairingCode)!;
    expect(await stored(created.id)).toBe(after.dataKeys.pairingCodes.candidates(code)[0]);
  });
});
