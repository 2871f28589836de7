import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { call, DEMO, login } from './client';
import { freshMerchant, saleOn } from './webhooks-client';
import { sftp, type SftpTarget } from '../support/file-clients';

const gw = inject('fileGateway');
const local = mkdtempSync(path.join(os.tmpdir(), 'conduit-outbound-e2e-'));

describe("an account's posting files and limits", () => {
  let token: string;
  let merchantId: string;
  let target: SftpTarget;

  beforeAll(async () => {
    token = await login(DEMO.lakeside.admin.email, DEMO.lakeside.admin.password);
    merchantId = await freshMerchant(token);
    const username = `post-${randomBytes(3).toString('hex')}`;
    const password = `post-pass-${randomBytes(8).toString('hex')}`;
    const created = await call('POST', '/admin/api/sftp-accounts', {
      token,
      body: { username, merchantIds: [merchantId], password, quotaBytes: 150_000 },
    });
    expect(created.status, created.text).toBe(201);
    target = { host: gw.host, port: gw.sftpPasswordPort, username, password };
  });

  it("delivers each closed batch's posting file to the accounts of its merchant", async () => {
    await saleOn(merchantId);
    await saleOn(merchantId, { amount: '40.00' });
    const settled = await call<{ settled: boolean }>(
      'POST',
      `/admin/api/merchants/${merchantId}/settle-now`,
      {
        token,
      },
    );
    expect(settled.status, settled.text).toBe(200);
    expect(settled.body.settled).toBe(true);
    let name = '';
    await expect
      .poll(
        async () => {
          const run = await sftp(target, ['ls -1 /outbound']);
          name = /POSTING_\d{13}_\d{8}\.txt/.exec(run.stdout)?.[0] ?? '';
          return name;
        },
        { timeout: 45_000, interval: 500 },
      )
      .toMatch(new RegExp(`^POSTING_${merchantId}_\\d{8}\\.txt$`));
    const copy = path.join(local, name);
    expect((await sftp(target, [`get /outbound/${name} ${copy}`])).code).toBe(0);
    const lines = readFileSync(copy, 'utf8').trim().split(/\r?\n/);
    expect(lines.filter((l) => l.startsWith('IMDPA14|'))).toHaveLength(2);
    const trailer = lines.at(-1)!.split('|');
    expect(trailer.slice(0, 2)).toEqual(['IMDPT14', '2']);
    expect(Math.round(Number(trailer[2]) * 100)).toBe(5234);
    // Outbound is read and delete only; a delete takes this account's copy, not the console's.
    expect((await sftp(target, [`rm /outbound/${name}`])).code).toBe(0);
    const files = await call<{ name: string }[]>(
      'GET',
      `/admin/api/batch-files?filter=${encodeURIComponent(JSON.stringify({ merchantId }))}`,
      { token },
    );
    expect(files.body.map((f) => f.name)).toContain(name);
  });

  it('refuses an upload past the quota and keeps nothing of it', async () => {
    const big = path.join(local, 'too-big.part');
    writeFileSync(big, randomBytes(200_000));
    const run = await sftp(target, [`put ${big} /inbound/too-big.part`]);
    expect(run.code).not.toBe(0);
    const listing = await sftp(target, ['ls -1 /inbound']);
    expect(listing.stdout).not.toContain('too-big.part');
    const small = path.join(local, 'fits.part');
    writeFileSync(small, randomBytes(1000));
    expect((await sftp(target, [`put ${small} /inbound/fits.part`])).code).toBe(0);
  });
});
