import { Duplex } from 'node:stream';
import type { Server, Socket } from 'node:net';
import { type SecureContext, TLSSocket } from 'node:tls';
import { PassivePortPool, sameClient } from './passive-ports';

/** A passive data connection after its TLS handshake (the gateway is the TLS server). */
export interface DataConnection {
  readonly socket: TLSSocket;
  /**
   * Whether the client ended its side with a TLS close_notify. Node emits the same 'end' for a
   * close_notify and for a bare TCP FIN (and even for some resets), so an upload cut short by a
   * killed client would look complete; `true` only when the alert arrived before the TCP end.
   */
  endedWithCloseNotify(): boolean;
  /** Resolves when the TCP connection is closed (both directions), however that happened. */
  readonly tcpClosed: Promise<void>;
}

type ReadState = { _readableState?: { ended?: boolean } };

/**
 * Wraps an accepted TCP socket in TLS through a carrier stream we own, so that we see the TCP end
 * ourselves. Our 'end' listener on the carrier runs before the TLS socket's own (registered first),
 * i.e. after every byte before the FIN went through OpenSSL but before the FIN is passed on: if
 * the TLS socket's readable side has already ended at that moment, OpenSSL saw close_notify
 * (Node pushes EOF as soon as SSL_RECEIVED_SHUTDOWN is set); otherwise the peer just closed TCP.
 * (A TLS 'end' event before the TCP end at all is a close_notify as well.)
 * Node exposes no public flag for this, hence the one look at `_readableState` (pinned by a test).
 */
export function secureDataSocket(raw: Socket, context: SecureContext): DataConnection {
  let closeNotify = false;
  let tcpEnded = false;
  raw.allowHalfOpen = true;
  const carrier = new Duplex({
    read() {
      raw.resume();
    },
    write(chunk: Buffer, _encoding, callback) {
      raw.write(chunk, (err) => callback(err ?? null));
    },
    final(callback) {
      raw.end();
      callback();
    },
    destroy(err, callback) {
      raw.destroy();
      callback(err);
    },
  });
  raw.on('data', (chunk: Buffer) => {
    if (!carrier.push(chunk)) raw.pause();
  });
  let finReceived = false;
  raw.on('end', () => {
    finReceived = true;
    carrier.push(null);
  });
  raw.on('error', (err) => carrier.destroy(err));
  // After a FIN the carrier still holds what the paused TLS socket has not read yet: let it drain.
  raw.on('close', () => {
    if (!finReceived) carrier.destroy();
  });
  carrier.on('end', () => {
    tcpEnded = true;
    if ((socket as unknown as ReadState)._readableState?.ended === true) closeNotify = true;
  });
  const socket = new TLSSocket(carrier, { isServer: true, secureContext: context });
  // Without close_notify the TLS side can only end after the TCP end was passed on; ending
  // before it (the client sent close_notify and has not closed TCP yet) is a clean end too.
  socket.once('end', () => {
    if (!tcpEnded) closeNotify = true;
  });
  const tcpClosed = new Promise<void>((resolve) => raw.once('close', () => resolve()));
  return { socket, endedWithCloseNotify: () => closeNotify, tcpClosed };
}

/**
 * One PASV/EPSV offer: a listener on a pool port that accepts exactly one data connection from
 * the control connection's address (others are dropped) and completes its TLS handshake. The port
 * goes back to the pool when the listener and the accepted connection are both closed.
 */
export class PassiveChannel {
  private accepted: DataConnection | null = null;
  private readonly ready: Promise<DataConnection>;
  private listening = true;

  private constructor(
    readonly port: number,
    private readonly server: Server,
    release: () => void,
    controlIp: string,
    context: SecureContext,
    idleTimeoutMs: number,
    onRefused: (address: string) => void,
  ) {
    server.on('close', release);
    server.on('error', () => this.close());
    this.ready = new Promise<DataConnection>((resolve, reject) => {
      server.on('connection', (raw: Socket) => {
        if (this.accepted || !sameClient(controlIp, raw)) {
          if (!this.accepted) onRefused(raw.remoteAddress ?? '');
          raw.destroy();
          return;
        }
        // A stalled client must not hold an upload (and a port) forever.
        raw.setTimeout(idleTimeoutMs, () => raw.destroy());
        const connection = secureDataSocket(raw, context);
        this.accepted = connection;
        this.stopListening();
        connection.socket.once('secure', () => resolve(connection));
        connection.socket.once('error', reject);
        connection.socket.once('close', () => reject(new Error('data connection closed')));
        raw.resume();
      });
      this.rejectReady = reject;
    });
    // A transfer that never asks for the connection must not leave an unhandled rejection.
    this.ready.catch(() => undefined);
  }

  private rejectReady: (err: Error) => void = () => undefined;

  static async open(
    pool: PassivePortPool,
    host: string,
    controlIp: string,
    context: SecureContext,
    idleTimeoutMs: number,
    onRefused: (address: string) => void,
  ): Promise<PassiveChannel | null> {
    const bound = await pool.listen(host);
    if (!bound) return null;
    return new PassiveChannel(
      bound.port,
      bound.server,
      bound.release,
      controlIp,
      context,
      idleTimeoutMs,
      onRefused,
    );
  }

  /** The data connection once its TLS handshake is done; rejects after `timeoutMs`. */
  connection(timeoutMs: number): Promise<DataConnection> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('no data connection')), timeoutMs);
    });
    return Promise.race([this.ready, timeout]).finally(() => clearTimeout(timer));
  }

  private stopListening() {
    if (!this.listening) return;
    this.listening = false;
    this.server.close();
  }

  /** Stops listening and drops the data connection (if any). */
  close() {
    this.stopListening();
    this.rejectReady(new Error('passive channel closed'));
    this.accepted?.socket.destroy();
  }
}
