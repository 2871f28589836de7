import { mkdtempSync } from 'node:fs';
import { connect as netConnect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect, type ConnectionOptions, type TLSSocket } from 'node:tls';
import { MemoryGateway } from '../testing/memory-gateway';
import { FtpsServer, type FtpsServerOptions } from './ftps-server';
import { ensureTlsCertificate } from './tls-certificate';

/** Test support for the FTPS server's tests: a server over MemoryGateway and a raw FTP client. */

export const USER = 'acme';
export const PASSWORD = 'Correct-Horse-9';

let certDir: string | null = null;
function testCertificate() {
  certDir ??= mkdtempSync(join(tmpdir(), 'ftps-cert-'));
  return ensureTlsCertificate(certDir, '127.0.0.1');
}

export interface TestServer {
  server: FtpsServer;
  gateway: MemoryGateway;
  port: number;
  passiveMin: number;
  passiveMax: number;
  logs: string[];
  close(): Promise<void>;
}

/** Passive ranges per test file so parallel files (and other processes) rarely collide. */
let nextRange = 0;
export async function startTestServer(overrides: Partial<FtpsServerOptions> = {}): Promise<TestServer> {
  const gateway = new MemoryGateway([{ username: USER, password: PASSWORD }]);
  const logs: string[] = [];
  const log = (level: string) => (obj: object, msg?: string) =>
    logs.push(JSON.stringify({ level, ...obj, msg }));
  const base = 30_000 + ((process.pid * 37 + nextRange++ * 20) % 20_000);
  const passiveMin = overrides.passiveMin ?? base;
  const passiveMax = overrides.passiveMax ?? base + 19;
  const server = new FtpsServer({
    host: '127.0.0.1',
    port: 0,
    tls: testCertificate(),
    login: gateway,
    logger: { info: log('info'), warn: log('warn'), error: log('error') },
    ...overrides,
    passiveMin,
    passiveMax,
  });
  const port = await server.listen();
  return { server, gateway, port, passiveMin, passiveMax, logs, close: () => server.close() };
}

export interface Reply {
  code: number;
  text: string;
}

/** A hand-driven FTP control connection: exactly the bytes a test wants to send. */
export class RawFtp {
  private buffer = '';
  private waiters: Array<(reply: Reply) => void> = [];
  private replies: Reply[] = [];
  socket: Socket | TLSSocket;
  closed: Promise<void>;

  private constructor(socket: Socket) {
    this.socket = socket;
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
    this.listen(socket);
  }

  static async connect(port: number, localAddress?: string): Promise<{ ftp: RawFtp; greeting: Reply }> {
    const socket = netConnect({ port, host: '127.0.0.1', localAddress });
    socket.on('error', () => undefined);
    const ftp = new RawFtp(socket);
    return { ftp, greeting: await ftp.next() };
  }

  private listen(socket: Socket | TLSSocket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer += chunk.toString('latin1');
      for (;;) {
        const reply = this.takeReply();
        if (!reply) break;
        const waiter = this.waiters.shift();
        if (waiter) waiter(reply);
        else this.replies.push(reply);
      }
    });
  }

  private takeReply(): Reply | null {
    const lines = this.buffer.split('\r\n');
    if (lines.length < 2) return null;
    const first = /^(\d{3})([ -])/.exec(lines[0]);
    if (!first) throw new Error(`bad reply line: ${lines[0]}`);
    let end = 0;
    if (first[2] === '-') {
      end = lines.findIndex((l, i) => i > 0 && l.startsWith(`${first[1]} `));
      if (end === -1 || end === lines.length - 1) return null;
    }
    const text = lines.slice(0, end + 1).join('\n');
    this.buffer = lines.slice(end + 1).join('\r\n');
    return { code: Number(first[1]), text };
  }

  /** The next reply (rejects when the connection closes first). */
  next(): Promise<Reply> {
    const queued = this.replies.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      this.waiters.push(resolve);
      void this.closed.then(() => reject(new Error('control connection closed')));
    });
  }

  writeRaw(data: string | Buffer) {
    this.socket.write(data);
  }

  async send(line: string): Promise<Reply> {
    this.socket.write(`${line}\r\n`);
    return this.next();
  }

  /** AUTH TLS and the handshake; extra options e.g. to offer only TLS 1.1. */
  async startTls(options: ConnectionOptions = {}): Promise<Reply> {
    const reply = await this.send('AUTH TLS');
    if (reply.code !== 234) return reply;
    const raw = this.socket as Socket;
    raw.removeAllListeners('data');
    const secure = tlsConnect({ socket: raw, rejectUnauthorized: false, ...options });
    await new Promise<void>((resolve, reject) => {
      secure.once('secureConnect', () => resolve());
      secure.once('error', reject);
    });
    secure.on('error', () => undefined);
    this.socket = secure;
    this.closed = new Promise((resolve) => secure.once('close', () => resolve()));
    this.listen(secure);
    return reply;
  }

  /** AUTH TLS, login, PBSZ 0, PROT P. */
  async login(user = USER, password = PASSWORD) {
    await this.startTls();
    expectCode(await this.send(`USER ${user}`), 331);
    expectCode(await this.send(`PASS ${password}`), 230);
    expectCode(await this.send('PBSZ 0'), 200);
    expectCode(await this.send('PROT P'), 200);
  }

  /** EPSV; the port offered. */
  async passivePort(): Promise<number> {
    const reply = await this.send('EPSV');
    expectCode(reply, 229);
    return Number(/\(\|\|\|(\d+)\|\)/.exec(reply.text)![1]);
  }

  close() {
    this.socket.destroy();
  }
}

/** A TLS data connection to a passive port (as a client does after PASV/EPSV). */
export function dataConnection(port: number, localAddress?: string): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const raw = netConnect({ port, host: '127.0.0.1', localAddress });
    raw.once('error', reject);
    raw.once('connect', () => {
      const secure = tlsConnect({ socket: raw, rejectUnauthorized: false });
      secure.once('secureConnect', () => resolve(secure));
      secure.once('error', reject);
    });
  });
}

export function expectCode(reply: Reply, code: number) {
  if (reply.code !== code) throw new Error(`expected ${code}, got ${reply.code} ${reply.text}`);
}
