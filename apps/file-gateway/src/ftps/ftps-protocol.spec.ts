import { connect as netConnect } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayLogin } from '../gateway/account-session';
import { MemoryGateway } from '../testing/memory-gateway';
import {
  dataConnection,
  expectCode,
  PASSWORD,
  RawFtp,
  startTestServer,
  type TestServer,
  USER,
} from './ftps-test-kit';

// The FTPS server driven byte by byte over real sockets (Node's net and tls as the client).

let t: TestServer;
const open: RawFtp[] = [];

beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());
afterEach(() => {
  for (const ftp of open.splice(0)) ftp.close();
  t.gateway.banned.clear();
  t.gateway.events.length = 0;
});

async function connect(server = t) {
  const { ftp, greeting } = await RawFtp.connect(server.port);
  open.push(ftp);
  return { ftp, greeting };
}

async function loggedIn(server = t) {
  const { ftp } = await connect(server);
  await ftp.login();
  return ftp;
}

function readAll(socket: TLSSocket) {
  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.once('error', reject);
  });
}

/** A listing over a fresh passive data connection. */
async function listing(ftp: RawFtp, command: string) {
  const data = await dataConnection(await ftp.passivePort());
  const body = readAll(data);
  expectCode(await ftp.send(command), 150);
  const text = await body;
  expectCode(await ftp.next(), 226);
  return text;
}

