import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Harness, makeClientKey, runSftp, spawnSftp, startHarness } from './sftp-test-kit';

// Files through the SFTP server with the real OpenSSH client: transfers, listings, the jail, and
// what an interrupted upload leaves behind (nothing).
const dir = mkdtempSync(join(tmpdir(), 'sftp-files-'));
const key = makeClientKey(dir, 'ed25519');
let h: Harness;

beforeAll(async () => {
  h = await startHarness([{ username: 'acme', password: 'pw', publicKeys: [key.blob] }], {
    dir: join(dir, 'srv'),
  });
});
afterAll(async () => {
  await h.stop();
  rmSync(dir, { recursive: true, force: true });
});

const client = {
  dir,
  cwd: dir,
  user: 'acme',
  identity: key.path,
  options: ['Ciphers=aes256-gcm@openssh.com'],
};
const sftp = (commands: string[]) => runSftp({ ...client, port: h.ports.keyPort }, commands);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('SFTP files (OpenSSH client)', () => {
  it('round-trips a 32 MiB random file byte for byte', { timeout: 120_000 }, async () => {
    const data = randomBytes(32 * 1024 * 1024 + 12345);
    writeFileSync(join(dir, 'big.bin'), data);
    const r = await sftp(['put big.bin /inbound/big.bin', 'get /inbound/big.bin big-back.bin']);
    expect(r.code).toBe(0);
    expect(sha256(h.gateway.file('acme', 'inbound', 'big.bin')!)).toBe(sha256(data));
    expect(sha256(readFileSync(join(dir, 'big-back.bin')))).toBe(sha256(data));
    expect(h.gateway.events).toContain(`upload acme big.bin ${data.length}`);
  });

  it('lists / and /inbound like ls -l', async () => {
    h.gateway.put('acme', 'outbound', 'a.txt.ack', Buffer.from('IMA10|1|A\n'));
    const r = await sftp(['ls -l /', 'ls -l /inbound', 'ls /outbound', 'cd /outbound', 'get a.txt.ack']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^dr-xr-xr-x\s+2 conduit\s+conduit\s+0 \w{3} [ \d]\d\s+1970 archive$/m);
    expect(r.stdout).toMatch(/^drwxr-xr-x\s+2 conduit\s+conduit\s+0 .* inbound$/m);
    expect(r.stdout).toMatch(
      /^-rw-r--r--\s+1 conduit\s+conduit\s+33566777 \w{3} [ \d]\d \d\d:\d\d big\.bin$/m,
    );
    expect(r.stdout).toContain('/outbound/a.txt.ack');
    expect(readFileSync(join(dir, 'a.txt.ack'), 'utf8')).toBe('IMA10|1|A\n');
  });

  it('keeps every path inside the jail', async () => {
    writeFileSync(join(dir, 'x'), 'x');
    expect(existsSync('/etc/x')).toBe(false);
    rmSync(join(dir, 'passwd'), { force: true });
    const r = await sftp([
      'cd ..',
      'pwd',
      'cd /inbound/../../..',
      'pwd',
      '-get ../../etc/passwd',
      '-get /etc/passwd',
      '-put x /etc/x',
      '-put x ../../../tmp/x',
      '-ln -s /inbound/big.bin /inbound/link',
      '-symlink /etc/passwd /inbound/pw',
      '-mkdir /inbound/sub',
      '-rmdir /inbound',
      '-put x /outbound/x',
      '-put x /archive/x',
      '-rm /archive/nothing',
      '-rename /inbound/big.bin /outbound/big.bin',
      'ls /inbound',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/Remote working directory: \/$/gm)).toHaveLength(2);
    expect(existsSync(join(dir, 'passwd'))).toBe(false);
    expect(existsSync('/etc/x')).toBe(false);
    // OpenSSH prints its own text for the status codes.
    expect(r.stderr.split(/\r?\n/).filter(Boolean)).toEqual([
      'File "/../../etc/passwd" not found.',
      'File "/etc/passwd" not found.',
      'dest open "/etc/x": Permission denied',
      'dest open "/../../../tmp/x": Permission denied',
      'remote symlink file "/inbound/big.bin" to "/inbound/link": Permission denied',
      'remote symlink file "/etc/passwd" to "/inbound/pw": Permission denied',
      'remote mkdir "/inbound/sub": Permission denied',
      'remote rmdir "/inbound": Permission denied',
      'dest open "/outbound/x": Permission denied',
      'dest open "/archive/x": Permission denied',
      'remote delete /archive/nothing: No such file or directory',
      'remote rename "/inbound/big.bin" to "/outbound/big.bin": Permission denied',
    ]);
    // Only what the earlier tests uploaded: nothing landed anywhere else in the tree.
    const tree = h.gateway.trees.get('acme')!;
    expect([...tree.get('inbound')!.keys()]).toEqual(['big.bin']);
    expect([...tree.get('outbound')!.keys()]).toEqual(['a.txt.ack']);
    expect([...tree.get('archive')!.keys()]).toEqual([]);
  });

  it('renames and removes in /inbound, and refuses to resume an upload', async () => {
    writeFileSync(join(dir, 'p.txt'), 'IMPTI10|x\n');
    writeFileSync(join(dir, 'p-longer.txt'), 'IMPTI10|x\nIMPTI10|y\n');
    const r = await sftp([
      'put p.txt /inbound/p.txt.part',
      'rename /inbound/p.txt.part /inbound/p.txt',
      '-reput p-longer.txt /inbound/p.txt',
      'rm /inbound/big.bin',
      'rm /outbound/a.txt.ack',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/p\.txt.*Operation unsupported/);
    expect(h.gateway.file('acme', 'inbound', 'p.txt')?.toString()).toBe('IMPTI10|x\n');
    expect(h.gateway.file('acme', 'inbound', 'big.bin')).toBeUndefined();
    expect(h.gateway.file('acme', 'outbound', 'a.txt.ack')).toBeUndefined();
    expect(h.gateway.events).toContain('rename acme p.txt.part p.txt');
  });

  it('refuses a file over the size limit and keeps nothing of it', async () => {
    h.gateway.maxFileBytes = 1024 * 1024;
    writeFileSync(join(dir, 'large.bin'), randomBytes(3 * 1024 * 1024));
    const r = await sftp(['-put large.bin /inbound/large.bin', 'ls /inbound']);
    h.gateway.maxFileBytes = 100 * 1024 * 1024;
    // OpenSSH prints only the status code's text; our message ("File too large: …") is what
    // WinSCP and FileZilla show.
    expect(r.stderr).toContain('write remote "/inbound/large.bin": Failure');
    expect(r.stdout).not.toMatch(/^\/inbound\/large\.bin/m);
    expect(h.gateway.file('acme', 'inbound', 'large.bin')).toBeUndefined();
    expect(h.gateway.events).toContain('aborted acme large.bin');
  });

  it('aborts an upload whose connection dies, and never shows the file', { timeout: 120_000 }, async () => {
    writeFileSync(join(dir, 'huge.bin'), randomBytes(80 * 1024 * 1024));
    const batch = join(dir, 'huge.batch');
    writeFileSync(batch, 'put huge.bin /inbound/huge.bin\n');
    const child = spawnSftp({ ...client, port: h.ports.keyPort }, batch);
    const exited = new Promise((resolve) => child.on('close', resolve));
    // Mid-upload: some data has reached the gateway (and 80 MiB cannot all have).
    await vi.waitFor(() => expect(h.written.get('/inbound/huge.bin') ?? 0).toBeGreaterThan(1024 * 1024), {
      timeout: 60_000,
      interval: 5,
    });
    process.kill(-child.pid!, 'SIGKILL');
    await exited;
    await vi.waitFor(() => expect(h.gateway.events).toContain('aborted acme huge.bin'), { timeout: 10_000 });
    expect(h.gateway.events.some((e) => e.startsWith('upload acme huge.bin'))).toBe(false);
    expect(h.gateway.file('acme', 'inbound', 'huge.bin')).toBeUndefined();
    const r = await sftp(['ls /inbound']);
    expect(r.stdout).not.toContain('huge.bin');
  });
});
