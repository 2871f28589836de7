import { randomBytes, randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPrismaClient, type DbClient } from '@conduit/db';
import { call, DEMO, login } from './client';
import { CARDS, FUTURE, LAKESIDE_OUTLET, nvp } from './payments-client';
import { runClient, sftp, sftpArgs, type SftpTarget } from '../support/file-clients';

const gw = inject('fileGateway');
const local = mkdtempSync(path.join(os.tmpdir(), 'conduit-sftp-e2e-'));
const byPassword: SftpTarget = {
  host: gw.host,
  port: gw.sftpPasswordPort,
  username: DEMO.lakeside.sftp.username,
  password: DEMO.lakeside.sftp.password,
};
const byKey: SftpTarget = {
  host: gw.host,
  port: gw.sftpKeyPort,
  username: DEMO.lakeside.sftp.username,
  identityFile: gw.demoKeyPath,
};

function file(name: string, content: string | Buffer) {
  const p = path.join(local, name);
  writeFileSync(p, content);
  return p;
}

/** Polls the account's /outbound until `name` is there, then downloads it. */
async function awaitOutbound(name: string, timeoutMs = 45_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  const target = path.join(local, `${randomUUID()}-${name}`);
  while (Date.now() < deadline) {
    const run = await sftp(byKey, [`-get /outbound/${name} ${target}`]);
    try {
      return readFileSync(target, 'utf8');
    } catch {
      expect(run.code).not.toBe(255);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${name} did not appear in /outbound`);
}

function names(listing: string) {
  return listing
    .split('\n')
    .filter((l) => !l.startsWith('sftp>'))
    .flatMap((l) => l.trim().split(/\s+/))
    .map((n) => n.replace(/^.*\//, ''))
    .filter(Boolean);
}

describe('the file gateway over OpenSSH sftp', () => {
  let db: DbClient;
  let paymentMethodId: string;
  const tag = randomBytes(4).toString('hex').toUpperCase();

  beforeAll(async () => {
    db = createPrismaClient(inject('databaseUrl'), 2);
    const saved = await nvp({
      ...LAKESIDE_OUTLET,
      transactionType: 'CreditCard',
      transactionAction: 'SaveOnFile',
      cardNumber: CARDS.visa,
      cardExpiration: FUTURE,
    });
    expect(saved.fields.responseCode, saved.text).toBe('000');
    paymentMethodId = saved.fields.paymentMethodID;
  });

  afterAll(async () => db.$disconnect());

  it('signs in by password and by key (aes256-gcm) and shows only the three folders', async () => {
    for (const target of [byPassword, byKey, { ...byKey, cipher: 'aes256-ctr' }]) {
      const run = await sftp(target, ['ls -1 /']);
      expect(run.code, run.stderr).toBe(0);
      expect(names(run.stdout).sort()).toEqual(['archive', 'inbound', 'outbound']);
    }
  });

  it('refuses a wrong password, a key on the password port and CBC or SHA-1 RSA', async () => {
    expect((await sftp({ ...byPassword, password: 'not-the-password' }, ['ls'])).code).not.toBe(0);
    expect((await sftp({ ...byKey, port: gw.sftpPasswordPort }, ['ls'])).code).not.toBe(0);
    expect((await sftp({ ...byKey, cipher: 'aes256-cbc' }, ['ls'])).code).not.toBe(0);
    const sha1 = await runClient('sftp', ['-o', 'HostKeyAlgorithms=ssh-rsa', ...sftpArgs(byKey)], {
      input: 'ls\n',
    });
    expect(sha1.code).not.toBe(0);
  });

  it('imports a payment file: acknowledgement in /outbound, original in /archive, nothing charged twice', async () => {
    const lines = [
      `IMPTI10|${DEMO.lakeside.merchantId}|001|002|Sale|${paymentMethodId}|12.34|P-1|Ada|Lovelace|visit 1|E2E-${tag}-1`,
      `IMPTI10|${DEMO.lakeside.merchantId}|001|002|Sale|${paymentMethodId}|abc|P-2|Alan|Turing||E2E-${tag}-2`,
      `IMPTI10|${DEMO.lakeside.merchantId}|001|002|Sale|${paymentMethodId}|7.00|P-3|Grace|Hopper||E2E-${tag}-3`,
    ];
    const name = `payments-${tag}.txt`;
    const put = await sftp(byPassword, [`put ${file(name, lines.join('\r\n') + '\r\n')} /inbound/${name}`]);
    expect(put.code, put.stderr).toBe(0);
    const ack = (await awaitOutbound(`${name}.ack`)).trim().split(/\r?\n/);
    expect(ack).toHaveLength(3);
    const [first, bad, third] = ack.map((l) => l.split('|'));
    expect(first.slice(0, 3)).toEqual(['IMA10', `E2E-${tag}-1`, 'A']);
    expect(first[3]).toMatch(/^[0-9A-F]{32}$/);
    expect(bad.slice(0, 3)).toEqual(['IMA10', `E2E-${tag}-2`, 'R']);
    expect(bad[6]).toMatch(/Amount/);
    expect(third[2]).toBe('A');
    const archive = await sftp(byKey, ['ls -1 /archive', 'ls -1 /inbound']);
    expect(archive.stdout).toContain(name);
    expect(names(archive.stdout.split('sftp> ls -1 /inbound')[1] ?? '')).not.toContain(name);

    // The same records again under another name: accepted as already done, charged once.
    const again = `again-${tag}.txt`;
    expect((await sftp(byKey, [`put ${file(again, lines.join('\n'))} /inbound/${again}`])).code).toBe(0);
    const replay = (await awaitOutbound(`${again}.ack`))
      .trim()
      .split(/\r?\n/)
      .map((l) => l.split('|'));
    expect(replay[0][3]).toBe(first[3]);
    const charged = await db.transaction.count({ where: { externalId: { startsWith: `E2E-${tag}-` } } });
    expect(charged).toBe(2);

    // The console's view: the inbound file with its counts.
    const token = await login(DEMO.lakeside.admin.email, DEMO.lakeside.admin.password);
    const list = await call<{ name: string; status: string; acceptedCount: number; rejectedCount: number }[]>(
      'GET',
      `/admin/api/batch-files?filter=${encodeURIComponent(JSON.stringify({ direction: 'INBOUND' }))}&range=[0,99]`,
      { token },
    );
    expect(list.status).toBe(200);
    const inbound = list.body.find((f) => f.name === name);
    expect(inbound).toMatchObject({ status: 'PROCESSED', acceptedCount: 2, rejectedCount: 1 });
  });

  it('rejects a file that is not IMPTI10 at all, whole, with an acknowledgement saying why', async () => {
    const name = `garbage-${tag}.bin`;
    expect((await sftp(byKey, [`put ${file(name, randomBytes(5000))} /inbound/${name}`])).code).toBe(0);
    const ack = await awaitOutbound(`${name}.ack`);
    expect(ack.split('|')[2]).toBe('R');
    expect(ack).toMatch(/IMPTI10/);
  });

  it('keeps every path inside the jail', async () => {
    writeFileSync(path.join(local, 'x.txt'), 'x');
    const run = await sftp(byPassword, [
      'cd ..',
      'pwd',
      `-get ../../etc/passwd ${path.join(local, 'passwd')}`,
      `-get /etc/passwd ${path.join(local, 'passwd2')}`,
      `-put ${path.join(local, 'x.txt')} /etc/x.txt`,
      `-put ${path.join(local, 'x.txt')} /outbound/x.txt`,
      `-put ${path.join(local, 'x.txt')} ../inbound/../../x.txt`,
      '-mkdir /inbound/sub',
      '-ln -s /etc/passwd /inbound/link',
      '-symlink /etc /inbound/etc',
      '-rm /archive/anything',
      'ls -1 /',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Remote working directory: \/\n/);
    expect(readdirSync(local)).not.toContain('passwd');
    expect(readdirSync(local)).not.toContain('passwd2');
    const after = await sftp(byKey, ['ls -1 /inbound', 'ls -1 /outbound']);
    expect(after.stdout).not.toMatch(/\bx\.txt\b|\blink\b|\bsub\b|\betc\b/);
  });

  it('never shows or processes an interrupted upload', async () => {
    const name = `interrupted-${tag}.txt`;
    const big = file(name, Buffer.alloc(48 * 1024 * 1024, 'IMPTI10|'));
    const child = spawn('sftp', sftpArgs(byKey), { stdio: ['pipe', 'ignore', 'ignore'] });
    child.stdin.end(`put ${big} /inbound/${name}\n`);
    // Kill the client once the gateway has part of the file (an incoming sealed file grows).
    const incoming = path.join(gw.storageDir, 'incoming');
    const deadline = Date.now() + 30_000;
    for (;;) {
      const sizes = (() => {
        try {
          return readdirSync(incoming).map((f) => statSync(path.join(incoming, f)).size);
        } catch {
          return [];
        }
      })();
      if (sizes.some((s) => s > 1024 * 1024) || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 1500));
    const listing = await sftp(byKey, ['ls -1 /inbound']);
    expect(listing.stdout).not.toContain(name);
    expect(await db.batchFile.count({ where: { name } })).toBe(0);
    const audit = await db.auditLogEntry.findMany({ where: { action: 'file.upload-interrupted' } });
    expect(audit.some((a) => JSON.stringify(a.changes).includes(name))).toBe(true);
  });

  it('stores files sealed: no plaintext on disk, and a tampered file fails its download', async () => {
    const marker = `PLAINTEXT-MARKER-${tag}`;
    const name = `held-${tag}.part`; // a temporary name: kept, not processed
    expect((await sftp(byKey, [`put ${file(name, `${marker}\n`.repeat(5000))} /inbound/${name}`])).code).toBe(
      0,
    );
    const entry = await db.gatewayFile.findFirstOrThrow({ where: { name } });
    const stored = path.join(gw.storageDir, entry.fileRef.slice(0, 2), entry.fileRef);
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
        d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)],
      );
    for (const f of walk(gw.storageDir)) expect(readFileSync(f).includes(marker)).toBe(false);
    const bytes = readFileSync(stored);
    bytes[bytes.length - 40] ^= 0x20;
    writeFileSync(stored, bytes);
    const target = path.join(local, `tampered-${tag}`);
    const run = await sftp(byKey, [`get /inbound/${name} ${target}`]);
    expect(run.code).not.toBe(0);
    const got = (() => {
      try {
        return readFileSync(target, 'utf8');
      } catch {
        return '';
      }
    })();
    expect(got.length).toBeLessThan(`${marker}\n`.length * 5000);
  });

  it('bans an address that keeps failing, for every listener, and audits it', async () => {
    const guesser = { ...byPassword, password: 'wrong-password', bindAddress: '127.0.0.7' };
    for (let i = 0; i < 7; i++) await sftp(guesser, ['ls']);
    const banned = await sftp({ ...byPassword, bindAddress: '127.0.0.7' }, ['ls']);
    expect(banned.code).not.toBe(0);
    const keyed = await sftp({ ...byKey, bindAddress: '127.0.0.7' }, ['ls']);
    expect(keyed.code).not.toBe(0);
    expect((await sftp(byKey, ['ls'])).code).toBe(0);
    const bans = await db.auditLogEntry.findMany({ where: { action: 'sftp.ban', ip: '127.0.0.7' } });
    expect(bans).toHaveLength(1);
  });

  it('audits logins, uploads, downloads and deletes as the account', async () => {
    const name = `audited-${tag}.tmp`;
    const run = await sftp(byKey, [
      `put ${file(name, 'audit me')} /inbound/${name}`,
      `get /inbound/${name} ${path.join(local, `copy-${name}`)}`,
      `rm /inbound/${name}`,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const entries = await db.auditLogEntry.findMany({
      where: { actorLabel: DEMO.lakeside.sftp.username, createdAt: { gte: new Date(Date.now() - 60_000) } },
    });
    const actions = new Set(entries.map((e) => e.action));
    for (const a of ['sftp.login', 'file.upload', 'file.download', 'file.delete'])
      expect(actions).toContain(a);
  });
});