describe('TLS and login', () => {
  it('greets with 220', async () => {
    const { greeting } = await connect();
    expect(greeting.code).toBe(220);
  });

  it('refuses USER and PASS before AUTH TLS without looking at the password', async () => {
    const { ftp } = await connect();
    expect(await ftp.send(`USER ${USER}`)).toEqual({
      code: 530,
      text: '530 Please login with AUTH TLS first',
    });
    expect((await ftp.send(`PASS ${PASSWORD}`)).text).toBe('530 Please login with AUTH TLS first');
    expect((await ftp.send('LIST')).code).toBe(530);
    expect(t.gateway.events).toEqual([]);
  });

  it('accepts AUTH SSL as a synonym and logs in over TLS', async () => {
    const { ftp } = await connect();
    expectCode(await ftp.send('AUTH SSL'), 234);
    const raw = ftp.socket;
    raw.removeAllListeners('data');
    const secure = tlsConnect({ socket: raw as never, rejectUnauthorized: false });
    await new Promise((r) => secure.once('secureConnect', r));
    expect(secure.getProtocol()).toMatch(/TLSv1\.[23]/);
    secure.destroy();
  });

  it('never runs commands sent in the clear after AUTH TLS', async () => {
    const { ftp } = await connect();
    // A man in the middle appends a command to the client's AUTH TLS.
    ftp.writeRaw('AUTH TLS\r\nUSER acme\r\n');
    const auth = await ftp.next();
    expectCode(auth, 234);
    const raw = ftp.socket;
    raw.removeAllListeners('data');
    const secure = tlsConnect({ socket: raw as never, rejectUnauthorized: false });
    await new Promise((r) => secure.once('secureConnect', r));
    const reply = await new Promise<string>((resolve) => {
      secure.once('data', (c: Buffer) => resolve(c.toString()));
      secure.write('PASS whatever\r\n');
    });
    expect(reply).toMatch(/^503 Login with USER first/);
    secure.destroy();
  });

  it('refuses TLS 1.1 on the control connection and accepts TLS 1.2', async () => {
    const { ftp } = await connect();
    expectCode(await ftp.send('AUTH TLS'), 234);
    const raw = ftp.socket;
    raw.removeAllListeners('data');
    const old = tlsConnect({
      socket: raw as never,
      rejectUnauthorized: false,
      minVersion: 'TLSv1',
      maxVersion: 'TLSv1.1',
      // Let this client offer TLS 1.1 at all (OpenSSL 3 disables it at the default level).
      ciphers: 'DEFAULT@SECLEVEL=0',
    });
    const outcome = await new Promise<string>((resolve) => {
      old.once('secureConnect', () => resolve(`connected ${old.getProtocol()}`));
      old.once('error', (err: NodeJS.ErrnoException) => resolve(`refused ${err.code}`));
    });
    expect(outcome).toMatch(/^refused /);

    const { ftp: modern } = await connect();
    await modern.startTls({ maxVersion: 'TLSv1.2' });
    expect((modern.socket as TLSSocket).getProtocol()).toBe('TLSv1.2');
    expectCode(await modern.send('NOOP'), 200);
  });

  it('offers no CBC suite under TLS 1.2', async () => {
    const { ftp } = await connect();
    expectCode(await ftp.send('AUTH TLS'), 234);
    const raw = ftp.socket;
    raw.removeAllListeners('data');
    const cbc = tlsConnect({
      socket: raw as never,
      rejectUnauthorized: false,
      maxVersion: 'TLSv1.2',
      ciphers: 'ECDHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA:AES256-SHA256:AES256-SHA',
    });
    const outcome = await new Promise<string>((resolve) => {
      cbc.once('secureConnect', () => resolve(`connected ${cbc.getCipher().name}`));
      cbc.once('error', (err: NodeJS.ErrnoException) => resolve(`refused ${err.code}`));
    });
    expect(outcome).toMatch(/^refused /);
  });

  it('logs in with the right password and refuses a wrong one with 530', async () => {
    const { ftp } = await connect();
    await ftp.startTls();
    expectCode(await ftp.send(`USER ${USER}`), 331);
    expect(await ftp.send('PASS wrong')).toEqual({ code: 530, text: '530 Login incorrect' });
    expectCode(await ftp.send(`USER ${USER}`), 331);
    expectCode(await ftp.send(`PASS ${PASSWORD}`), 230);
    expect(t.gateway.events).toEqual([`login FTPS ${USER} failed`, `login FTPS ${USER} ok`]);
  });

  it('answers 421 and closes for a banned address, before any login', async () => {
    t.gateway.banned.add('127.0.0.1');
    const { ftp, greeting } = await connect();
    expect(greeting.code).toBe(421);
    await ftp.closed;
    expect(t.gateway.events).toEqual([]);
  });

  it('answers 421 and closes when a failed PASS has just banned the address', async () => {
    const gateway = new MemoryGateway([{ username: USER, password: PASSWORD }]);
    const banningLogin: GatewayLogin = {
      isBanned: (ip) => gateway.isBanned(ip),
      publicKey: (a, k, s) => gateway.publicKey(a, k, s),
      async password(attempt, password) {
        const session = await gateway.password(attempt, password);
        if (!session) gateway.banned.add(attempt.ip);
        return session;
      },
    };
    const banning = await startTestServer({ login: banningLogin });
    try {
      const { ftp } = await connect(banning);
      await ftp.startTls();
      expectCode(await ftp.send(`USER ${USER}`), 331);
      expect((await ftp.send('PASS nope')).code).toBe(421);
      await ftp.closed;
    } finally {
      await banning.close();
    }
  });

  it('never logs a password, and logs each command with the session id', async () => {
    const ftp = await loggedIn();
    expectCode(await ftp.send('NOOP'), 200);
    const logs = t.logs.join('\n');
    expect(logs).not.toContain(PASSWORD);
    const commands = t.logs.map((l) => JSON.parse(l)).filter((l) => l.msg === 'ftps command');
    expect(commands.map((l) => l.command)).toEqual(
      expect.arrayContaining(['AUTH', 'USER', 'PASS', 'PBSZ', 'PROT', 'NOOP']),
    );
    expect(commands.every((l) => /^[0-9a-f]{12}$/.test(l.session))).toBe(true);
  });
});

