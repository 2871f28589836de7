import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { WebSocketServer } from 'ws';
import type { Logger } from '@conduit/observability';
import { TerminalDevicesService } from '@conduit/payments';
import { APP_LOGGER } from '../http/logger.provider';
import { RedisTerminalSignal } from './redis-terminal-signal';
import { TerminalConnection } from './terminal-connection';

export const CONNECT_PATH = '/rest/terminals/connect';
const MAX_FRAME_BYTES = 64 * 1024;

/** `Basic base64(id:secret)` → its two parts; null for anything else. */
function basicCredentials(header: string | undefined): { id: string; secret: string } | null {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header ?? '');
  if (!m) return null;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon > 0 ? { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) } : null;
}

function refuse(socket: Duplex, status: 401 | 404, message: string): void {
  const body = JSON.stringify({ ErrorCode: status, ErrorMessage: message, Errors: [] });
  socket.end(
    `HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : 'Not Found'}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      (status === 401 ? 'WWW-Authenticate: Basic realm="Conduit terminals"\r\n' : '') +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * The terminals' WebSocket (`GET /rest/terminals/connect`) on the api's own HTTP server: the
 * device's Basic credentials are checked before the upgrade (a refusal is a plain HTTP 401), and
 * the Authorization header is never logged. Sockets are this replica's; changes announced on the
 * Redis channel reach the one holding the terminal's socket.
 */
@Injectable()
export class TerminalGateway implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  private readonly connections = new Map<string, TerminalConnection>();

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly devices: TerminalDevicesService,
    private readonly signal: RedisTerminalSignal,
    @Inject(APP_LOGGER) private readonly log: Logger,
  ) {}

  onApplicationBootstrap() {
    const server = this.adapterHost.httpAdapter.getHttpServer() as Server;
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      void this.upgrade(req, socket, head).catch(() => socket.destroy());
    });
    this.signal.listen((m) => {
      const c = this.connections.get(m.terminalDeviceId);
      if (!c) return;
      if (m.kind === 'disconnect') c.close();
      else c.wake();
    });
  }

  async onApplicationShutdown() {
    for (const c of this.connections.values()) c.close(1001, 'Server shutting down');
    this.wss.close();
  }

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const path = (req.url ?? '').split('?')[0];
    if (path !== CONNECT_PATH) return refuse(socket, 404, 'Not found');
    const creds = basicCredentials(req.headers.authorization);
    const terminal = creds ? await this.devices.authenticate(creds.id, creds.secret) : null;
    if (!terminal) {
      this.log.warn({ path }, 'terminal sign-in refused');
      return refuse(socket, 401, 'Invalid TerminalDeviceID or DeviceSecret');
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const previous = this.connections.get(terminal.terminalDeviceId);
      const conn = new TerminalConnection(terminal, ws, this.devices, this.signal, this.log);
      this.connections.set(terminal.terminalDeviceId, conn);
      previous?.close(4000, 'Replaced by a newer connection');
      ws.on('close', () => {
        if (this.connections.get(conn.terminalDeviceId) === conn)
          this.connections.delete(conn.terminalDeviceId);
        void conn.stop();
      });
      this.log.info({ terminalDeviceId: terminal.terminalDeviceId }, 'terminal connected');
      void conn.start();
    });
  }
}
