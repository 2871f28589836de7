import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { Client } from 'basic-ftp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PASSWORD, startTestServer, type TestServer, USER } from './ftps-test-kit';

// The FTPS server against the clients accounts really use: lftp, curl and basic-ftp (Node).

let t: TestServer;
let dir: string;
const big = randomBytes(10 * 1024 * 1024 + 12345);

beforeAll(async () => {
  t = await startTestServer();
  dir = mkdtempSync(join(tmpdir(), 'ftps-clients-'));
  writeFileSync(join(dir, 'big.bin'), big);
});
afterAll(() => t.close());
beforeEach(() => {
  t.gateway.events.length = 0;
});

function run(cmd: string, args: string[], timeoutMs = 30_000) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(cmd, args, { timeout: timeoutMs, maxBuffer: 1 << 20 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? -1) : 0, stdout, stderr }),
    );
  });
}

function lftp(script: string) {
  const settings = [
    'set ftp:ssl-force true',
    'set ftp:ssl-protect-data true',
    'set ssl:verify-certificate no',
    'set net:max-retries 1',
    'set net:timeout 10',
    'set cmd:fail-exit true',
  ].join('; ');
  return run('lftp', ['-c', `${settings}; open -u ${USER},${PASSWORD} -p ${t.port} 127.0.0.1; ${script}`]);
}

const curlBase = () => ['--ssl-reqd', '-k', '-sS', '--user', `${USER}:${PASSWORD}`];
const url = (path: string) => `ftp://127.0.0.1:${t.port}${path}`;

describe('lftp', () => {
  it('puts, lists, gets, renames and removes a 10 MiB file byte for byte', async () => {
    const put = await lftp(`put ${join(dir, 'big.bin')} -o /inbound/lftp.bin`);
    expect(put.stderr).toBe('');
    expect(t.gateway.file(USER, 'inbound', 'lftp.bin')?.equals(big)).toBe(true);
    expect(t.gateway.events).toContain(`upload ${USER} lftp.bin ${big.length}`);

    const ls = await lftp('cls -l /inbound');
    expect(ls.stdout).toContain('lftp.bin');
    const listed = await lftp('ls /inbound');
    expect(listed.stdout).toMatch(new RegExp(`${big.length} .* lftp\\.bin`));

    const got = await lftp(`get /inbound/lftp.bin -o ${join(dir, 'lftp-back.bin')}`);
    expect(got.stderr).toBe('');
    expect(readFileSync(join(dir, 'lftp-back.bin')).equals(big)).toBe(true);

    const mv = await lftp('mv /inbound/lftp.bin /inbound/lftp-renamed.bin');
    expect(mv.code).toBe(0);
    expect(t.gateway.file(USER, 'inbound', 'lftp-renamed.bin')?.equals(big)).toBe(true);

    const rm = await lftp('rm /inbound/lftp-renamed.bin');
    expect(rm.code).toBe(0);
    expect(t.gateway.file(USER, 'inbound', 'lftp-renamed.bin')).toBeUndefined();
  });

  it('stays inside the jail: cd .., ../../etc/passwd and absolute paths', async () => {
    t.gateway.put(USER, 'outbound', 'result.ack', Buffer.from('IMA10|x|A\n'));
    const climb = await lftp('cd /outbound; cd ..; cd ..; cd ..; pwd; ls');
    expect(climb.stdout).toMatch(/^ftp:\/\/acme(:[^@]*)?@127\.0\.0\.1:\d+\/?$/m);
    expect(climb.stdout).toMatch(/inbound/);
    expect(climb.stdout).toMatch(/archive/);
    expect(climb.stdout).not.toMatch(/etc|bin|usr/);

    const passwd = await lftp(`cd /outbound; get ../../etc/passwd -o ${join(dir, 'passwd')}`);
    expect(passwd.code).not.toBe(0);
    expect(passwd.stderr).toMatch(/550/);
    const absolute = await lftp(`get /etc/passwd -o ${join(dir, 'passwd')}`);
    expect(absolute.stderr).toMatch(/550/);
    const cdAway = await lftp('cd /etc');
    expect(cdAway.stderr).toMatch(/550/);

    // And a relative path that climbs back in is the jail's own file.
    const inside = await lftp(`cd /inbound; get ../../outbound/result.ack -o ${join(dir, 'ack')}`);
    expect(inside.code).toBe(0);
    expect(readFileSync(join(dir, 'ack'), 'utf8')).toBe('IMA10|x|A\n');
  });

  it('is refused with 550 when writing to /outbound', async () => {
    const put = await lftp(`put ${join(dir, 'big.bin')} -o /outbound/nope.bin`);
    expect(put.code).not.toBe(0);
    expect(put.stderr).toMatch(/550/);
    expect(t.gateway.file(USER, 'outbound', 'nope.bin')).toBeUndefined();
  });
});

