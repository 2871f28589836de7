import { randomBytes } from 'node:crypto';
import { isIPv4, type Socket } from 'node:net';
import { type SecureContext, TLSSocket } from 'node:tls';
import { type AccountSession, GatewayError, type GatewayLogin } from '../gateway/account-session';
import { loggable, resolvePath } from '../gateway/jail-path';
import { type DataConnection, PassiveChannel } from './data-connection';
import { factsLine, listLine, timeVal } from './ftp-listing';
import { type ControlLine, LineReader } from './ftp-line-reader';
import { type FtpReply, formatReply, replyForError } from './ftp-replies';
import { receiveUpload, sendBuffer, sendDownload } from './ftp-transfer';
import { type PassivePortPool, plainAddress } from './passive-ports';

export interface FtpsLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** What every session of one server shares. */
export interface SessionEnvironment {
  secureContext: SecureContext;
  pool: PassivePortPool;
  login: GatewayLogin;
  logger: FtpsLogger;
  /** Where passive listeners bind (the server's bind address). */
  bindHost: string;
  /** The IPv4 address put in PASV replies; default: the control connection's local address. */
  passiveAddress?: string;
  maxFileBytes: number;
  idleTimeoutMs: number;
  /** How long a transfer command waits for its data connection and TLS handshake. */
  dataConnectTimeoutMs: number;
}

const FEATURES = [
  'Features:',
  'AUTH TLS',
  'PBSZ',
  'PROT',
  'EPSV',
  'PASV',
  'SIZE',
  'MDTM',
  'MLSD',
  'MLST type*;size*;modify*;perm*;',
  'UTF8',
  'End',
];

const COMMANDS = [
  'ABOR',
  'ALLO',
  'AUTH',
  'CDUP',
  'CWD',
  'DELE',
  'EPRT',
  'EPSV',
  'FEAT',
  'HELP',
  'LIST',
  'MDTM',
  'MKD',
  'MLSD',
  'MLST',
  'MODE',
  'NLST',
  'NOOP',
  'OPTS',
  'PASS',
  'PASV',
  'PBSZ',
  'PORT',
  'PROT',
  'PWD',
  'QUIT',
  'REST',
  'RETR',
  'RMD',
  'RNFR',
  'RNTO',
  'SIZE',
  'STAT',
  'STOR',
  'STRU',
  'SYST',
  'TYPE',
  'USER',
  'XCUP',
  'XCWD',
  'XMKD',
  'XPWD',
  'XRMD',
];

const KNOWN = new Set(COMMANDS);

/** Commands answered before login (everything else needs USER/PASS first). */
const BEFORE_LOGIN = new Set([
  'AUTH',
  'PBSZ',
  'PROT',
  'USER',
  'PASS',
  'QUIT',
  'SYST',
  'FEAT',
  'NOOP',
  'HELP',
  'OPTS',
]);
const FOLDER_PATHS = new Set(['/', '/inbound', '/outbound', '/archive']);
const NOT_SECURE: FtpReply = { code: 530, text: 'Please login with AUTH TLS first' };

interface ActiveTransfer {
  controller: AbortController;
  finished: Promise<void>;
}

/**
 * One control connection: plain until AUTH TLS, then TLS for the rest of its life. Commands are
 * answered strictly in order (a client may pipeline them); only ABOR, QUIT and STAT are taken out
 * of turn while a transfer runs, as RFC 959 expects. Every path goes through the jail's
 * `resolvePath`; the account session does the rest.
 */
export class FtpSession {
  readonly id = randomBytes(6).toString('hex');
  readonly ip: string;
  private socket: Socket | TLSSocket;
  private secure = false;
  private pbsz = false;
  private protectedData = false;
  private user: string | null = null;
  private account: AccountSession | null = null;
  private cwd = '/';
  private renameFrom: string | null = null;
  private passive: PassiveChannel | null = null;
  private transfer: ActiveTransfer | null = null;
  private queue: ControlLine[] = [];
  private busy = false;
  private closed = false;
  private idleTimer: NodeJS.Timeout | null = null;
  private resolveDone!: () => void;
  /** Resolves once the session is torn down (sockets closed, uploads aborted, session ended). */
  readonly done = new Promise<void>((resolve) => (this.resolveDone = resolve));