describe('commands', () => {
  it('answers the session commands real clients send', async () => {
    const ftp = await loggedIn();
    expect((await ftp.send('SYST')).text).toBe('215 UNIX Type: L8');
    const feat = await ftp.send('FEAT');
    expect(feat.code).toBe(211);
    for (const f of ['AUTH TLS', 'PBSZ', 'PROT', 'EPSV', 'PASV', 'SIZE', 'MDTM', 'MLSD', 'UTF8'])
      expect(feat.text.split('\n')).toContain(` ${f}`);
    expect(feat.text).not.toContain('REST STREAM');
    expectCode(await ftp.send('OPTS UTF8 ON'), 200);
    expectCode(await ftp.send('TYPE I'), 200);
    expect((await ftp.send('TYPE A')).text).toBe('200 Type set to A');
    expectCode(await ftp.send('TYPE E'), 504);
    expectCode(await ftp.send('MODE S'), 200);
    expectCode(await ftp.send('MODE B'), 504);
    expectCode(await ftp.send('STRU F'), 200);
    expectCode(await ftp.send('REST 0'), 350);
    expectCode(await ftp.send('REST 100'), 504);
    expectCode(await ftp.send('PORT 127,0,0,1,4,1'), 502);
    expect((await ftp.send('EPRT |1|127.0.0.1|1025|')).text).toMatch(/^502 Active mode is not supported/);
    expectCode(await ftp.send('SITE CHMOD 777 x'), 502);
    expectCode(await ftp.send('HELP'), 214);
    expectCode(await ftp.send('STAT'), 211);
    expectCode(await ftp.send('MKD /inbound/sub'), 550);
    expectCode(await ftp.send('RMD /inbound'), 550);
    expectCode(await ftp.send('QUIT'), 221);
    await ftp.closed;
  });

  it('keeps the working directory inside the three folders', async () => {
    const ftp = await loggedIn();
    expect((await ftp.send('PWD')).text).toBe('257 "/" is the current directory');
    expectCode(await ftp.send('CWD inbound'), 250);
    expect((await ftp.send('XPWD')).text).toBe('257 "/inbound" is the current directory');
    expectCode(await ftp.send('CWD ../outbound'), 250);
    expectCode(await ftp.send('CDUP'), 250);
    expectCode(await ftp.send('CDUP'), 250);
    expect((await ftp.send('PWD')).text).toBe('257 "/" is the current directory');
    expectCode(await ftp.send('CWD /etc'), 550);
    expectCode(await ftp.send('CWD ../../etc'), 550);
    expectCode(await ftp.send('XCWD /inbound/missing'), 550);
    expect((await ftp.send('PWD')).text).toBe('257 "/" is the current directory');
  });

  it('answers 500 to an over-long or non-UTF-8 line and carries on', async () => {
    const ftp = await loggedIn();
    expect((await ftp.send(`NOOP ${'x'.repeat(5000)}`)).code).toBe(500);
    ftp.writeRaw(Buffer.from([0x4e, 0x4f, 0x4f, 0x50, 0x20, 0xc3, 0x28, 0x0d, 0x0a]));
    expect((await ftp.next()).code).toBe(500);
    expectCode(await ftp.send('NOOP'), 200);
  });

  it('stats, sizes and lists files (LIST, NLST, MLSD, MLST)', async () => {
    t.gateway.put(USER, 'outbound', 'POSTING_1_20250101.txt', Buffer.from('IMDPA14|x\n'));
    const ftp = await loggedIn();
    expect((await ftp.send('SIZE /outbound/POSTING_1_20250101.txt')).text).toBe('213 10');
    expect((await ftp.send('MDTM /outbound/POSTING_1_20250101.txt')).text).toMatch(/^213 \d{14}$/);
    expectCode(await ftp.send('SIZE /outbound'), 550);
    expectCode(await ftp.send('SIZE /outbound/missing'), 550);
    expect(await listing(ftp, 'LIST -la /outbound')).toMatch(
      /^-rw-r--r-- 1 ftp ftp +10 \w{3} [ \d]\d \d\d:\d\d POSTING_1_20250101\.txt\r\n$/,
    );
    expect(await listing(ftp, 'NLST /')).toBe('inbound\r\noutbound\r\narchive\r\n');
    const mlsd = await listing(ftp, 'MLSD /outbound');
    expect(mlsd).toMatch(/^type=file;size=10;modify=\d{14};perm=rd; POSTING_1_20250101\.txt\r\n$/);
    const mlst = await ftp.send('MLST /inbound');
    expect(mlst.text.split('\n')[1]).toMatch(/^ type=dir;size=0;modify=\d{14};perm=elc; \/inbound$/);
  });

  it('refuses folder rules with 550, an existing rename target with 553', async () => {
    t.gateway.put(USER, 'archive', 'old.txt', Buffer.from('x'));
    t.gateway.put(USER, 'inbound', 'a.txt', Buffer.from('a'));
    t.gateway.put(USER, 'inbound', 'b.txt', Buffer.from('b'));
    const ftp = await loggedIn();
    expectCode(await ftp.send('DELE /archive/old.txt'), 550);
    expectCode(await ftp.send('DELE /inbound/missing'), 550);
    expectCode(await ftp.send('RNTO /inbound/c.txt'), 503);
    expectCode(await ftp.send('RNFR /inbound/a.txt'), 350);
    expectCode(await ftp.send('RNTO /inbound/b.txt'), 553);
    expectCode(await ftp.send('RNFR /inbound/a.txt'), 350);
    expectCode(await ftp.send('RNTO /archive/a.txt'), 550);
    expectCode(await ftp.send('RNFR /inbound/a.txt'), 350);
    expectCode(await ftp.send('RNTO c.txt'), 550);
    await ftp.send('CWD /inbound');
    expectCode(await ftp.send('RNFR a.txt'), 350);
    expectCode(await ftp.send('RNTO c.txt'), 250);
    expect(t.gateway.file(USER, 'inbound', 'c.txt')?.toString()).toBe('a');
    expectCode(await ftp.send('DELE c.txt'), 250);
    expect(t.gateway.file(USER, 'inbound', 'c.txt')).toBeUndefined();
  });

  it('answers 502 to an unknown command', async () => {
    const { ftp } = await connect();
    expect((await ftp.send('XYZZY')).code).toBe(502);
  });
});

