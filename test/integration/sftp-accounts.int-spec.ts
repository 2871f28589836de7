import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptPgpStream } from '@conduit/crypto';
import { organizationScope, Role } from '@conduit/domain';
import { DataKeys, parseSshPublicKey, SftpAccountsService } from '@conduit/payments';
import { actor, makeMerchant, makeOrganization } from '@conduit/testing';
import { TEST_MASTER_KEYS, testDatabase } from './helpers';

const config = { fileGateway: { defaultQuotaBytes: 5 * 1024 * 1024 } } as never;

describe('SFTP accounts (real PostgreSQL, gpg, ssh-keygen)', () => {
  let t: Awaited<ReturnType<typeof testDatabase>>;
  let service: SftpAccountsService;
  let dir: string;
  const sshKey = (name: string) => {
    execFileSync('ssh-keygen', ['-q', '-N', '', '-t', 'ed25519', '-C', name, '-f', path.join(dir, name)]);
    return readFileSync(path.join(dir, `${name}.pub`), 'utf8');
  };
  const parsed = (line: string) => {
    const r = parseSshPublicKey(line);
    if (!r.ok) throw new Error(r.message);
    return r.key;
  };

  beforeAll(async () => {
    t = await testDatabase();
    service = new SftpAccountsService(
      t.uow,
      new DataKeys({ vaultMasterKeys: TEST_MASTER_KEYS } as never),
      config,
    );
    dir = mkdtempSync(path.join(tmpdir(), 'sftp-int-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("makes Conduit's OpenPGP key gpg 2.2 can encrypt to, and unseals the private key that decrypts it", async () => {
    const org = await makeOrganization(t.db);
    const m = await makeMerchant(t.db, org.id);
    const admin = actor(Role.PRACTICE_ADMIN, org.id);
    const username = `pgp-${randomUUID().slice(0, 8)}`;
    const created = await service.create(admin, {
      username,
      merchantIds: [m.merchantId],
      password: 'a long sftp password',
    });
    expect(created.conduitPgpFingerprint).toMatch(/^[0-9A-F]{40}$/);
    expect(created).not.toHaveProperty('passwordHash');
    expect(created).not.toHaveProperty('pgpPrivateKeySealed');
    expect(created.quotaBytes).toBe(5 * 1024 * 1024);

    // At rest the private key is sealed: no armor, no key material in clear.
    const row = await t.db.sftpAccount.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.pgpPrivateKeySealed).toMatch(/^[0-9a-f-]{36}:[A-Za-z0-9+/=]+$/);
    expect(row.pgpPrivateKeySealed).not.toContain('PGP');
    expect(row.passwordHash).not.toContain('a long sftp password');

    const home = mkdtempSync(path.join(tmpdir(), 'gpg-'));
    try {
      const pubFile = path.join(home, 'conduit.asc');
      execFileSync('sh', ['-c', `cat > ${pubFile}`], { input: created.conduitPgpPublicKey });
      execFileSync('gpg', ['--homedir', home, '--batch', '--quiet', '--import', pubFile], { stdio: 'pipe' });
      const listed = execFileSync('gpg', ['--homedir', home, '--batch', '--with-colons', '--list-keys'], {
        encoding: 'utf8',
      });
      expect(listed).toContain(`fpr:::::::::${created.conduitPgpFingerprint}:`);
      expect(listed).toContain(`Conduit <${username}>`);
      const plaintext = `IMPTI10|${m.merchantId}|001|001|Sale|PM1|10.00|P1|Ann|Lee||EXT-1\n`;
      const encrypted = execFileSync(
        'gpg',
        [
          '--homedir',
          home,
          '--batch',
          '--trust-model',
          'always',
          '-r',
          created.conduitPgpFingerprint,
          '--encrypt',
        ],
        { input: plaintext },
      );
      const privateKey = await service.unsealPgpPrivateKey(t.uow.read, { id: created.id });
      expect(privateKey).toContain('BEGIN PGP PRIVATE KEY BLOCK');
      const parts: Buffer[] = [];
      const source = (async function* () {
        yield Buffer.from(encrypted);
      })();
      for await (const p of decryptPgpStream(source, privateKey)) parts.push(p);
      expect(Buffer.concat(parts).toString('utf8')).toBe(plaintext);
      // The sealed form is bound to its account: another account's id cannot open it.
      await expect(
        service.unsealPgpPrivateKey(t.uow.read, {
          id: randomUUID(),
          pgpPrivateKeySealed: row.pgpPrivateKeySealed,
        }),
      ).rejects.toThrow();
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('scopes accounts and their inbound files: narrowed scopes see only accounts of all-readable merchants', async () => {
    const org = await makeOrganization(t.db);
    const [a, b] = [await makeMerchant(t.db, org.id), await makeMerchant(t.db, org.id)];
    const admin = actor(Role.PRACTICE_ADMIN, org.id);
    const key = sshKey(`k-${randomUUID().slice(0, 6)}`);
    const onlyA = await service.create(admin, {
      username: `a-${randomUUID().slice(0, 8)}`,
      merchantIds: [a.merchantId],
      publicKeys: [parsed(key)],
    });
    const both = await service.create(admin, {
      username: `ab-${randomUUID().slice(0, 8)}`,
      merchantIds: [a.merchantId, b.merchantId],
      password: 'another long password',
    });
    expect(both.merchantIds).toEqual([a.merchantId, b.merchantId].sort());

    const orgScope = t.uow.read.forScope(organizationScope(org.id));
    const narrowed = t.uow.read.forScope({
      kind: 'organization',
      organizationId: org.id,
      merchantRefs: [a.id],
    });
    const other = t.uow.read.forScope(organizationScope((await makeOrganization(t.db)).id));
    const ids = async (r: typeof orgScope) =>
      (await r.sftpAccounts.list({ start: 0, end: 9, filter: {} })).rows.map((x) => x.id).sort();
    expect(await ids(orgScope)).toEqual([onlyA.id, both.id].sort());
    expect(await ids(narrowed)).toEqual([onlyA.id]);
    expect(await ids(other)).toEqual([]);
    expect(await narrowed.sftpAccounts.get(both.id)).toBeNull();

    const inbound = async (accountRef: string) => {
      const id = randomUUID();
      await t.db.batchFile.create({
        data: {
          id,
          organizationId: org.id,
          accountRef,
          direction: 'INBOUND',
          kind: 'IMPORT',
          name: `upload-${id.slice(0, 4)}.txt`,
          status: 'PROCESSED',
          recordCount: 2,
          acceptedCount: 1,
          rejectedCount: 1,
          records: {
            create: [
              { line: 1, externalId: 'E1', result: 'A', responseCode: '000', responseMessage: 'Approved' },
              {
                line: 2,
                externalId: 'E2',
                result: 'R',
                responseCode: '101',
                errorText: 'Amount is not valid',
              },
            ],
          },
        },
      });
      return id;
    };
    const fileA = await inbound(onlyA.id);
    const fileAB = await inbound(both.id);
    const fileIds = async (r: typeof orgScope) =>
      (await r.batchFiles.list({ start: 0, end: 9, filter: { direction: 'INBOUND' } })).rows
        .map((f) => f.id)
        .sort();
    expect(await fileIds(orgScope)).toEqual([fileA, fileAB].sort());
    expect(await fileIds(narrowed)).toEqual([fileA]);
    expect(await fileIds(other)).toEqual([]);
    const got = await orgScope.batchFiles.get(fileAB);
    expect(got?.account).toEqual({ id: both.id, username: both.username });

    const rejected = await orgScope.batchFiles.records(fileA, { start: 0, end: 9, filter: { result: 'R' } });
    expect(rejected?.total).toBe(1);
    expect(rejected?.rows[0]).toMatchObject({ line: 2, externalId: 'E2', errorText: 'Amount is not valid' });
    expect(await other.batchFiles.records(fileA, { start: 0, end: 9, filter: {} })).toBeNull();
    expect(await narrowed.batchFiles.records(fileAB, { start: 0, end: 9, filter: {} })).toBeNull();

    // An account with batch files keeps its history: deleting it is refused.
    await expect(service.remove(admin, onlyA.id)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('signs in by username for the gateway and records the login', async () => {
    const org = await makeOrganization(t.db);
    const m = await makeMerchant(t.db, org.id);
    const line = sshKey(`g-${randomUUID().slice(0, 6)}`);
    const username = `gw-${randomUUID().slice(0, 8)}`;
    const created = await service.create(actor(Role.PRACTICE_ADMIN, org.id), {
      username,
      merchantIds: [m.merchantId],
      publicKeys: [parsed(line)],
    });
    const login = await t.uow.read.sftpLogins.findForLogin(username);
    expect(login).toMatchObject({
      id: created.id,
      organizationId: org.id,
      username,
      passwordHash: null,
      enabled: true,
      merchantRefs: [m.id],
      quotaBytes: 5n * 1024n * 1024n,
      clientPgpPublicKey: null,
      publicKeys: [{ algorithm: 'ssh-ed25519', publicKey: line.split(' ')[1] }],
    });
    expect(await t.uow.read.sftpLogins.findForLogin('nobody-here')).toBeNull();
    await t.uow.read.sftpLogins.touchLogin(created.id);
    expect((await service.get(actor(Role.FINANCE, org.id), created.id)).lastLoginAt).toBeInstanceOf(Date);
  });
});
