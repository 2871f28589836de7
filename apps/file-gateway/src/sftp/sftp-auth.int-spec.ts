import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoginAttempt } from '../gateway/account-session';
import { MemoryGateway } from '../testing/memory-gateway';
import { type Harness, makeClientKey, runSftp, startHarness } from './sftp-test-kit';

// The SFTP listeners against the real OpenSSH client (Debian's sftp + sshpass): which logins,
// ciphers and host key algorithms are accepted on which port.
const dir = mkdtempSync(join(tmpdir(), 'sftp-auth-'));
const keys = {
  rsa1024: makeClientKey(dir, 'rsa', 1024),
  rsa2048: makeClientKey(dir, 'rsa', 2048),
  rsa4096: makeClientKey(dir, 'rsa', 4096),
  ed25519: makeClientKey(dir, 'ed25519'),
};
const stranger = makeClientKey(join(mkdtempSync(join(dir, 'other-')), ''), 'ed25519');

/** Bans an address after its first failed password, as the real core does after several. */
class BanningGateway extends MemoryGateway {
  override async password(attempt: LoginAttempt, password: string) {
    const session = await super.password(attempt, password);
    if (!session && attempt.username === 'guesser') this.banned.add(attempt.ip);
    return session;
  }
}

let h: Harness;
beforeAll(async () => {
  const gateway = new BanningGateway([
    { username: 'acme', password: 'correct horse', publicKeys: Object.values(keys).map((k) => k.blob) },
    { username: 'guesser', password: 'unguessable' },
  ]);
  h = await startHarness([], { gateway, dir: join(dir, 'server') });
});
afterAll(async () => {
  await h.stop();
  rmSync(dir, { recursive: true, force: true });
});

const password = (extra: { port?: number; password?: string; user?: string; options?: string[] } = {}) =>
  runSftp(
    {
      dir,
      port: extra.port ?? h.ports.passwordPort,
      user: extra.user ?? 'acme',
      password: extra.password ?? 'correct horse',
      options: extra.options,
    },
    ['ls /'],
  );
const withKey = (identity: string, extra: { port?: number; options?: string[] } = {}) =>
  runSftp(
    {
      dir,
      port: extra.port ?? h.ports.keyPort,
      user: 'acme',
      identity,
      options: extra.options ?? ['Ciphers=aes256-gcm@openssh.com'],
    },
    ['ls /'],
  );

const listsRoot = (r: { code: number | null; stdout: string }) => {
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/\/archive\s+\/inbound\s+\/outbound/);
};