  constructor(
    raw: Socket,
    private readonly env: SessionEnvironment,
  ) {
    this.socket = raw;
    this.ip = plainAddress(raw.remoteAddress);
    raw.on('error', (err) => this.log('warn', { err: err.message }, 'ftps control connection error'));
    raw.on('close', () => void this.teardown());
  }

  async start() {
    const raw = this.socket;
    this.log('info', { ip: this.ip }, 'ftps connection');
    if (await this.banned()) return this.refuse('Too many failed logins from your address; try again later');
    this.attachReader(raw);
    this.touch();
    this.send({ code: 220, text: 'Conduit file gateway (FTPS: AUTH TLS required)' });
  }

  /** Ends the session from outside (server shutdown). */
  async close() {
    if (!this.closed) this.send({ code: 421, text: 'Server shutting down' });
    await this.teardown();
    this.socket.destroy();
  }

  private attachReader(socket: Socket | TLSSocket) {
    const reader = new LineReader((line) => this.onLine(socket, line));
    socket.on('data', (chunk: Buffer) => reader.push(chunk));
  }

  private onLine(from: Socket | TLSSocket, line: ControlLine) {
    // Lines that followed AUTH TLS in the clear are never executed (STARTTLS command injection).
    if (this.closed || from !== this.socket) return;
    this.touch();
    if (this.transfer && line.kind === 'command' && ['ABOR', 'QUIT', 'STAT'].includes(line.verb)) {
      void this.outOfTurn(line.verb);
      return;
    }
    this.queue.push(line);
    void this.drain();
  }

  private async drain() {
    if (this.busy) return;
    this.busy = true;
    try {
      while (!this.closed && this.queue.length > 0) {
        const line = this.queue.shift()!;
        if (line.kind === 'invalid') {
          this.send({ code: 500, text: `Command line ${line.reason}` });
          continue;
        }
        this.log('info', { command: line.verb }, 'ftps command');
        try {
          const reply = await this.dispatch(line.verb, line.argument);
          if (reply) this.send(reply);
        } catch (err) {
          this.log('error', { command: line.verb, err: (err as Error).message }, 'ftps command failed');
          this.send(replyForError(err));
        }
      }
    } finally {
      this.busy = false;
    }
  }

  private async outOfTurn(verb: string) {
    this.log('info', { command: verb }, 'ftps command');
    const transfer = this.transfer;
    if (verb === 'STAT') return this.send({ code: 211, text: 'Transfer in progress' });
    transfer?.controller.abort();
    await transfer?.finished;
    if (verb === 'ABOR') this.send({ code: 226, text: 'ABOR successful' });
    else await this.quit();
  }

