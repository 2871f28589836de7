/**
 * Demo data for development and tests (README "Demo logins"). Idempotent: running it again
 * resets the demo objects to these values. Refused when NODE_ENV=production.
 */
import { randomUUID } from 'node:crypto';
import {
  encryptField,
  generatePgpKeyPair,
  hashSecret,
  newDataKey,
  parseMasterKeys,
  unwrapDataKey,
} from '@conduit/crypto';
import { parseSshPublicKey, sftpPgpContext } from '@conduit/payments';
import { createPrismaClient, type DbClient } from '@conduit/db';
import { totpContext } from '@conduit/tenancy';

export const DEMO = {
  /**
   * Platform admins must use two-factor (decision 0014): the demo one has this fixed TOTP secret
   * (add it to any authenticator app), so nobody has to enrol before trying the console.
   */
  ops: {
    email: 'ops@conduit.test',
    password: 'demo-ops-pass',
    totpSecret: 'CONDUITDEMOOPSTWOFACTORSECRETXYZ',
  },
  lakeside: {
    org: { name: 'Lakeside Clinic', slug: 'lakeside-clinic' },
    merchantId: '6011000551245',
    outlet: { storeId: '001', terminalId: '002' },
    admin: { email: 'admin@lakeside.test', password: 'demo-admin-pass' },
    finance: { email: 'finance@lakeside.test', password: 'demo-finance-pass' },
    account: { identifier: 'billing@lakeside-clinic', password: 'demo-nvp-pass' },
    apiKey: { identifier: 'ak_test_lakeside', secret: 'sk_test_lakeside' },
    /** The demo SFTP/FTPS account; its key pair is made by npm start in `.data/demo-sftp-key`. */
    sftp: { username: 'lakeside-sftp', password: 'demo-sftp-pass' },
  },
  harbor: {
    org: { name: 'Harbor Health', slug: 'harbor-health' },
    merchantId: '6011000999001',
    outlet: { storeId: '001', terminalId: '001' },
    admin: { email: 'admin@harbor.test', password: 'demo-admin-pass' },
    account: { identifier: 'billing@harbor-health', password: 'demo-nvp-pass' },
    apiKey: { identifier: 'ak_test_harbor', secret: 'sk_test_harbor' },
  },
  partner: {
    org: { name: 'Northwind Billing Software', slug: 'northwind-billing' },
    developer: { email: 'dev@northwind.test', password: 'demo-partner-pass' },
  },
} as const;

async function org(db: DbClient, o: { name: string; slug: string }, kind: 'PRACTICE' | 'PARTNER') {
  return db.organization.upsert({
    where: { slug: o.slug },
    update: { name: o.name, kind },
    create: { ...o, kind },
  });
}

async function user(
  db: DbClient,
  organizationId: string | null,
  u: { email: string; password: string },
  role: string,
) {
  const passwordHash = await hashSecret(u.password);
  const data = { organizationId, role: role as never, passwordHash, disabled: false };
  await db.user.upsert({ where: { email: u.email }, update: data, create: { ...data, email: u.email } });
}

async function merchant(
  db: DbClient,
  organizationId: string,
  merchantId: string,
  name: string,
  outlet: { storeId: string; terminalId: string },
) {
  const m = await db.merchant.upsert({
    where: { merchantId },
    update: { organizationId },
    create: { organizationId, merchantId, name },
  });
  await db.outlet.upsert({
    where: { merchantRef_storeId_terminalId: { merchantRef: m.id, ...outlet } },
    update: { active: true },
    create: { organizationId, merchantRef: m.id, ...outlet, name: 'Front desk' },
  });
  return m;
}

async function credential(
  db: DbClient,
  organizationId: string,
  kind: 'ACCOUNT' | 'API_KEY',
  identifier: string,
  secret: string,
) {
  const data = {
    organizationId,
    kind,
    secretHash: await hashSecret(secret),
    enabled: true,
    description: 'Demo credential',
  };
  await db.apiCredential.upsert({ where: { identifier }, update: data, create: { ...data, identifier } });
}

/** The current master key's data key (made when there is none), as DataKeys.current does. */
async function demoDataKey(db: DbClient, vaultMasterKeys: string): Promise<{ id: string; key: Buffer }> {
  const ring = parseMasterKeys(vaultMasterKeys);
  const existing = await db.dataKey.findFirst({
    where: { masterVersion: ring.current, retiredAt: null },
    orderBy: { createdAt: 'desc' },
  });
  let dataKey: { id: string; key: Buffer };
  if (existing) {
    dataKey = { id: existing.id, key: unwrapDataKey(ring, Buffer.from(existing.wrappedKey), ring.current) };
  } else {
    const fresh = newDataKey(ring);
    const id = randomUUID();
    await db.dataKey.create({
      data: { id, wrappedKey: new Uint8Array(fresh.wrapped), masterVersion: fresh.masterVersion },
    });
    dataKey = { id, key: fresh.plaintext };
  }
  return dataKey;
}

/** Seals the demo TOTP secret like TwoFactorService does, under the current master key's data key. */
async function demoTwoFactor(db: DbClient, email: string, secret: string, vaultMasterKeys: string) {
  const dataKey = await demoDataKey(db, vaultMasterKeys);
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const sealed = encryptField(dataKey.key, dataKey.id, secret, totpContext(user.id));
  dataKey.key.fill(0);
  await db.recoveryCode.deleteMany({ where: { userId: user.id } });
  await db.user.update({
    where: { id: user.id },
    data: {
      totpSecretCiphertext: new Uint8Array(sealed),
      totpDataKeyId: dataKey.id,
      totpEnabledAt: new Date(),
      totpLastStep: null,
    },
  });
}

