import { randomBytes } from 'node:crypto';
import { createServer, type Server as NetServer, type Socket } from 'node:net';
import {
  type AuthContext,
  type Connection,
  type ParsedKey,
  Server as SshServer,
  type SFTPWrapper,
  utils,
} from 'ssh2';
import type { AccountSession, GatewayLogin, LoginAttempt } from '../gateway/account-session';
import { loggable } from '../gateway/jail-path';
import type { GatewayLogger } from './gateway-logger';
import { CLIENT_KEY_TYPES, SSH_ALGORITHMS } from './ssh-algorithms';
import { SftpSession } from './sftp-session';

export interface SftpServerOptions {
  host: string;
  /** Password logins only (0: any free port). */
  passwordPort: number;
  /** Public-key logins only (0: any free port). */
  keyPort: number;
  /** Private host keys (loadOrCreateHostKeys). */
  hostKeys: (Buffer | string)[];
  login: GatewayLogin;
  logger: GatewayLogger;
  /** A connection with no request for this long is closed. Default 10 minutes. */
  idleTimeoutMs?: number;
  /** Open files and directories per SFTP session. Default 32. */
  maxHandlesPerSession?: number;
  /** Bytes of unfinished writes/reads one session may hold before its SSH window shuts. 16 MiB. */
  maxBufferedBytesPerSession?: number;
}

type Listener = 'password' | 'key';

/** Failed authentications on one connection before it is closed (OpenSSH's MaxAuthTries). */
const MAX_AUTH_FAILURES = 6;
/** A connection that has not signed in by then is closed (OpenSSH's LoginGraceTime). */
const LOGIN_GRACE_MS = 60_000;
/** SSH identification string: no product version to fingerprint. */
const IDENT = 'Conduit';

/**
 * The gateway's SFTP service (batch-files.md): two SSH listeners, one that accepts only password
 * logins and one that accepts only public-key logins, each offering only the SFTP subsystem (no
 * shell, exec or forwarding: ssh2 refuses channel requests nobody listens for).
 */
export class SftpServer {
  private readonly nets: Partial<Record<Listener, NetServer>> = {};
  private readonly live = new Set<Connection>();
  private readonly endings = new Set<Promise<void>>();
  private readonly idleMs: number;
  private readonly maxHandles: number;
  private readonly maxBuffered: number;

  constructor(private readonly options: SftpServerOptions) {
    this.idleMs = options.idleTimeoutMs ?? 10 * 60_000;
    this.maxHandles = options.maxHandlesPerSession ?? 32;
    this.maxBuffered = options.maxBufferedBytesPerSession ?? 16 * 1024 * 1024;
  }

  async listen(): Promise<{ passwordPort: number; keyPort: number }> {
    const passwordPort = await this.start('password', this.options.passwordPort);
    const keyPort = await this.start('key', this.options.keyPort);
    return { passwordPort, keyPort };
  }

  async close(): Promise<void> {
    const nets = Object.values(this.nets);
    const closed = nets.map((n) => new Promise<void>((resolve) => n.close(() => resolve())));
    for (const c of this.live) c.end();
    await Promise.all(closed);
    await Promise.allSettled([...this.endings]);
  }

  private start(listener: Listener, port: number): Promise<number> {
    const ssh = new SshServer({
      hostKeys: withoutSha1Signatures(this.options.hostKeys),
      algorithms: SSH_ALGORITHMS,
      ident: IDENT,
    });
    ssh.on('connection', (client, info) => this.connection(listener, client, clientIp(info.ip)));
    // ssh2 makes its own net server; ours comes first so that a banned address is dropped before
    // a single SSH byte (or a key exchange's CPU) is spent on it.
    const net = createServer((socket) => void this.admit(listener, ssh, socket));
    this.nets[listener] = net;
    return new Promise((resolve, reject) => {
      net.once('error', reject);
      net.listen(port, this.options.host, () => {
        net.off('error', reject);
        net.on('error', (err) => this.options.logger.error({ listener, err }, 'sftp listener error'));
        resolve((net.address() as { port: number }).port);
      });
    });
  }

  private async admit(listener: Listener, ssh: SshServer, socket: Socket) {
    const ip = clientIp(socket.remoteAddress ?? '');
    socket.on('error', () => undefined);
    let banned: boolean;
    try {
      banned = await this.options.login.isBanned(ip);
    } catch (err) {
      // Without the ban list nobody can be checked: refuse rather than let guessers through.
      this.options.logger.error({ listener, ip, err }, 'sftp ban check failed');
      banned = true;
    }
    if (banned) {
      this.options.logger.warn({ listener, ip }, 'sftp connection from banned address dropped');
      socket.destroy();
      return;
    }
    if (socket.destroyed) return;
    ssh.injectSocket(socket);
  }