  /** The reply to one command; null when the handler has answered itself. */
  private async dispatch(verb: string, arg: string): Promise<FtpReply | null> {
    if (verb !== 'RNTO') this.renameFrom = verb === 'RNFR' ? this.renameFrom : null;
    if (!KNOWN.has(verb)) return { code: 502, text: 'Command not implemented' };
    if (!this.account && !BEFORE_LOGIN.has(verb)) {
      return this.secure ? { code: 530, text: 'Please login with USER and PASS' } : NOT_SECURE;
    }
    switch (verb) {
      case 'AUTH':
        return this.auth(arg);
      case 'PBSZ':
        if (!this.secure) return { code: 503, text: 'AUTH TLS first' };
        this.pbsz = true;
        return { code: 200, text: 'PBSZ=0' };
      case 'PROT':
        return this.prot(arg);
      case 'USER':
        return this.userCommand(arg);
      case 'PASS':
        return this.pass(arg);
      case 'QUIT':
        await this.quit();
        return null;
      case 'SYST':
        return { code: 215, text: 'UNIX Type: L8' };
      case 'FEAT':
        return { code: 211, text: FEATURES };
      case 'OPTS':
        if (/^UTF-?8( ON)?$/i.test(arg.trim())) return { code: 200, text: 'UTF8 mode is always on' };
        if (/^MLST /i.test(arg)) return { code: 200, text: 'MLST OPTS type;size;modify;perm;' };
        return { code: 501, text: 'Option not understood' };
      case 'NOOP':
        return { code: 200, text: 'NOOP ok' };
      case 'HELP':
        return {
          code: 214,
          text: ['The following commands are recognized:', ...chunk(COMMANDS, 10), 'Help OK'],
        };
      case 'PWD':
      case 'XPWD':
        return { code: 257, text: `"${this.cwd}" is the current directory` };
      case 'CWD':
      case 'XCWD':
        return this.changeDirectory(arg);
      case 'CDUP':
      case 'XCUP':
        return this.changeDirectory('..');
      case 'TYPE': {
        const type = arg.trim().toUpperCase();
        if (['A', 'A N', 'I', 'L 8'].includes(type))
          return { code: 200, text: `Type set to ${type === 'A' || type === 'A N' ? 'A' : 'I'}` };
        return { code: 504, text: 'Type not supported' };
      }
      case 'MODE':
        return arg.trim().toUpperCase() === 'S'
          ? { code: 200, text: 'Mode set to S' }
          : { code: 504, text: 'Only stream mode is supported' };
      case 'STRU':
        return arg.trim().toUpperCase() === 'F'
          ? { code: 200, text: 'Structure set to F' }
          : { code: 504, text: 'Only file structure is supported' };
      case 'ALLO':
        return { code: 202, text: 'No storage allocation necessary' };
      case 'REST':
        return arg.trim() === '0'
          ? { code: 350, text: 'Restarting at 0' }
          : { code: 504, text: 'Resuming transfers is not supported (only REST 0)' };
      case 'PORT':
      case 'EPRT':
        return { code: 502, text: 'Active mode is not supported; use PASV or EPSV' };
      case 'PASV':
        return this.openPassive(false);
      case 'EPSV':
        if (/^all$/i.test(arg.trim())) return { code: 200, text: 'EPSV ALL ok' };
        if (arg.trim() && !['1', '2'].includes(arg.trim()))
          return { code: 522, text: 'Network protocol not supported, use (1,2)' };
        return this.openPassive(true);
      case 'LIST':
      case 'NLST':
        return this.list(verb, arg);
      case 'MLSD':
        return this.mlsd(arg);
      case 'MLST':
        return this.mlst(arg);
      case 'SIZE': {
        const entry = await this.session.stat(this.path(arg));
        return entry.isDirectory
          ? { code: 550, text: 'Not a plain file' }
          : { code: 213, text: String(entry.size) };
      }
      case 'MDTM': {
        const entry = await this.session.stat(this.path(arg));
        return entry.isDirectory
          ? { code: 550, text: 'Not a plain file' }
          : { code: 213, text: timeVal(entry.modifiedAt) };
      }
      case 'RETR':
        return this.retrieve(arg);
      case 'STOR':
        return this.store(arg);
      case 'DELE':
        await this.session.remove(this.path(arg));
        return { code: 250, text: 'File deleted' };
      case 'RNFR': {
        const from = this.path(arg);
        const entry = await this.session.stat(from);
        if (entry.isDirectory) return { code: 550, text: 'Permission denied: folders cannot be renamed' };
        this.renameFrom = from;
        return { code: 350, text: 'Ready for RNTO' };
      }
      case 'RNTO': {
        const from = this.renameFrom;
        this.renameFrom = null;
        if (!from) return { code: 503, text: 'RNFR first' };
        await this.session.rename(from, this.path(arg));
        return { code: 250, text: 'File renamed' };
      }
      case 'MKD':
      case 'XMKD':
      case 'RMD':
      case 'XRMD':
        return { code: 550, text: 'Permission denied: the folders are fixed' };
      case 'ABOR':
        this.closePassive();
        return { code: 225, text: 'No transfer to abort' };
      case 'STAT':
        return this.status(arg);
      default:
        return { code: 502, text: 'Command not implemented' };
    }
  }

  // --- TLS and login -------------------------------------------------------------------------