describe('data connections', () => {
  it('require PBSZ 0 and PROT P first, and PROT C is refused', async () => {
    const { ftp } = await connect();
    await ftp.startTls();
    expectCode(await ftp.send('PROT P'), 503);
    expectCode(await ftp.send(`USER ${USER}`), 331);
    expectCode(await ftp.send(`PASS ${PASSWORD}`), 230);
    expect((await ftp.send('PASV')).code).toBe(521);
    expect((await ftp.send('LIST')).code).toBe(521);
    expect((await ftp.send('RETR /inbound/x')).code).toBe(521);
    expect((await ftp.send('STOR /inbound/x')).code).toBe(521);
    expectCode(await ftp.send('PBSZ 0'), 200);
    expectCode(await ftp.send('PROT C'), 534);
    expectCode(await ftp.send('PROT P'), 200);
    expectCode(await ftp.send('LIST'), 425);
    expect((await ftp.send('PASV')).code).toBe(227);
  });

  it('offers passive ports from the range, never the same one to two sessions', async () => {
    const a = await loggedIn();
    const b = await loggedIn();
    const pasv = await a.send('PASV');
    const m = /\(127,0,0,1,(\d+),(\d+)\)/.exec(pasv.text)!;
    const pasvPort = Number(m[1]) * 256 + Number(m[2]);
    const epsvPort = await b.passivePort();
    for (const port of [pasvPort, epsvPort]) {
      expect(port).toBeGreaterThanOrEqual(t.passiveMin);
      expect(port).toBeLessThanOrEqual(t.passiveMax);
    }
    expect(pasvPort).not.toBe(epsvPort);
  });

  it('has no free port while a one-port range is held, and gets it back on release', async () => {
    const tiny = await startTestServer({ passiveMin: t.passiveMax + 101, passiveMax: t.passiveMax + 101 });
    try {
      const a = await loggedIn(tiny);
      const b = await loggedIn(tiny);
      expect(await a.passivePort()).toBe(tiny.passiveMin);
      expect((await b.send('EPSV')).code).toBe(425);
      expectCode(await a.send('ABOR'), 225);
      expect(await b.passivePort()).toBe(tiny.passiveMin);
    } finally {
      await tiny.close();
    }
  });

  it('drops a data connection from another address', async () => {
    const ftp = await loggedIn();
    const port = await ftp.passivePort();
    // 127.0.0.2 is another address of the loopback interface.
    const stranger = await new Promise<string>((resolve) => {
      const raw = netConnect({ port, host: '127.0.0.1', localAddress: '127.0.0.2' });
      raw.once('connect', () => {
        const secure = tlsConnect({ socket: raw, rejectUnauthorized: false });
        secure.once('secureConnect', () => resolve('handshake'));
        secure.once('error', () => resolve('dropped'));
        secure.once('close', () => resolve('dropped'));
      });
      raw.once('error', () => resolve('dropped'));
    });
    expect(stranger).toBe('dropped');
    expect(t.logs.some((l) => l.includes('data connection from another address dropped'))).toBe(true);
    // The offer still stands for the client itself.
    const data = await dataConnection(port);
    const body = readAll(data);
    expectCode(await ftp.send('NLST /'), 150);
    expect(await body).toBe('inbound\r\noutbound\r\narchive\r\n');
    expectCode(await ftp.next(), 226);
  });

  it('answers 425 when no TLS data connection arrives', async () => {
    const quick = await startTestServer({
      passiveMin: t.passiveMax + 102,
      passiveMax: t.passiveMax + 104,
      dataConnectTimeoutMs: 300,
    });
    try {
      const ftp = await loggedIn(quick);
      await ftp.passivePort();
      expectCode(await ftp.send('LIST'), 150);
      expect((await ftp.next()).code).toBe(425);
    } finally {
      await quick.close();
    }
  });

  it('refuses STOR to /outbound with 550 before any data is sent', async () => {
    const ftp = await loggedIn();
    await ftp.passivePort();
    expect((await ftp.send('STOR /outbound/x.txt')).code).toBe(550);
    // The passive offer still stands for the next command.
    expectCode(await ftp.send('RETR /inbound/missing'), 550);
    expect(t.gateway.events).toEqual([`login FTPS ${USER} ok`]);
  });
});