describe('curl', () => {
  it('uploads with -T, lists and downloads byte for byte', async () => {
    const up = await run('curl', [...curlBase(), '-T', join(dir, 'big.bin'), url('/inbound/curl.bin')]);
    expect(up.stderr).toBe('');
    expect(t.gateway.file(USER, 'inbound', 'curl.bin')?.equals(big)).toBe(true);

    const list = await run('curl', [...curlBase(), url('/inbound/')]);
    expect(list.stdout).toMatch(new RegExp(`^-rw-r--r-- 1 ftp ftp +${big.length} .* curl\\.bin\\r?$`, 'm'));
    const names = await run('curl', [...curlBase(), '-l', url('/')]);
    expect(names.stdout.split(/\r?\n/).filter(Boolean).sort()).toEqual(['archive', 'inbound', 'outbound']);

    const out = join(dir, 'curl-back.bin');
    const down = await run('curl', [...curlBase(), '-o', out, url('/inbound/curl.bin')]);
    expect(down.stderr).toBe('');
    expect(readFileSync(out).equals(big)).toBe(true);
  });

  it('cannot log in without TLS', async () => {
    const plain = await run('curl', ['-sS', '--user', `${USER}:${PASSWORD}`, url('/inbound/')]);
    expect(plain.code).not.toBe(0);
    expect(plain.stderr).toMatch(/530|Access denied|denied/i);
    expect(t.gateway.events.filter((e) => e.startsWith('login'))).toEqual([]);
  });

  it('an upload killed mid-transfer is aborted, never closed', async () => {
    // curl reads the file from a pipe we stop feeding, then dies by SIGKILL: the kernel closes
    // its sockets without a TLS close_notify.
    const curl = spawn('curl', [...curlBase(), '-T', '-', url('/inbound/killed.bin')], {
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    curl.stdin.write(big.subarray(0, 3 * 1024 * 1024));
    await waitFor(() => t.logs.some((l) => l.includes('"command":"STOR"')));
    await new Promise((r) => setTimeout(r, 300));
    curl.kill('SIGKILL');
    await waitFor(() => t.gateway.events.some((e) => e.startsWith('aborted')));
    expect(t.gateway.events).toContain(`aborted ${USER} killed.bin`);
    expect(t.gateway.events.some((e) => e.startsWith('upload'))).toBe(false);
    expect(t.gateway.file(USER, 'inbound', 'killed.bin')).toBeUndefined();
  });
});

describe('basic-ftp', () => {
  async function client() {
    const c = new Client(20_000);
    await c.access({
      host: '127.0.0.1',
      port: t.port,
      user: USER,
      password: PASSWORD,
      secure: true,
      secureOptions: { rejectUnauthorized: false },
    });
    return c;
  }

  it('round-trips a 10 MiB random file byte for byte', async () => {
    const c = await client();
    try {
      await c.uploadFrom(Readable.from([big]), '/inbound/basic.bin');
      expect(t.gateway.file(USER, 'inbound', 'basic.bin')?.equals(big)).toBe(true);
      const list = await c.list('/inbound');
      expect(list.find((f) => f.name === 'basic.bin')?.size).toBe(big.length);
      expect(await c.size('/inbound/basic.bin')).toBe(big.length);
      const chunks: Buffer[] = [];
      await c.downloadTo(
        new Writable({
          write(chunk: Buffer, _e, cb) {
            chunks.push(chunk);
            cb();
          },
        }),
        '/inbound/basic.bin',
      );
      expect(Buffer.concat(chunks).equals(big)).toBe(true);
    } finally {
      c.close();
    }
  });

  it('an upload whose data socket is destroyed ends in abort()', async () => {
    const c = await client();
    const source = new PassThrough();
    const upload = c.uploadFrom(source, '/inbound/cut.bin').catch((err: Error) => err);
    source.write(big.subarray(0, 1024 * 1024));
    await waitFor(() => !!c.ftp.dataSocket);
    await new Promise((r) => setTimeout(r, 200));
    c.ftp.dataSocket!.destroy();
    await waitFor(() => t.gateway.events.some((e) => e.startsWith('aborted')));
    expect(t.gateway.events).toContain(`aborted ${USER} cut.bin`);
    expect(t.gateway.file(USER, 'inbound', 'cut.bin')).toBeUndefined();
    c.close();
    await upload;
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 15_000) {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
