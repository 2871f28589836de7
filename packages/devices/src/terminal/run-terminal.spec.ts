import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { SimulatedTerminal } from '../simulated-terminal';
import { reconnectDelayMs, runTerminal, type RunningTerminal, type TerminalLogEntry } from './run-terminal';

/**
 * A stand-in platform on loopback: the pairing endpoint and the terminal WebSocket, speaking
 * contracts C, so the terminal's side of the protocol is tested without the api.
 */
let http: Server;
let wss: WebSocketServer;
let baseUrl = '';
let sockets: WebSocket[] = [];
let received: Record<string, unknown>[] = [];
let authHeaders: string[] = [];
let refuse = false;
const SECRET = 'x'.repeat(43);

beforeEach(async () => {
  sockets = [];
  received = [];
  authHeaders = [];
  refuse = false;
  http = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const body = JSON.parse(raw || '{}');
      if (req.url === '/rest/terminals/pair' && body.PairingCode === 'ABCD-EFGH')
        return res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            TerminalDeviceID: 'tmd_0123456789abcdefghijklmn',
            DeviceSecret: SECRET,
            Outlet: { MerchantID: '6011000551245', StoreID: '001', TerminalID: '002' },
            ConnectURL: '/rest/terminals/connect',
          }),
        );
      res
        .writeHead(401, { 'content-type': 'application/json' })
        .end(JSON.stringify({ ErrorCode: 401, ErrorMessage: 'Pairing code is invalid or expired' }));
    });
  });
  wss = new WebSocketServer({ noServer: true });
  http.on('upgrade', (req, socket, head) => {
    authHeaders.push(String(req.headers.authorization));
    if (refuse) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.push(ws);
      ws.on('message', (data) => received.push(JSON.parse(data.toString())));
      ws.send(
        JSON.stringify({
          type: 'hello',
          terminalDeviceId: 'tmd_0123456789abcdefghijklmn',
          heartbeatSeconds: 15,
        }),
      );
    });
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

let running: RunningTerminal | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
  wss.close();
  http.closeAllConnections();
  await new Promise((r) => http.close(r));
});

const until = async (test: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
};
const ofType = (type: string) => received.filter((m) => m.type === type);

async function start(
  device = new SimulatedTerminal({ holdMs: 0, card: 'visa' }),
  logs: TerminalLogEntry[] = [],
) {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'sim-terminal-')), 'creds.json');
  running = await runTerminal({
    baseUrl,
    device,
    credentialsFile: file,
    pairingCode: 'ABCD-EFGH',
    onLog: (e) => logs.push(e),
    backoff: { baseDelayMs: 20, maxDelayMs: 100 },
  });
  await until(() => sockets.length === 1);
  return { file, logs };
}

describe('runTerminal', () => {
  it('pairs, keeps the secret in a 0600 file, connects with Basic credentials', async () => {
    const { file, logs } = await start();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      terminalDeviceId: 'tmd_0123456789abcdefghijklmn',
      deviceSecret: SECRET,
    });
    expect(authHeaders[0]).toBe(
      `Basic ${Buffer.from(`tmd_0123456789abcdefghijklmn:${SECRET}`).toString('base64')}`,
    );
    await until(() => logs.some((l) => l.event === 'connected'));
    expect(JSON.stringify(logs)).not.toContain(SECRET);
  });

  it('runs an action: statuses, the card, then the result ends with remove card and complete', async () => {
    const logs: TerminalLogEntry[] = [];
    await start(undefined, logs);
    sockets[0].send(JSON.stringify({ type: 'ping' }));
    sockets[0].send(
      JSON.stringify({
        type: 'action',
        actionId: 'a'.repeat(32),
        action: 'Sale',
        amount: '25.00',
        entryModes: ['emv', 'nfc'],
        timeoutSeconds: 30,
      }),
    );
    await until(() => ofType('card').length === 1);
    expect(ofType('pong')).toHaveLength(1);
    expect(ofType('card')[0]).toMatchObject({
      actionId: 'a'.repeat(32),
      card: { entryMode: 'emv', emvData: expect.any(String) },
    });
    sockets[0].send(
      JSON.stringify({
        type: 'result',
        actionId: 'a'.repeat(32),
        outcome: 'approved',
        emvIssuerResponse: '8A023030',
        transaction: { TransactionID: 'T1', ResponseCode: '000' },
      }),
    );
    await until(() => ofType('status').some((m) => m.status === 'Complete'));
    expect(ofType('status').map((m) => m.status)).toEqual([
      'WaitingForCard',
      'ReadingCard',
      'Processing',
      'RemoveCard',
      'Complete',
    ]);
    await until(() => logs.some((l) => l.event === 'result'));
    expect(logs.find((l) => l.event === 'result')).toMatchObject({
      outcome: 'approved',
      transactionId: 'T1',
      cryptogramType: 'TC',
    });
    // The log names the entry mode, never the card data.
    expect(JSON.stringify(logs)).not.toMatch(/4111111111111111|emvData/);
  });

  it('cancel from the server while waiting for a card answers cancelled (server)', async () => {
    await start(new SimulatedTerminal({ holdMs: 0 }));
    sockets[0].send(
      JSON.stringify({ type: 'action', actionId: 'b'.repeat(32), action: 'Sale', amount: '5.00' }),
    );
    await until(() => ofType('status').length === 1);
    sockets[0].send(JSON.stringify({ type: 'cancel', actionId: 'b'.repeat(32) }));
    await until(() => ofType('cancelled').length === 1);
    expect(ofType('cancelled')[0]).toEqual({ type: 'cancelled', actionId: 'b'.repeat(32), reason: 'server' });
  });

  it('reconnects after a drop, ignores the re-sent open action, and delivers the card', async () => {
    const device = new SimulatedTerminal({ holdMs: 0 });
    const logs: TerminalLogEntry[] = [];
    await start(device, logs);
    const action = JSON.stringify({
      type: 'action',
      actionId: 'c'.repeat(32),
      action: 'Sale',
      amount: '7.00',
    });
    sockets[0].send(action);
    await until(() => ofType('status').length === 1);
    sockets[0].terminate();
    await until(() => sockets.length === 2);
    sockets[1].send(action); // the server re-sends the open action on reconnect
    device.nextCustomer({ presentation: 'tap', card: 'mastercard' });
    await until(() => ofType('card').length === 1);
    expect(ofType('status').filter((m) => m.status === 'WaitingForCard')).toHaveLength(1);
    expect(logs.filter((l) => l.event === 'disconnected')).toHaveLength(1);
  });

  it('stops when the platform refuses its credentials (401 before the upgrade)', async () => {
    await start();
    refuse = true;
    sockets[0].terminate();
    await expect(running!.done).rejects.toThrow(/pair it again/);
  });

  it('backs off exponentially with jitter, capped', () => {
    expect(reconnectDelayMs(0, 500, 30_000, () => 0)).toBe(250);
    expect(reconnectDelayMs(3, 500, 30_000, () => 1)).toBe(4000);
    expect(reconnectDelayMs(20, 500, 30_000, () => 0.5)).toBe(22_500);
  });
});