  private auth(arg: string): FtpReply | null {
    const mechanism = arg.trim().toUpperCase();
    if (this.secure) return { code: 503, text: 'Already using TLS' };
    if (!['TLS', 'SSL', 'TLS-C'].includes(mechanism)) return { code: 504, text: 'AUTH TLS or AUTH SSL only' };
    const raw = this.socket as Socket;
    this.send({ code: 234, text: `AUTH ${mechanism} ok` });
    // Anything already sent after AUTH in the clear is dropped with the old reader.
    this.queue = [];
    raw.removeAllListeners('data');
    const tls = new TLSSocket(raw, { isServer: true, secureContext: this.env.secureContext });
    this.socket = tls;
    tls.on('error', (err) => {
      this.log('warn', { err: err.message }, 'ftps TLS error');
      void this.teardown();
    });
    tls.once('secure', () => {
      this.secure = true;
      this.log('info', { tls: tls.getProtocol(), cipher: tls.getCipher().name }, 'ftps TLS established');
    });
    tls.on('close', () => void this.teardown());
    this.attachReader(tls);
    return null;
  }

  private prot(arg: string): FtpReply {
    if (!this.secure) return { code: 503, text: 'AUTH TLS first' };
    if (!this.pbsz) return { code: 503, text: 'PBSZ first' };
    const level = arg.trim().toUpperCase();
    if (level === 'P') {
      this.protectedData = true;
      return { code: 200, text: 'Protection level set to P' };
    }
    if (level === 'C') return { code: 534, text: 'Data connections must be protected (PROT P)' };
    return { code: 536, text: 'Only PROT P is supported' };
  }

  private userCommand(arg: string): FtpReply {
    if (!this.secure) return NOT_SECURE;
    if (this.account) return { code: 503, text: 'Already logged in' };
    const name = arg.trim();
    if (!name || name.length > 255) return { code: 501, text: 'Bad user name' };
    this.user = name;
    return { code: 331, text: 'Password required' };
  }

  private async pass(password: string): Promise<FtpReply | null> {
    // Before TLS the password is never looked at: it crossed the network in the clear.
    if (!this.secure) return NOT_SECURE;
    if (this.account) return { code: 503, text: 'Already logged in' };
    const username = this.user;
    this.user = null;
    if (!username) return { code: 503, text: 'Login with USER first' };
    const account = await this.env.login.password({ username, ip: this.ip, protocol: 'FTPS' }, password);
    if (!account) {
      this.log('info', { username: loggable(username), ip: this.ip }, 'ftps login failed');
      // The core may have just banned this address.
      if (await this.banned()) {
        this.refuse('Too many failed logins from your address; try again later');
        return null;
      }
      return { code: 530, text: 'Login incorrect' };
    }
    if (this.closed) {
      await account.end();
      return null;
    }
    this.account = account;
    this.log(
      'info',
      { username: loggable(username), accountId: account.accountId, ip: this.ip },
      'ftps login',
    );
    return { code: 230, text: 'Login successful' };
  }

  private async banned() {
    try {
      return await this.env.login.isBanned(this.ip);
    } catch (err) {
      this.log('error', { err: (err as Error).message }, 'ftps ban check failed');
      return true;
    }
  }

  // --- directories and listings --------------------------------------------------------------

  private get session(): AccountSession {
    return this.account!;
  }

  /** A client path inside the jail; a path `resolvePath` refuses names nothing. */
  private path(arg: string): string {
    const path = resolvePath(this.cwd, arg);
    if (!path) throw new GatewayError('UNSUPPORTED', 'bad path');
    return path;
  }

  private changeDirectory(arg: string): FtpReply {
    const target = resolvePath(this.cwd, arg.trim() || '/');
    if (!target || !FOLDER_PATHS.has(target)) return { code: 550, text: 'No such directory' };
    this.cwd = target;
    return { code: 250, text: `Directory changed to ${target}` };
  }

  private async entriesAt(path: string) {
    const entry = await this.session.stat(path);
    if (!entry.isDirectory) return { dir: null, entries: [entry] };
    return { dir: path, entries: await this.session.list(path) };
  }