describe('uploads', () => {
  async function startUpload(ftp: RawFtp, name: string) {
    const data = await dataConnection(await ftp.passivePort());
    expectCode(await ftp.send(`STOR /inbound/${name}`), 150);
    data.on('error', () => undefined);
    return data;
  }

  it('closes the upload on close_notify and answers 226', async () => {
    const ftp = await loggedIn();
    const data = await startUpload(ftp, 'ok.txt');
    data.end('IMPTI10|1|2\n');
    expect((await ftp.next()).code).toBe(226);
    expect(t.gateway.file(USER, 'inbound', 'ok.txt')?.toString()).toBe('IMPTI10|1|2\n');
    expect(t.gateway.events).toContain(`upload ${USER} ok.txt 12`);
  });

  it('aborts when the TCP connection ends without a TLS close_notify', async () => {
    const ftp = await loggedIn();
    const port = await ftp.passivePort();
    const raw = netConnect({ port, host: '127.0.0.1' });
    await new Promise((r) => raw.once('connect', r));
    const data = tlsConnect({ socket: raw, rejectUnauthorized: false });
    data.on('error', () => undefined);
    await new Promise((r) => data.once('secureConnect', r));
    expectCode(await ftp.send('STOR /inbound/cut.txt'), 150);
    await new Promise<void>((r) => data.write('IMPTI10|1|2\n', () => r()));
    // A FIN straight from the TCP layer, as when the client process dies.
    raw.end();
    expect((await ftp.next()).code).toBe(426);
    expect(t.gateway.events).toContain(`aborted ${USER} cut.txt`);
    expect(t.gateway.file(USER, 'inbound', 'cut.txt')).toBeUndefined();
  });

  it('aborts on ABOR: 426 for the transfer, then 226', async () => {
    const ftp = await loggedIn();
    const data = await startUpload(ftp, 'abor.txt');
    await new Promise<void>((r) => data.write('partial', () => r()));
    ftp.writeRaw('ABOR\r\n');
    expect((await ftp.next()).code).toBe(426);
    expect((await ftp.next()).code).toBe(226);
    expect(t.gateway.events).toContain(`aborted ${USER} abor.txt`);
    expectCode(await ftp.send('NOOP'), 200);
  });

  it('aborts when the control connection drops mid-transfer', async () => {
    const ftp = await loggedIn();
    const data = await startUpload(ftp, 'dropped.txt');
    await new Promise<void>((r) => data.write('partial', () => r()));
    ftp.close();
    await new Promise((r) => data.once('close', r));
    expect(t.gateway.events).toContain(`aborted ${USER} dropped.txt`);
    expect(t.gateway.file(USER, 'inbound', 'dropped.txt')).toBeUndefined();
  });

  it('aborts with 552 past the file size limit', async () => {
    const small = await startTestServer({
      passiveMin: t.passiveMax + 105,
      passiveMax: t.passiveMax + 106,
      maxFileBytes: 1000,
    });
    try {
      const ftp = await loggedIn(small);
      const data = await dataConnection(await ftp.passivePort());
      data.on('error', () => undefined);
      expectCode(await ftp.send('STOR /inbound/big.txt'), 150);
      data.end(Buffer.alloc(5000, 0x41));
      expect((await ftp.next()).code).toBe(552);
      expect(small.gateway.events).toContain(`aborted ${USER} big.txt`);
    } finally {
      await small.close();
    }
  });
});

describe('idle timeout', () => {
  it('closes an idle control connection with 421', async () => {
    const idle = await startTestServer({
      passiveMin: t.passiveMax + 107,
      passiveMax: t.passiveMax + 107,
      idleTimeoutMs: 200,
    });
    try {
      const { ftp } = await connect(idle);
      expect((await ftp.next()).code).toBe(421);
      await ftp.closed;
    } finally {
      await idle.close();
    }
  });
});
