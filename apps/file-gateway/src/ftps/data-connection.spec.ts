import { createServer, connect as netConnect, type Server, type Socket } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect, createSecureContext } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secureDataSocket } from './data-connection';
import { ensureTlsCertificate } from './tls-certificate';

// Pins the one Node behaviour the upload rule rests on: telling a TLS close_notify from a bare
// TCP end on the server side (Node emits 'end' for both).

let server: Server;
let port: number;
const accepted: Socket[] = [];
const outcomes: Array<Promise<{ bytes: number; closeNotify: boolean }>> = [];

beforeAll(async () => {
  const context = createSecureContext({
    ...ensureTlsCertificate(mkdtempSync(join(tmpdir(), 'ftps-dc-')), 'localhost'),
    minVersion: 'TLSv1.2',
  });
  server = createServer({ allowHalfOpen: true }, (raw: Socket) => {
    accepted.push(raw);
    const connection = secureDataSocket(raw, context);
    outcomes.push(
      new Promise((resolve) => {
        let bytes = 0;
        connection.socket.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          // Backpressure as an upload applies it: paused while the "write" is pending.
          connection.socket.pause();
          setTimeout(() => connection.socket.resume(), 1);
        });
        connection.socket.on('error', () => undefined);
        connection.socket.once('end', () =>
          resolve({ bytes, closeNotify: connection.endedWithCloseNotify() }),
        );
        connection.socket.once('close', () =>
          resolve({ bytes, closeNotify: connection.endedWithCloseNotify() }),
        );
      }),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  port = (server.address() as { port: number }).port;
});
afterAll(async () => {
  for (const raw of accepted) raw.destroy();
  await new Promise<void>((r) => server.close(() => r()));
});

async function send(version: 'TLSv1.2' | 'TLSv1.3', bytes: number, ending: 'close_notify' | 'fin' | 'reset') {
  const raw = netConnect({ port, host: '127.0.0.1' });
  await new Promise((r) => raw.once('connect', r));
  const secure = tlsConnect({
    socket: raw,
    rejectUnauthorized: false,
    minVersion: version,
    maxVersion: version,
  });
  secure.on('error', () => undefined);
  await new Promise((r) => secure.once('secureConnect', r));
  const outcome = () => outcomes[outcomes.length - 1];
  await new Promise<void>((r) => secure.write(Buffer.alloc(bytes, 7), () => r()));
  if (ending === 'close_notify') secure.end();
  else if (ending === 'fin') raw.end();
  else raw.resetAndDestroy();
  return outcome();
}

describe('secureDataSocket', () => {
  for (const version of ['TLSv1.2', 'TLSv1.3'] as const) {
    it(`reports a close_notify as a clean end (${version})`, async () => {
      expect(await send(version, 3_000_000, 'close_notify')).toEqual({ bytes: 3_000_000, closeNotify: true });
    });

    it(`reports a bare TCP FIN as not clean (${version})`, async () => {
      const outcome = await send(version, 3_000_000, 'fin');
      expect(outcome.closeNotify).toBe(false);
    });
  }

  it('reports a reset as not clean', async () => {
    expect((await send('TLSv1.3', 100_000, 'reset')).closeNotify).toBe(false);
  });
});