  private async list(verb: 'LIST' | 'NLST', arg: string): Promise<FtpReply | null> {
    const refused = this.dataRefusal();
    if (refused) return refused;
    // `LIST -la`, `LIST -a /inbound`: ls options are accepted and ignored.
    const pathArg = arg.replace(/^(\s*-[A-Za-z]+)+\s*/, '').trim();
    const path = this.path(pathArg || '.');
    const { dir, entries } = await this.entriesAt(path);
    const fullPath = (name: string) => (dir ? `${dir === '/' ? '' : dir}/${name}` : path);
    const now = new Date();
    const lines = entries.map((e) => (verb === 'NLST' ? e.name : listLine(fullPath(e.name), e, now)));
    const body = Buffer.from(lines.map((l) => `${l}\r\n`).join(''), 'utf8');
    return this.runTransfer('Here comes the directory listing', (c, signal) => sendBuffer(c, body, signal));
  }

  private async mlsd(arg: string): Promise<FtpReply | null> {
    const refused = this.dataRefusal();
    if (refused) return refused;
    const path = this.path(arg.trim() || '.');
    const entry = await this.session.stat(path);
    if (!entry.isDirectory) return { code: 501, text: 'Not a directory' };
    const entries = await this.session.list(path);
    const prefix = path === '/' ? '' : path;
    const lines = entries.map((e) => factsLine(`${prefix}/${e.name}`, e));
    const body = Buffer.from(lines.map((l) => `${l}\r\n`).join(''), 'utf8');
    return this.runTransfer('Here comes the directory listing', (c, signal) => sendBuffer(c, body, signal));
  }

  private async mlst(arg: string): Promise<FtpReply> {
    const path = this.path(arg.trim() || '.');
    const entry = await this.session.stat(path);
    return { code: 250, text: [`Listing ${path}`, factsLine(path, entry, path), 'End'] };
  }

  private async status(arg: string): Promise<FtpReply> {
    if (!arg.trim()) {
      return {
        code: 211,
        text: [
          'Conduit file gateway FTPS status',
          `Logged in as ${this.account?.username ?? '(nobody)'}`,
          `TLS ${this.secure ? 'on' : 'off'}, data protection ${this.protectedData ? 'P' : 'C'}`,
          'End of status',
        ],
      };
    }
    const path = this.path(arg.trim());
    const { dir, entries } = await this.entriesAt(path);
    const now = new Date();
    const lines = entries.map((e) => listLine(dir ? `${dir === '/' ? '' : dir}/${e.name}` : path, e, now));
    return { code: 213, text: [`Status of ${path}:`, ...lines, 'End of status'] };
  }

  // --- data connections and transfers --------------------------------------------------------

  private async openPassive(extended: boolean): Promise<FtpReply> {
    if (!this.protectedData)
      return { code: 521, text: 'Data connections must be protected: PBSZ 0 and PROT P first' };
    this.closePassive();
    const address = this.env.passiveAddress || plainAddress(this.socket.localAddress);
    if (!extended && !isIPv4(address)) return { code: 425, text: 'PASV needs IPv4; use EPSV' };
    const channel = await PassiveChannel.open(
      this.env.pool,
      this.env.bindHost,
      this.ip,
      this.env.secureContext,
      this.env.idleTimeoutMs,
      (from) =>
        this.log('warn', { from: plainAddress(from) }, 'ftps data connection from another address dropped'),
    );
    if (!channel) return { code: 425, text: 'No passive port free; try again later' };
    if (this.closed) {
      channel.close();
      return { code: 421, text: 'Closing' };
    }
    this.passive = channel;
    if (extended) return { code: 229, text: `Entering Extended Passive Mode (|||${channel.port}|)` };
    const [p1, p2] = [channel.port >> 8, channel.port & 0xff];
    return { code: 227, text: `Entering Passive Mode (${address.split('.').join(',')},${p1},${p2})` };
  }

  private closePassive() {
    this.passive?.close();
    this.passive = null;
  }

  /** Why a transfer may not start (RFC 4217: protected data only), or null. */
  private dataRefusal(): FtpReply | null {
    if (!this.protectedData)
      return { code: 521, text: 'Data connections must be protected: PBSZ 0 and PROT P first' };
    if (!this.passive) return { code: 425, text: 'Use PASV or EPSV first' };
    return null;
  }