/**
 * Lakeside's demo SFTP/FTPS account (README "File gateway"): a password and, when npm start made
 * one, the demo key pair's public key. Its OpenPGP key pair is made once and then kept, so a
 * public key someone imported stays valid across restarts.
 */
async function demoSftpAccount(
  db: DbClient,
  organizationId: string,
  merchantRef: string,
  options: { vaultMasterKeys: string; sftpPublicKey?: string },
) {
  const { username, password } = DEMO.lakeside.sftp;
  const passwordHash = await hashSecret(password);
  let account = await db.sftpAccount.findUnique({ where: { username } });
  if (!account) {
    const id = randomUUID();
    const pgp = await generatePgpKeyPair(`Conduit <${username}>`);
    const dataKey = await demoDataKey(db, options.vaultMasterKeys);
    const sealed = encryptField(dataKey.key, dataKey.id, pgp.privateKey, sftpPgpContext(id));
    dataKey.key.fill(0);
    account = await db.sftpAccount.create({
      data: {
        id,
        organizationId,
        username,
        merchantRefs: [merchantRef],
        passwordHash,
        quotaBytes: 1n << 30n,
        pgpPublicKey: pgp.publicKey,
        pgpFingerprint: pgp.fingerprint,
        pgpPrivateKeySealed: `${dataKey.id}:${sealed.toString('base64')}`,
      },
    });
  } else {
    await db.sftpAccount.update({
      where: { id: account.id },
      data: {
        organizationId,
        merchantRefs: [merchantRef],
        passwordHash,
        enabled: true,
        clientPgpPublicKey: null,
        clientPgpFingerprint: null,
      },
    });
  }
  if (!options.sftpPublicKey) return;
  const parsed = parseSshPublicKey(options.sftpPublicKey);
  if (!parsed.ok) throw new Error(`the demo SFTP public key ${parsed.message}`);
  const { key } = parsed;
  await db.sftpPublicKey.deleteMany({ where: { accountRef: account.id } });
  await db.sftpPublicKey.create({
    data: {
      id: randomUUID(),
      accountRef: account.id,
      algorithm: key.algorithm,
      bits: key.bits,
      fingerprint: key.fingerprint,
      comment: key.comment,
      publicKey: key.publicKey,
      weak: key.weak,
    },
  });
}

/**
 * `vaultMasterKeys` (the api's VAULT_MASTER_KEYS) lets the demo platform admin's TOTP secret be
 * sealed; without it that user is left as it was (a new one enrols at first sign-in).
 */
export async function seedDemo(
  databaseUrl: string,
  options: { vaultMasterKeys?: string; sftpPublicKey?: string } = {},
): Promise<void> {
  if (process.env.NODE_ENV === 'production')
    throw new Error('Refusing to seed demo data when NODE_ENV=production');
  const db = createPrismaClient(databaseUrl, 2);
  try {
    const { lakeside: L, harbor: H, partner: P } = DEMO;
    await user(db, null, DEMO.ops, 'PLATFORM_ADMIN');
    if (options.vaultMasterKeys)
      await demoTwoFactor(db, DEMO.ops.email, DEMO.ops.totpSecret, options.vaultMasterKeys);
    const lakeside = await org(db, L.org, 'PRACTICE');
    const lm = await merchant(db, lakeside.id, L.merchantId, 'Lakeside Clinic — Main', L.outlet);
    await user(db, lakeside.id, L.admin, 'PRACTICE_ADMIN');
    await user(db, lakeside.id, L.finance, 'FINANCE');
    if (options.vaultMasterKeys)
      await demoSftpAccount(db, lakeside.id, lm.id, {
        vaultMasterKeys: options.vaultMasterKeys,
        sftpPublicKey: options.sftpPublicKey,
      });
    await credential(db, lakeside.id, 'ACCOUNT', L.account.identifier, L.account.password);
    await credential(db, lakeside.id, 'API_KEY', L.apiKey.identifier, L.apiKey.secret);
    const harbor = await org(db, H.org, 'PRACTICE');
    await merchant(db, harbor.id, H.merchantId, 'Harbor Health — Downtown', H.outlet);
    await user(db, harbor.id, H.admin, 'PRACTICE_ADMIN');
    await credential(db, harbor.id, 'ACCOUNT', H.account.identifier, H.account.password);
    await credential(db, harbor.id, 'API_KEY', H.apiKey.identifier, H.apiKey.secret);
    const partner = await org(db, P.org, 'PARTNER');
    await user(db, partner.id, P.developer, 'PARTNER_DEVELOPER');
    const grant = await db.partnerGrant.findFirst({
      where: { merchantRef: lm.id, partnerOrganizationId: partner.id, revokedAt: null },
    });
    if (!grant) {
      await db.partnerGrant.create({
        data: {
          organizationId: lakeside.id,
          merchantRef: lm.id,
          partnerOrganizationId: partner.id,
          scope: 'payments',
        },
      });
    }
  } finally {
    await db.$disconnect();
  }
}

if (require.main === module) {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  seedDemo(url).then(
    () => process.stdout.write('demo data seeded\n'),
    (err: Error) => {
      process.stderr.write(`seed failed: ${err.message}\n`);
      process.exit(1);
    },
  );
}
