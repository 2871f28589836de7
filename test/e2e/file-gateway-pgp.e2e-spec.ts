import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { call, DEMO, login } from './client';
import { CARDS, FUTURE, LAKESIDE_OUTLET, nvp } from './payments-client';
import { sftp, type SftpTarget } from '../support/file-clients';

const gw = inject('fileGateway');

/** Debian's gpg in a home of its own, as the practice's IT would run it. */
function gpg(home: string, args: string[], input?: Buffer | string) {
  return execFileSync(
    'gpg',
    ['--homedir', home, '--batch', '--yes', '--pinentry-mode', 'loopback', '--passphrase', '', ...args],
    { input, stdio: ['pipe', 'pipe', 'pipe'] },
  );
}

describe('OpenPGP on top of the channel, with gpg', () => {
  it('decrypts an uploaded NAME.pgp with the account key, and encrypts its acknowledgement to the account', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'conduit-gpg-'));
    const work = mkdtempSync(path.join(os.tmpdir(), 'conduit-pgp-e2e-'));
    gpg(home, ['--quick-gen-key', 'Billing IT <it@lakeside.test>', 'ed25519', 'sign', '0']);
    const fpr = /fpr:+([0-9A-F]{40}):/.exec(gpg(home, ['--with-colons', '--list-keys']).toString())![1];
    gpg(home, ['--quick-add-key', fpr, 'cv25519', 'encr', '0']);
    const clientKey = gpg(home, ['--armor', '--export', fpr]).toString();

    const token = await login(DEMO.lakeside.admin.email, DEMO.lakeside.admin.password);
    const username = `pgp-${randomBytes(3).toString('hex')}`;
    const password = `pgp-pass-${randomBytes(8).toString('hex')}`;
    const created = await call<{ id: string; conduitPgpPublicKey: string; conduitPgpFingerprint: string }>(
      'POST',
      '/admin/api/sftp-accounts',
      {
        token,
        body: { username, merchantIds: [DEMO.lakeside.merchantId], password, pgpPublicKey: clientKey },
      },
    );
    expect(created.status, created.text).toBe(201);
    gpg(home, ['--import'], created.body.conduitPgpPublicKey);

    const saved = await nvp({
      ...LAKESIDE_OUTLET,
      transactionType: 'CreditCard',
      transactionAction: 'SaveOnFile',
      cardNumber: CARDS.visa,
      cardExpiration: FUTURE,
    });
    const externalId = `PGP-${randomBytes(4).toString('hex')}`;
    const record = `IMPTI10|${DEMO.lakeside.merchantId}|001|002|Sale|${saved.fields.paymentMethodID}|9.99|P-9|Ada|Byron||${externalId}\r\n`;
    const plain = path.join(work, 'march.txt');
    writeFileSync(plain, record);
    gpg(home, [
      '--trust-model',
      'always',
      '-r',
      created.body.conduitPgpFingerprint,
      '-o',
      `${plain}.pgp`,
      '--encrypt',
      plain,
    ]);

    const target: SftpTarget = { host: gw.host, port: gw.sftpPasswordPort, username, password };
    const put = await sftp(target, [`put ${plain}.pgp /inbound/march.txt.pgp`]);
    expect(put.code, put.stderr).toBe(0);
    const ack = path.join(work, 'march.txt.ack.pgp');
    await expect
      .poll(async () => (await sftp(target, [`-get /outbound/march.txt.ack.pgp ${ack}`]), readable(ack)), {
        timeout: 45_000,
        interval: 500,
      })
      .toBe(true);
    const decrypted = gpg(home, ['--decrypt', ack]).toString();
    expect(decrypted.split('|').slice(0, 3)).toEqual(['IMA10', externalId, 'A']);

    // A .pgp upload that is not for this account's key is refused whole, with the reason.
    writeFileSync(path.join(work, 'other.txt.pgp'), randomBytes(300));
    expect(
      (await sftp(target, [`put ${path.join(work, 'other.txt.pgp')} /inbound/other.txt.pgp`])).code,
    ).toBe(0);
    const refused = path.join(work, 'other.txt.ack.pgp');
    await expect
      .poll(
        async () => (await sftp(target, [`-get /outbound/other.txt.ack.pgp ${refused}`]), readable(refused)),
        {
          timeout: 45_000,
          interval: 500,
        },
      )
      .toBe(true);
    expect(gpg(home, ['--decrypt', refused]).toString()).toMatch(/\|R\|.*OpenPGP/);
  });
});

function readable(file: string) {
  try {
    readFileSync(file);
    return true;
  } catch {
    return false;
  }
}
