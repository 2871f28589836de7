import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { as, call, DEMO, expectErrorShape } from './client';

interface KeyView {
  id: string;
  algorithm: string;
  bits: number;
  fingerprint: string;
  comment: string;
  weak: boolean;
  createdAt: string;
}
interface AccountView {
  id: string;
  organizationId: string;
  username: string;
  merchantIds: string[];
  enabled: boolean;
  hasPassword: boolean;
  publicKeys: KeyView[];
  quotaBytes: number;
  usedBytes: number;
  pgpPublicKey: string | null;
  pgpPublicKeyFingerprint: string | null;
  conduitPgpPublicKey: string;
  conduitPgpFingerprint: string;
  lastLoginAt: string | null;
}

const PASSWORD = 'sftp-secret-password-1';
const enc = (v: unknown) => encodeURIComponent(JSON.stringify(v));

describe('sftp-accounts (admin API)', () => {
  let dir: string;
  let db: pg.Client;
  const keys: Record<string, { line: string; fingerprint: string; private: string }> = {};
  const keygen = (name: string, ...args: string[]) => {
    const file = path.join(dir, name);
    execFileSync('ssh-keygen', ['-q', '-N', '', '-C', `${name}@billing`, '-f', file, ...args]);
    keys[name] = {
      line: readFileSync(`${file}.pub`, 'utf8').trim(),
      fingerprint: execFileSync('ssh-keygen', ['-lf', `${file}.pub`], { encoding: 'utf8' }).split(' ')[1],
      private: readFileSync(file, 'utf8'),
    };
  };
  const username = `lakeside-${randomUUID().slice(0, 8)}`;
  let created: AccountView;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sftp-e2e-'));
    keygen('ed', '-t', 'ed25519');
    keygen('rsa1024', '-t', 'rsa', '-b', '1024');
    keygen('rsa2048', '-t', 'rsa', '-b', '2048');
    keygen('ecdsa', '-t', 'ecdsa');
    db = new pg.Client({ connectionString: inject('databaseUrl') });
    await db.connect();
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db.end();
  });

  it('creates an account with a password and keys as a practice admin; secrets never come back', async () => {
    const token = await as.lakesideAdmin();
    const res = await call<AccountView>('POST', '/admin/api/sftp-accounts', {
      token,
      body: {
        username,
        merchantIds: [DEMO.lakeside.merchantId],
        password: PASSWORD,
        publicKeys: [keys.ed.line, keys.rsa1024.line],
      },
    });
    expect(res.status, res.text).toBe(201);
    created = res.body;
    expect(created).toMatchObject({
      username,
      merchantIds: [DEMO.lakeside.merchantId],
      enabled: true,
      hasPassword: true,
      usedBytes: 0,
      pgpPublicKey: null,
      lastLoginAt: null,
    });
    expect(created.quotaBytes).toBeGreaterThan(0);
    expect(created.publicKeys.map(({ id: _id, createdAt: _c, ...k }) => k)).toEqual([
      {
        algorithm: 'ssh-ed25519',
        bits: 256,
        fingerprint: keys.ed.fingerprint,
        comment: 'ed@billing',
        weak: false,
      },
      {
        algorithm: 'ssh-rsa',
        bits: 1024,
        fingerprint: keys.rsa1024.fingerprint,
        comment: 'rsa1024@billing',
        weak: true,
      },
    ]);
    expect(created.conduitPgpPublicKey).toContain('BEGIN PGP PUBLIC KEY BLOCK');
    expect(created.conduitPgpFingerprint).toMatch(/^[0-9A-F]{40}$/);
    for (const text of [
      res.text,
      (await call('GET', `/admin/api/sftp-accounts/${created.id}`, { token })).text,
    ]) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toMatch(/passwordHash|PRIVATE KEY|Sealed|scrypt|argon/i);
    }
    const stored = await db.query(
      'SELECT password_hash, pgp_private_key_sealed FROM sftp_accounts WHERE id = $1',
      [created.id],
    );
    expect(stored.rows[0].password_hash).not.toContain(PASSWORD);
    expect(stored.rows[0].pgp_private_key_sealed).not.toContain('PRIVATE KEY');
  });

  it('lists with Content-Range, sorting and the q, merchantId and enabled filters', async () => {
    const token = await as.lakesideAdmin();
    const res = await call<AccountView[]>(
      'GET',
      `/admin/api/sftp-accounts?sort=${enc(['username', 'ASC'])}&range=[0,9]&filter=${enc({ q: username })}`,
      { token },
    );
    expect(res.body.map((a) => a.id)).toEqual([created.id]);
    expect(res.headers.get('content-range')).toBe('sftp-accounts 0-0/1');
    const byMerchant = await call<AccountView[]>(
      'GET',
      `/admin/api/sftp-accounts?range=[0,99]&filter=${enc({ merchantId: DEMO.lakeside.merchantId, enabled: true })}`,
      { token },
    );
    expect(byMerchant.body.map((a) => a.id)).toContain(created.id);
    const disabled = await call<AccountView[]>(
      'GET',
      `/admin/api/sftp-accounts?range=[0,99]&filter=${enc({ q: username, enabled: false })}`,
      { token },
    );
    expect(disabled.body).toEqual([]);
    expectErrorShape(
      await call('GET', `/admin/api/sftp-accounts?sort=${enc(['passwordHash', 'ASC'])}`, { token }),
      400,
    );
  });

  it('reports every invalid field at once, naming the key index', async () => {
    const token = await as.lakesideAdmin();
    const body = expectErrorShape(
      await call('POST', '/admin/api/sftp-accounts', {
        token,
        body: {
          username: 'No Spaces!',
          merchantIds: ['12345'],
          password: 'short',
          publicKeys: [keys.ed.line, keys.ecdsa.line, 'ssh-rsa AAAAnot-a-key', keys.ed.private, keys.ed.line],
          enabled: 'yes',
          quotaBytes: -5,
          pgpPublicKey: 'not a key',
          colour: 'blue',
        },
      }),
      400,
    );
    expect(body.errors?.map((e) => e.field)).toEqual([
      'colour',
      'username',
      'merchantIds',
      'password',
      'publicKeys[1]',
      'publicKeys[2]',
      'publicKeys[3]',
      'publicKeys[4]',
      'enabled',
      'quotaBytes',
      'pgpPublicKey',
    ]);
    const messages = Object.fromEntries(body.errors!.map((e) => [e.field, e.message]));
    expect(messages['publicKeys[1]']).toMatch(/ecdsa-sha2-nistp256 key; only ssh-ed25519 and ssh-rsa/);
    expect(messages['publicKeys[3]']).toMatch(/is a private key/);
    expect(JSON.stringify(body)).not.toContain(keys.ed.private.split('\n')[1]);
    // Neither a password nor a key: the account could never sign in.
    const none = expectErrorShape(
      await call('POST', '/admin/api/sftp-accounts', {
        token,
        body: { username: `nokey-${randomUUID().slice(0, 6)}`, merchantIds: [DEMO.lakeside.merchantId] },
      }),
      400,
    );
    expect(none.errors).toEqual([
      { field: 'password', message: 'an account needs a password or at least one public key' },
    ]);
  });

  it('answers a username clash with 409, across organizations too', async () => {
    const clash = expectErrorShape(
      await call('POST', '/admin/api/sftp-accounts', {
        token: await as.harborAdmin(),
        body: { username, merchantIds: [DEMO.harbor.merchantId], password: PASSWORD },
      }),
      409,
    );
    expect(clash.message).toBe(`An SFTP account named ${username} already exists`);
  });

  it("hides another tenant's account as 404 and refuses its merchants", async () => {
    const harbor = await as.harborAdmin();
    const unknown = expectErrorShape(
      await call('GET', '/admin/api/sftp-accounts/00000000-0000-4000-8000-000000000000', { token: harbor }),
      404,
    );
    const foreign = expectErrorShape(
      await call('GET', `/admin/api/sftp-accounts/${created.id}`, { token: harbor }),
      404,
    );
    expect(foreign.message).toBe(unknown.message);
    expectErrorShape(
      await call('PUT', `/admin/api/sftp-accounts/${created.id}`, {
        token: harbor,
        body: { enabled: false },
      }),
      404,
    );
    expectErrorShape(await call('DELETE', `/admin/api/sftp-accounts/${created.id}`, { token: harbor }), 404);
    const list = await call<AccountView[]>('GET', '/admin/api/sftp-accounts?range=[0,499]', {
      token: harbor,
    });
    expect(list.body.map((a) => a.id)).not.toContain(created.id);
    const theirs = expectErrorShape(
      await call('POST', '/admin/api/sftp-accounts', {
        token: harbor,
        body: {
          username: `h-${randomUUID().slice(0, 8)}`,
          merchantIds: [DEMO.lakeside.merchantId],
          password: PASSWORD,
        },
      }),
      400,
    );
    expect(theirs.errors).toEqual([
      {
        field: 'merchantIds',
        message: `merchantIds names no merchant of yours: ${DEMO.lakeside.merchantId}`,
      },
    ]);
  });

  it('lets finance read but not write, and partners neither', async () => {
    const finance = await as.lakesideFinance();
    const read = await call<AccountView>('GET', `/admin/api/sftp-accounts/${created.id}`, { token: finance });
    expect(read.body.username).toBe(username);
    expectErrorShape(
      await call('POST', '/admin/api/sftp-accounts', {
        token: finance,
        body: {
          username: `f-${randomUUID().slice(0, 8)}`,
          merchantIds: [DEMO.lakeside.merchantId],
          password: PASSWORD,
        },
      }),
      403,
    );
    expectErrorShape(
      await call('PUT', `/admin/api/sftp-accounts/${created.id}`, {
        token: finance,
        body: { enabled: false },
      }),
      403,
    );
    expectErrorShape(await call('DELETE', `/admin/api/sftp-accounts/${created.id}`, { token: finance }), 403);
    const partner = await as.partnerDev();
    expectErrorShape(await call('GET', '/admin/api/sftp-accounts', { token: partner }), 403);
    expectErrorShape(await call('GET', `/admin/api/sftp-accounts/${created.id}`, { token: partner }), 403);
  });

  it('edits keys (kept by id, removed, added), disables, and audits each change without secrets', async () => {
    const token = await as.lakesideAdmin();
    const ed = created.publicKeys.find((k) => k.algorithm === 'ssh-ed25519')!;
    // The record as react-admin sends it back, with changes.
    const res = await call<AccountView>('PUT', `/admin/api/sftp-accounts/${created.id}`, {
      token,
      body: {
        ...created,
        password: '',
        publicKeys: [{ id: ed.id }, keys.rsa2048.line],
        enabled: false,
        quotaBytes: 2048,
      },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ enabled: false, quotaBytes: 2048, hasPassword: true });
    expect(res.body.publicKeys.map((k) => [k.id === ed.id, k.algorithm, k.bits, k.weak])).toEqual([
      [true, 'ssh-ed25519', 256, false],
      [false, 'ssh-rsa', 2048, false],
    ]);
    const noPassword = await call<AccountView>('PUT', `/admin/api/sftp-accounts/${created.id}`, {
      token,
      body: { password: null, enabled: true },
    });
    expect(noPassword.body).toMatchObject({ hasPassword: false, enabled: true });
    const lockout = expectErrorShape(
      await call('PUT', `/admin/api/sftp-accounts/${created.id}`, { token, body: { publicKeys: [] } }),
      400,
    );
    expect(lockout.errors?.[0].field).toBe('password');

    const audit = await call<{ action: string; changes: Record<string, unknown> }[]>(
      'GET',
      `/admin/api/audit-log?range=[0,99]&sort=${enc(['createdAt', 'ASC'])}&filter=${enc({
        resource: 'sftp-accounts',
        resourceId: created.id,
      })}`,
      { token },
    );
    expect(audit.body.map((a) => a.action)).toEqual(['create', 'disable', 'enable']);
    expect(audit.body[0].changes).toMatchObject({
      username,
      password: '[REDACTED]',
      publicKeys: [keys.ed.fingerprint, keys.rsa1024.fingerprint],
    });
    expect(audit.body[1].changes).toMatchObject({
      enabled: false,
      publicKeys: [keys.ed.fingerprint, keys.rsa2048.fingerprint],
    });
    expect(audit.text).not.toContain(PASSWORD);
  });

  it('lists inbound batch files of the account with counts and per-record results, scoped', async () => {
    const id = randomUUID();
    const wireId = id.replace(/-/g, '').toUpperCase();
    await db.query(
      `INSERT INTO batch_files (id, organization_id, account_ref, direction, kind, name, status, record_count,
         accepted_count, rejected_count, size, processed_at)
       VALUES ($1, $2, $3, 'INBOUND', 'IMPORT', $4, 'PROCESSED', 3, 2, 1, 300, now())`,
      [id, created.organizationId, created.id, `payments-${id.slice(0, 6)}.txt`],
    );
    for (const [line, result, code] of [
      [1, 'A', '000'],
      [2, 'R', '101'],
      [3, 'A', '000'],
    ] as const)
      await db.query(
        `INSERT INTO batch_file_records (batch_file_ref, line, external_id, merchant_id, action, amount_cents, result,
           response_code, error_text) VALUES ($1, $2, $3, $4, 'Sale', 1000, $5, $6, $7)`,
        [
          id,
          line,
          `EXT-${line}`,
          DEMO.lakeside.merchantId,
          result,
          code,
          result === 'R' ? 'Card declined' : '',
        ],
      );
    const finance = await as.lakesideFinance();
    const list = await call<Record<string, unknown>[]>(
      'GET',
      `/admin/api/batch-files?range=[0,99]&filter=${enc({ direction: 'INBOUND', accountId: created.id })}`,
      { token: finance },
    );
    expect(list.body).toEqual([
      expect.objectContaining({
        id: wireId,
        direction: 'INBOUND',
        kind: 'IMPORT',
        status: 'PROCESSED',
        merchantId: null,
        accountId: created.id,
        username,
        recordCount: 3,
        acceptedCount: 2,
        rejectedCount: 1,
        relatedId: null,
      }),
    ]);
    expect(list.body[0].processedAt).toEqual(expect.any(String));
    const page = await call<{ line: number; result: string; errorText: string }[]>(
      'GET',
      `/admin/api/batch-files/${wireId}/records?range=[1,2]&sort=${enc(['line', 'ASC'])}`,
      { token: finance },
    );
    expect(page.headers.get('content-range')).toBe('batch-file-records 1-2/3');
    expect(page.body.map((r) => [r.line, r.result, r.errorText])).toEqual([
      [2, 'R', 'Card declined'],
      [3, 'A', ''],
    ]);
    const harbor = await as.harborAdmin();
    expectErrorShape(await call('GET', `/admin/api/batch-files/${wireId}`, { token: harbor }), 404);
    expectErrorShape(await call('GET', `/admin/api/batch-files/${wireId}/records`, { token: harbor }), 404);
    const partner = await as.partnerDev();
    const partnerList = await call<{ id: string }[]>('GET', '/admin/api/batch-files?range=[0,499]', {
      token: partner,
    });
    expect(partnerList.body.map((f) => f.id)).not.toContain(wireId);
    // An account with batch files is kept as their history.
    expectErrorShape(await call('DELETE', `/admin/api/sftp-accounts/${created.id}`, { token: finance }), 403);
    const kept = expectErrorShape(
      await call('DELETE', `/admin/api/sftp-accounts/${created.id}`, { token: await as.lakesideAdmin() }),
      409,
    );
    expect(kept.message).toMatch(/disable it instead/);
  });

  it('deletes an account without files, and audits it', async () => {
    const token = await as.lakesideAdmin();
    const made = await call<AccountView>('POST', '/admin/api/sftp-accounts', {
      token,
      body: {
        username: `gone-${randomUUID().slice(0, 8)}`,
        merchantIds: [DEMO.lakeside.merchantId],
        publicKeys: [keys.ed.line],
      },
    });
    expect(made.status).toBe(201);
    expect((await call('DELETE', `/admin/api/sftp-accounts/${made.body.id}`, { token })).status).toBe(200);
    expectErrorShape(await call('GET', `/admin/api/sftp-accounts/${made.body.id}`, { token }), 404);
    const audit = await call<{ action: string }[]>(
      'GET',
      `/admin/api/audit-log?filter=${enc({ resource: 'sftp-accounts', resourceId: made.body.id })}`,
      { token },
    );
    expect(audit.body.map((a) => a.action).sort()).toEqual(['create', 'delete']);
  });

  it("shows the gateway's host, ports and the host key fingerprints it published in platform-info", async () => {
    const redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: null });
    const KEY = 'file-gateway:host-keys';
    const previous = await redis.get(KEY);
    try {
      const token = await as.lakesideFinance();
      await redis.del(KEY);
      const before = await call<{ fileGateway: Record<string, unknown> }>('GET', '/admin/api/platform-info', {
        token,
      });
      expect(before.body.fileGateway).toMatchObject({
        host: expect.any(String),
        sftpPasswordPort: expect.any(Number),
        sftpKeyPort: expect.any(Number),
        ftpsPort: expect.any(Number),
        ftpsPassivePorts: expect.stringMatching(/^\d+-\d+$/),
        hostKeyFingerprints: null,
      });
      const published = { ed25519: keys.ed.fingerprint, rsa: keys.rsa2048.fingerprint };
      await redis.set(KEY, JSON.stringify(published));
      const after = await call<{ fileGateway: { hostKeyFingerprints: unknown } }>(
        'GET',
        '/admin/api/platform-info',
        {
          token,
        },
      );
      expect(after.body.fileGateway.hostKeyFingerprints).toEqual(published);
    } finally {
      if (previous) await redis.set(KEY, previous);
      else await redis.del(KEY);
      await redis.quit();
    }
  });
});
