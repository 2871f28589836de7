import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'basic-ftp';
import { describe, expect, inject, it } from 'vitest';
import { DEMO } from './client';
import { lftp, runClient, sftp } from '../support/file-clients';

const gw = inject('fileGateway');
const local = mkdtempSync(path.join(os.tmpdir(), 'conduit-ftps-e2e-'));
const account = {
  host: gw.host,
  port: gw.ftpsPort,
  username: DEMO.lakeside.sftp.username,
  password: DEMO.lakeside.sftp.password,
};
const tag = randomBytes(4).toString('hex');

describe('the file gateway over FTPS (explicit TLS, passive)', () => {
  it('lftp uploads, lists, downloads and deletes, and the file is the same over SFTP', async () => {
    const content = randomBytes(3 * 1024 * 1024 + 17);
    const name = `lftp-${tag}.part`;
    writeFileSync(path.join(local, name), content);
    const back = path.join(local, `back-${name}`);
    const run = await lftp(account, [
      `put ${path.join(local, name)} -o /inbound/${name}`,
      'cls -1 /inbound',
      `get /inbound/${name} -o ${back}`,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(name);
    expect(readFileSync(back).equals(content)).toBe(true);
    const viaSftp = path.join(local, `sftp-${name}`);
    const s = await sftp(
      { host: gw.host, port: gw.sftpKeyPort, username: account.username, identityFile: gw.demoKeyPath },
      [`get /inbound/${name} ${viaSftp}`],
    );
    expect(s.code, s.stderr).toBe(0);
    expect(readFileSync(viaSftp).equals(content)).toBe(true);
    expect((await lftp(account, [`rm /inbound/${name}`])).code).toBe(0);
  });

  it('curl uploads with --ssl-reqd and lists; without TLS the login is refused', async () => {
    const name = `curl-${tag}.tmp`;
    writeFileSync(path.join(local, name), 'curl upload\n');
    const url = `ftp://${gw.host}:${gw.ftpsPort}`;
    const auth = `${account.username}:${account.password}`;
    const up = await runClient('curl', [
      '-sS',
      '--ssl-reqd',
      '-k',
      '-u',
      auth,
      '-T',
      path.join(local, name),
      `${url}/inbound/`,
    ]);
    expect(up.code, up.stderr).toBe(0);
    const list = await runClient('curl', [
      '-sS',
      '--ssl-reqd',
      '-k',
      '-u',
      auth,
      '--list-only',
      `${url}/inbound/`,
    ]);
    expect(list.stdout.split(/\r?\n/)).toContain(name);
    const plain = await runClient('curl', ['-sS', '-u', auth, '--list-only', `${url}/inbound/`]);
    expect(plain.code).not.toBe(0);
    expect(plain.stderr + plain.stdout).toMatch(/530|TLS|denied/i);
  });

  it('a Node FTPS client round-trips a file, and /outbound is read-only', async () => {
    const client = new Client(15_000);
    try {
      await client.access({
        host: gw.host,
        port: gw.ftpsPort,
        user: account.username,
        password: account.password,
        secure: true,
        secureOptions: { rejectUnauthorized: false },
      });
      const name = `basic-ftp-${tag}.part`;
      const source = path.join(local, name);
      writeFileSync(source, randomBytes(200_000));
      await client.uploadFrom(source, `/inbound/${name}`);
      const back = path.join(local, `back-${name}`);
      await client.downloadTo(back, `/inbound/${name}`);
      expect(readFileSync(back).equals(readFileSync(source))).toBe(true);
      await expect(client.uploadFrom(source, `/outbound/${name}`)).rejects.toThrow(/550/);
      await expect(client.cd('/../../etc')).rejects.toThrow(/550/);
      expect(await client.pwd()).toBe('/');
    } finally {
      client.close();
    }
  });
});