describe('SFTP logins (OpenSSH client)', () => {
  it('signs in with a password through sshpass on the password port', async () => {
    listsRoot(await password({ options: ['Ciphers=aes256-gcm@openssh.com'] }));
    expect(h.gateway.events).toContain('login SFTP acme ok');
    expect(JSON.stringify(h.logs)).not.toContain('correct horse');
  });

  it('refuses a wrong password', async () => {
    const r = await password({ password: 'wrong' });
    expect(r.code).not.toBe(0);
    expect(r.stdout).not.toContain('inbound');
    expect(h.gateway.events).toContain('login SFTP acme failed');
    expect(JSON.stringify(h.logs)).not.toContain('wrong');
  });

  for (const [name, key] of Object.entries(keys)) {
    it(`signs in with an ${name} key on the key port (aes256-gcm)`, async () => {
      // Debian's OpenSSH 9.2 accepts 1024-bit RSA by default (RequiredRSASize=1024 is its default).
      listsRoot(await withKey(key.path));
    });
  }

  it('negotiates aes256-ctr', async () => {
    listsRoot(await withKey(keys.ed25519.path, { options: ['Ciphers=aes256-ctr'] }));
  });

  it('signs with rsa-sha2-512 and rsa-sha2-256 host key signatures', async () => {
    for (const alg of ['rsa-sha2-512', 'rsa-sha2-256'])
      listsRoot(await withKey(keys.ed25519.path, { options: [`HostKeyAlgorithms=${alg}`] }));
  });

  // The server ends the handshake as soon as nothing matches, often before the client says why,
  // so the reason is read from the server's log.
  const handshakeErrors = () =>
    h.logs.filter((l) => l.msg === 'sftp connection error').map((l) => String(l.error));

  it('refuses CBC ciphers, SHA-1 MACs and SHA-1 ssh-rsa host key signatures', async () => {
    const logins = h.gateway.events.length;
    const cbc = await withKey(keys.ed25519.path, { options: ['Ciphers=aes256-cbc'] });
    expect(cbc.code).not.toBe(0);
    expect(cbc.stdout).not.toContain('inbound');
    expect(handshakeErrors().some((e) => /cipher/i.test(e))).toBe(true);
    const sha1Mac = await withKey(keys.ed25519.path, { options: ['MACs=hmac-sha1', 'Ciphers=aes256-ctr'] });
    expect(sha1Mac.code).not.toBe(0);
    expect(handshakeErrors().some((e) => /mac/i.test(e))).toBe(true);
    const sha1 = await withKey(keys.ed25519.path, { options: ['HostKeyAlgorithms=ssh-rsa'] });
    expect(sha1.code).not.toBe(0);
    expect(handshakeErrors().some((e) => /host key/i.test(e))).toBe(true);
    expect(h.gateway.events.length).toBe(logins);
  });

  it('refuses a key on the password port and a password on the key port', async () => {
    const keyOnPassword = await withKey(keys.ed25519.path, { port: h.ports.passwordPort });
    expect(keyOnPassword.code).not.toBe(0);
    expect(keyOnPassword.stderr).toMatch(/Permission denied \(password\)/);
    const passwordOnKey = await password({ port: h.ports.keyPort });
    expect(passwordOnKey.code).not.toBe(0);
    expect(passwordOnKey.stderr).toMatch(/Permission denied \(publickey\)/);
  });

  it('refuses SHA-1 ssh-rsa signatures from an RSA client key', async () => {
    const r = await withKey(keys.rsa2048.path, { options: ['PubkeyAcceptedAlgorithms=ssh-rsa'] });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/Permission denied \(publickey\)/);
    expect(h.logs.some((l) => l.msg === 'sftp key type refused')).toBe(true);
  });

  it('refuses a key the account does not have', async () => {
    const r = await withKey(stranger.path);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/Permission denied \(publickey\)/);
  });

  it('drops a banned address before authentication, and closes on a ban after a failure', async () => {
    const r = await password({ user: 'guesser', password: 'guess', options: ['NumberOfPasswordPrompts=3'] });
    expect(r.code).not.toBe(0);
    expect(
      h.logs.some((l) => l.msg === 'sftp connection closed after failed logins' && l.banned === true),
    ).toBe(true);
    // One guess only: the server closed the connection instead of taking the other two.
    expect(h.gateway.events.filter((e) => e === 'login SFTP guesser failed')).toHaveLength(1);
    const dropped = await password();
    expect(dropped.code).not.toBe(0);
    expect(
      h.logs.some((l) => l.msg === 'sftp connection from banned address dropped' && l.ip === '127.0.0.1'),
    ).toBe(true);
    h.gateway.banned.clear();
    listsRoot(await password());
  });

  it('presents host keys whose fingerprints equal ssh-keygen -lf', async () => {
    // Not execFileSync: the server runs in this process and must answer the scan.
    const { stdout: scanned } = await promisify(execFile)('ssh-keyscan', [
      '-p',
      String(h.ports.keyPort),
      '-t',
      'ed25519,rsa',
      '127.0.0.1',
    ]);
    const listed = execFileSync('ssh-keygen', ['-lf', '-'], { input: scanned, encoding: 'utf8' });
    expect(listed).toContain(`${h.fingerprints.ed25519} `);
    expect(listed).toContain(`${h.fingerprints.rsa} `);
    const fromFile = execFileSync(
      'ssh-keygen',
      ['-lf', join(dir, 'server', 'host', 'ssh_host_ed25519_key')],
      {
        encoding: 'utf8',
      },
    );
    expect(fromFile.split(' ')[1]).toBe(h.fingerprints.ed25519);
  });
});