  private async retrieve(arg: string): Promise<FtpReply | null> {
    const refused = this.dataRefusal();
    if (refused) return refused;
    const path = this.path(arg);
    const entry = await this.session.stat(path);
    if (entry.isDirectory) return { code: 550, text: 'Not a plain file' };
    const handle = await this.session.openDownload(path);
    return this.runTransfer(
      `Opening BINARY mode data connection for ${entry.name} (${handle.size} bytes)`,
      (c, signal) => sendDownload(c, handle, signal),
      () => handle.close(),
    );
  }

  private async store(arg: string): Promise<FtpReply | null> {
    const refused = this.dataRefusal();
    if (refused) return refused;
    const handle = await this.session.openUpload(this.path(arg));
    return this.runTransfer(
      'Ok to send data',
      (c, signal) => receiveUpload(c, handle, this.env.maxFileBytes, signal),
      () => handle.abort(),
    );
  }

  /**
   * 150, then the data connection (its TLS handshake done), then the transfer, then its final
   * reply. The passive offer is used up either way. `cancel` releases what the command opened
   * when no data connection came.
   */
  private async runTransfer(
    preliminary: string,
    run: (connection: DataConnection, signal: AbortSignal) => Promise<FtpReply>,
    cancel: () => Promise<void> = async () => undefined,
  ): Promise<FtpReply | null> {
    const channel = this.passive!;
    this.passive = null;
    const controller = new AbortController();
    let finish!: () => void;
    this.transfer = { controller, finished: new Promise<void>((r) => (finish = r)) };
    try {
      this.send({ code: 150, text: preliminary });
      let connection: DataConnection;
      try {
        const aborted = new Promise<never>((_, reject) =>
          controller.signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true }),
        );
        // An ABOR during the transfer itself rejects this too: nobody is listening by then.
        aborted.catch(() => undefined);
        connection = await Promise.race([channel.connection(this.env.dataConnectTimeoutMs), aborted]);
      } catch {
        await cancel().catch(() => undefined);
        this.send(
          controller.signal.aborted
            ? { code: 426, text: 'Transfer aborted' }
            : {
                code: 425,
                text: "Can't open data connection (a TLS handshake from your address is required)",
              },
        );
        return null;
      }
      const reply = await run(connection, controller.signal);
      this.send(reply);
      return null;
    } finally {
      channel.close();
      this.transfer = null;
      finish();
    }
  }

  // --- plumbing ------------------------------------------------------------------------------

  private async quit() {
    this.send({ code: 221, text: 'Goodbye' });
    this.socket.end();
    await this.teardown();
  }

  /** 421 and close (banned address). */
  private refuse(text: string) {
    this.log('warn', { ip: this.ip }, 'ftps connection refused: address banned');
    this.send({ code: 421, text });
    this.socket.end();
    void this.teardown();
  }

  private send(reply: FtpReply) {
    if (this.socket.writable) this.socket.write(formatReply(reply));
  }

  private touch() {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.onIdle(), this.env.idleTimeoutMs);
  }

  private onIdle() {
    if (this.closed) return;
    // A long transfer keeps the control connection quiet; the data socket has its own timeout.
    if (this.transfer) return this.touch();
    this.log('info', {}, 'ftps idle timeout');
    this.send({ code: 421, text: 'Idle timeout; closing control connection' });
    this.socket.end();
    void this.teardown();
  }

  private async teardown() {
    if (this.closed) return this.done;
    this.closed = true;
    this.queue = [];
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const transfer = this.transfer;
    transfer?.controller.abort();
    this.closePassive();
    await transfer?.finished;
    // Give a final reply (221, 421) a moment to leave before the socket goes.
    setTimeout(() => this.socket.destroy(), 1_000).unref();
    if (this.account) {
      await this.account
        .end()
        .catch((err: Error) => this.log('error', { err: err.message }, 'ftps session end failed'));
    }
    this.log('info', {}, 'ftps connection closed');
    this.resolveDone();
  }

  private log(level: 'info' | 'warn' | 'error', fields: object, msg: string) {
    this.env.logger[level]({ session: this.id, ...fields }, msg);
  }
}

function chunk(items: string[], size: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < items.length; i += size) lines.push(items.slice(i, i + size).join(' '));
  return lines;
}