  private connection(listener: Listener, client: Connection, ip: string) {
    // Every SFTP answer is a small packet the client waits for before it sends more: without
    // TCP_NODELAY, Nagle's algorithm holds them back behind the client's delayed ACKs.
    (client as unknown as { setNoDelay(on: boolean): void }).setNoDelay(true);
    const sessionId = randomBytes(6).toString('hex');
    const log = this.options.logger;
    const base = { sessionId, listener, ip };
    let account: AccountSession | null = null;
    let failures = 0;
    const channels = new Set<SftpSession>();
    this.live.add(client);
    log.info(base, 'sftp connection');

    let timer = setTimeout(
      () => {
        log.info(base, account ? 'sftp idle timeout' : 'sftp login timeout');
        client.end();
      },
      Math.min(LOGIN_GRACE_MS, this.idleMs),
    );
    const touch = () => timer.refresh();

    const failed = async (method: string, username: string) => {
      failures++;
      log.info({ ...base, method, username: loggable(username) }, 'sftp login failed');
      const banned = await this.options.login.isBanned(ip).catch(() => false);
      if (banned || failures >= MAX_AUTH_FAILURES) {
        log.warn({ ...base, banned, failures }, 'sftp connection closed after failed logins');
        client.end();
      }
    };

    client.on('authentication', (ctx) => {
      const attempt: LoginAttempt = { username: ctx.username, ip, protocol: 'SFTP' };
      const allowed = listener === 'password' ? 'password' : 'publickey';
      if (ctx.method !== allowed) return ctx.reject([allowed]);
      const decide =
        listener === 'password' ? this.password(ctx, attempt) : this.publicKey(ctx, attempt, base);
      decide.then(
        async (outcome) => {
          if (outcome === 'query') return;
          if (outcome) {
            if (account) return ctx.reject([allowed]);
            account = outcome;
            log.info({ ...base, method: ctx.method, username: loggable(ctx.username) }, 'sftp login');
            ctx.accept();
            return;
          }
          ctx.reject([allowed]);
          await failed(ctx.method, ctx.username);
        },
        (err: unknown) => {
          log.error({ ...base, err }, 'sftp login error');
          ctx.reject([allowed]);
        },
      );
    });

    client.on('ready', () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        log.info(base, 'sftp idle timeout');
        client.end();
      }, this.idleMs);
      client.on('session', (accept) => {
        const session = accept();
        session.on('sftp', (acceptSftp) => {
          if (!account) return;
          const sftp: SFTPWrapper = acceptSftp();
          const channel = new SftpSession(sftp, account, {
            sessionId,
            log,
            maxHandles: this.maxHandles,
            maxBufferedBytes: this.maxBuffered,
            onActivity: touch,
          });
          channels.add(channel);
          const end = () => void channel.end();
          // The client's EOF ends the subsystem: ssh2 does not close an SFTP channel by itself,
          // and OpenSSH's client waits for the close before it exits.
          sftp.on('end', () => {
            end();
            sftp.end();
          });
          sftp.on('close', end);
        });
      });
    });

    client.on('error', (err) => log.info({ ...base, error: err.message }, 'sftp connection error'));
    client.on('close', () => {
      clearTimeout(timer);
      this.live.delete(client);
      const ending = (async () => {
        await Promise.allSettled([...channels].map((c) => c.end()));
        if (account) await account.end();
        log.info(base, 'sftp connection closed');
      })().catch((err: unknown) => log.error({ ...base, err }, 'sftp session end failed'));
      this.endings.add(ending);
      void ending.finally(() => this.endings.delete(ending));
    });
  }

  private async password(ctx: AuthContext, attempt: LoginAttempt): Promise<AccountSession | null> {
    if (ctx.method !== 'password') return null;
    return this.options.login.password(attempt, ctx.password);
  }

  /**
   * ssh2 only parses a public-key request; checking the signature is ours. A request without one
   * is the client asking whether a key would do ("query"): answered PK_OK only if the core has it.
   */
  private async publicKey(
    ctx: AuthContext,
    attempt: LoginAttempt,
    base: object,
  ): Promise<AccountSession | null | 'query'> {
    if (ctx.method !== 'publickey') return null;
    const key = { algorithm: ctx.key.algo, data: ctx.key.data };
    // SHA-1 `ssh-rsa` signatures are refused (ssh2 leaves hashAlgo unset for them).
    if (!CLIENT_KEY_TYPES.has(key.algorithm) || (key.algorithm === 'ssh-rsa' && !ctx.hashAlgo)) {
      this.options.logger.info({ ...base, algorithm: key.algorithm }, 'sftp key type refused');
      return null;
    }
    if (!ctx.signature) {
      const { accepted } = await this.options.login.publicKey(attempt, key, false);
      if (!accepted) return null;
      ctx.accept();
      return 'query';
    }
    const parsed = utils.parseKey(ctx.key.data);
    if (parsed instanceof Error || Array.isArray(parsed) || parsed.type !== key.algorithm) return null;
    if (!ctx.blob || parsed.verify(ctx.blob, ctx.signature, ctx.hashAlgo) !== true) return null;
    const { session } = await this.options.login.publicKey(attempt, key, true);
    return session;
  }
}

/**
 * ssh2 offers every RSA host key as `ssh-rsa` (SHA-1) too, whatever `algorithms.serverHostKey`
 * says (lib/server.js gives a missing `ssh-rsa` "the lowest priority" instead of dropping it), and
 * an OpenSSH client told `HostKeyAlgorithms=ssh-rsa` would get it. So an RSA key goes in as two
 * keys whose `type` is the signature algorithm (`rsa-sha2-512`, `rsa-sha2-256`): ssh2 then offers
 * exactly those names and signs with the hash the negotiated name implies. The public blob is
 * still the key's `ssh-rsa` blob, as RFC 8332 requires.
 */
export function withoutSha1Signatures(keys: (Buffer | string)[]): { key: ParsedKey }[] {
  const out: { key: ParsedKey }[] = [];
  for (const raw of keys) {
    const parsed = utils.parseKey(raw);
    if (parsed instanceof Error) throw new Error(`Cannot parse host key: ${parsed.message}`);
    const key = Array.isArray(parsed) ? (parsed[0] as ParsedKey) : parsed;
    if (key.type !== 'ssh-rsa') out.push({ key });
    else
      for (const type of ['rsa-sha2-512', 'rsa-sha2-256'])
        out.push({ key: Object.create(key, { type: { value: type } }) as ParsedKey });
  }
  return out;
}

/** `::ffff:192.0.2.1` (an IPv4 client on a dual-stack socket) is `192.0.2.1`. */
export function clientIp(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}
