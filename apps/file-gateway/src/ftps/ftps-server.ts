import { createServer, type Server, type Socket } from 'node:net';
import { createSecureContext } from 'node:tls';
import type { GatewayLogin } from '../gateway/account-session';
import { FtpSession, type FtpsLogger } from './ftp-session';
import { PassivePortPool } from './passive-ports';

export type { FtpsLogger } from './ftp-session';

export interface FtpsServerOptions {
  /** Bind address of the control listener and of the passive data listeners. */
  host: string;
  /** Control port (21 in production); 0 picks a free one (tests). */
  port: number;
  /** Passive data ports, inclusive. */
  passiveMin: number;
  passiveMax: number;
  /** IPv4 address put in PASV replies (behind NAT); default: the control connection's local one. */
  passiveAddress?: string;
  tls: { cert: Buffer | string; key: Buffer | string };
  login: GatewayLogin;
  logger: FtpsLogger;
  /** Uploads beyond this many bytes are aborted with 552 (the core checks too). */
  maxFileBytes?: number;
  /** A control connection with no command for this long is closed (421). */
  idleTimeoutMs?: number;
  /** How long a transfer command waits for its data connection; default 30 s. */
  dataConnectTimeoutMs?: number;
}

/**
 * FTPS with explicit TLS (RFC 4217) over Node's `net` and `tls`, passive mode only: the gateway's
 * FTP listener (batch-files.md). Each control connection is an `FtpSession`; passive data ports
 * come from one pool per server. See docs/file-gateway-ftps.md.
 */
const TLS12_CIPHERS = [
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305',
  'ECDHE-RSA-CHACHA20-POLY1305',
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
].join(':');

export class FtpsServer {
  private readonly server: Server;
  private readonly sessions = new Set<FtpSession>();
  private readonly pool: PassivePortPool;

  constructor(private readonly options: FtpsServerOptions) {
    this.pool = new PassivePortPool(options.passiveMin, options.passiveMax);
    // TLS 1.2 is the floor on the control and the data connections alike (one context for both),
    // and TLS 1.2 offers only forward-secret AEAD suites: no CBC, as on the SFTP listeners.
    const secureContext = createSecureContext({
      cert: options.tls.cert,
      key: options.tls.key,
      minVersion: 'TLSv1.2',
      ciphers: TLS12_CIPHERS,
    });
    const env = {
      secureContext,
      pool: this.pool,
      login: options.login,
      logger: options.logger,
      bindHost: options.host,
      passiveAddress: options.passiveAddress || undefined,
      maxFileBytes: options.maxFileBytes ?? 100 * 1024 * 1024,
      idleTimeoutMs: options.idleTimeoutMs ?? 300_000,
      dataConnectTimeoutMs: options.dataConnectTimeoutMs ?? 30_000,
    };
    this.server = createServer((socket: Socket) => {
      const session = new FtpSession(socket, env);
      this.sessions.add(session);
      void session.done.then(() => this.sessions.delete(session));
      session.start().catch((err: Error) => {
        options.logger.error({ session: session.id, err: err.message }, 'ftps session failed');
        socket.destroy();
      });
    });
    this.server.on('error', (err) => options.logger.error({ err: err.message }, 'ftps listener error'));
  }

  /** Starts listening; resolves with the bound control port. */
  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (err: Error) => reject(err);
      this.server.once('error', onError);
      this.server.listen(this.options.port, this.options.host, () => {
        this.server.off('error', onError);
        const address = this.server.address();
        const port = typeof address === 'object' && address ? address.port : this.options.port;
        this.options.logger.info({ port, passive: `${this.pool.min}-${this.pool.max}` }, 'ftps listening');
        resolve(port);
      });
    });
  }

  /** Stops accepting, ends every session (open uploads are aborted) and resolves when all are gone. */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => {
      if (!this.server.listening) return resolve();
      this.server.close(() => resolve());
    });
    await Promise.all([...this.sessions].map((s) => s.close()));
    await closed;
  }
}
