import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../scripts/lib/ports.mjs';
import { spawnApp, waitForReady } from '../../scripts/lib/stack.mjs';
import { startReceiver, type Receiver } from '../support/webhook-receiver';
import { as, call } from './client';
import { CARDS, FUTURE, HARBOR_KEY, LAKESIDE_KEY } from './payments-client';
import { SimTerminalProcess } from './sim-terminal-process';
import { RawTerminal } from './terminal-client';
import { OpenApiValidator } from './openapi-validator';
import { createEndpoint, eventually } from './webhooks-client';

type Json = Record<string, unknown>;
interface TerminalRecord {
  id: string;
  terminalDeviceId: string;
  status: string;
  online: boolean;
  lastSeenAt: string | null;
  pairingCode?: string;
  currentAction: { actionId: string; state: string } | null;
}

const A = () => inject('apiUrl');

/** JSON to the REST interface of one replica. */
async function restAt(base: string, method: string, path: string, body?: unknown, extra: Json = {}) {
  const headers: Record<string, string> = { ...LAKESIDE_KEY, ...(extra as Record<string, string>) };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as Json, text };
}

/**
 * Server-driven terminals end to end (devices.md): pairing with a one-time code, the terminal's
 * WebSocket to replica A while the vendor calls replica B (same PostgreSQL and Redis), the
 * payment's outcome by response and by webhook, one action at a time, cancel, a dropped socket
 * resumed on the other replica, offline/online in the admin list, and another tenant's 404.
 */
describe('server-driven terminals across two api replicas', () => {
  let B: string;
  let replicaB: ChildProcess;
  let admin: string;
  let receiver: Receiver;
  let db: pg.Client;
  let merchantId: string;
  let outletId: string;
  let terminal: TerminalRecord;
  let secret: string;
  let socket: RawTerminal;
  let doc: OpenApiValidator;
  const T = '/rest/terminals/{id}';

  beforeAll(async () => {
    const port = await freePort();
    replicaB = spawnApp(
      'api',
      {
        NODE_ENV: 'test',
        VAULT_MASTER_KEYS: `1:${Buffer.alloc(32, 7).toString('base64')}`,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: inject('databaseUrl'),
        REDIS_URL: inject('redisUrl'),
        LOG_LEVEL: 'warn',
        RATE_LIMIT_PER_SECOND: '150',
        TRUST_PROXY: '127.0.0.1',
      },
      'ignore',
    );
    await waitForReady(port, 60_000);
    B = `http://127.0.0.1:${port}`;
    admin = await as.lakesideAdmin();
    doc = await OpenApiValidator.load();
    receiver = await startReceiver();
    db = new pg.Client({ connectionString: inject('databaseUrl') });
    await db.connect();
    merchantId = `73${String(Date.now()).slice(-11)}`;
    const m = await call('POST', '/admin/api/merchants', {
      token: admin,
      body: { merchantId, name: `Terminal test ${merchantId}` },
    });
    expect(m.status, m.text).toBe(201);
    const o = await call<{ id: string }>('POST', '/admin/api/outlets', {
      token: admin,
      body: { merchantId, storeId: '001', terminalId: '001' },
    });
    expect(o.status, o.text).toBe(201);
    outletId = o.body.id;
    await createEndpoint(admin, { merchantId, url: receiver.url('/terminals'), format: 'JSON' });
  }, 90_000);

  afterAll(async () => {
    socket?.close();
    await receiver?.close();
    await db?.end();
    if (replicaB && replicaB.exitCode === null) {
      await new Promise((resolve) => (replicaB.once('exit', resolve), replicaB.kill('SIGTERM')));
    }
  });

  const createTerminal = async (label: string) => {
    const r = await call<TerminalRecord>('POST', '/admin/api/terminals', {
      token: admin,
      body: { outletId, label },
    });
    expect(r.status, r.text).toBe(201);
    return r.body;
  };
  const pair = (base: string, code: string) =>
    restAt(base, 'POST', '/rest/terminals/pair', {
      PairingCode: code,
      Model: 'Conduit Sim T1',
      SerialNumber: 'SIM-0001',
      Firmware: '1.0.0',
      Capabilities: ['chip', 'contactless', 'swipe', 'keyed', 'pin'],
    });
  const adminRecord = async () => {
    const r = await call<TerminalRecord>('GET', `/admin/api/terminals/${terminal.id}`, { token: admin });
    expect(r.status, r.text).toBe(200);
    return r.body;
  };
  const process = (base: string, body: Json, key: string) =>
    restAt(base, 'POST', `/rest/terminals/${terminal.terminalDeviceId}/process-payment`, body, {
      'idempotency-key': key,
    });

  it('pairs once with the console’s code; a used or expired code is refused', async () => {
    terminal = await createTerminal('Front desk 1');
    expect(terminal.pairingCode).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    expect(terminal).toMatchObject({ status: 'PENDING_PAIRING', online: false });
    expect(terminal.terminalDeviceId).toMatch(/^tmd_[0-9a-z]{24}$/);

    const paired = await pair(B, terminal.pairingCode!.toLowerCase());
    expect(paired.status, paired.text).toBe(200);
    doc.check('POST', '/rest/terminals/pair', paired);
    expect(paired.body).toMatchObject({
      TerminalDeviceID: terminal.terminalDeviceId,
      Outlet: { MerchantID: merchantId, StoreID: '001', TerminalID: '001' },
      ConnectURL: '/rest/terminals/connect',
    });
    secret = paired.body.DeviceSecret as string;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const again = await pair(A(), terminal.pairingCode!);
    expect(again.status).toBe(401);
    doc.check('POST', '/rest/terminals/pair', again);
    expect(again.body).toMatchObject({ ErrorCode: 401, ErrorMessage: 'Pairing code is invalid or expired' });

    const late = await createTerminal('Expired');
    await db.query(
      `UPDATE terminals SET pairing_code_expires_at = now() - interval '1 second' WHERE id = $1`,
      [late.id],
    );
    expect((await pair(A(), late.pairingCode!)).status).toBe(401);
    // Only hashes are stored: neither the code nor the secret is in the row.
    const row = await db.query(`SELECT t.*::text AS all FROM terminals t WHERE id = $1`, [terminal.id]);
    expect(row.rows[0].all).not.toContain(secret);
    expect(row.rows[0].all).not.toContain(terminal.pairingCode!.replace('-', ''));
  });

  it('refuses a socket with a wrong secret before the upgrade, and shows the terminal online once connected', async () => {
    await expect(RawTerminal.connect(A(), terminal.terminalDeviceId, 'x'.repeat(43))).rejects.toThrow(
      'HTTP 401',
    );
    const offline = await process(B, { TransactionAction: 'Sale', Amount: '1.00' }, `off-${Date.now()}`);
    expect(offline.status).toBe(409);
    expect(offline.body.ErrorMessage).toBe('Terminal is offline');

    socket = await RawTerminal.connect(A(), terminal.terminalDeviceId, secret);
    expect(await socket.next('hello')).toEqual({
      type: 'hello',
      terminalDeviceId: terminal.terminalDeviceId,
      heartbeatSeconds: 15,
    });
    await eventually(async () =>
      expect(await adminRecord()).toMatchObject({ status: 'PAIRED', online: true }),
    );
    expect((await adminRecord()).lastSeenAt).not.toBeNull();
    const listed = await restAt(B, 'GET', '/rest/terminals');
    expect(listed.status).toBe(200);
    doc.check('GET', '/rest/terminals', listed);
    expect(listed.body.Terminals).toContainEqual(
      expect.objectContaining({
        TerminalDeviceID: terminal.terminalDeviceId,
        Online: true,
        Status: 'Paired',
      }),
    );
  });

  it('takes a payment asked on replica B on the terminal connected to replica A: response and webhook', async () => {
    const body = {
      TransactionAction: 'Sale',
      Amount: '25.00',
      Patient: { PatientID: 'P-TERM-1', FirstName: 'Ana' },
      AdditionalInfo1: 'INV-T1',
      TimeoutSeconds: 120,
    };
    const key = `term-sale-${Date.now()}`;
    const queued = await process(B, body, key);
    expect(queued.status, queued.text).toBe(202);
    doc.check('POST', `${T}/process-payment`, queued);
    expect(queued.body).toMatchObject({
      TerminalDeviceID: terminal.terminalDeviceId,
      TransactionAction: 'Sale',
      Amount: '25.00',
      State: 'Pending',
      Transaction: null,
    });
    const actionId = queued.body.ActionID as string;
    const replay = await process(B, body, key);
    expect(replay.status).toBe(202);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.ActionID).toBe(actionId);
    const second = await process(A(), body, `${key}-other`);
    expect(second.status).toBe(409);
    doc.check('POST', `${T}/process-payment`, second);
    expect(second.body.ErrorMessage).toContain(actionId);

    const action = await socket.next('action');
    expect(action).toMatchObject({
      actionId,
      action: 'Sale',
      amount: '25.00',
      patient: { PatientID: 'P-TERM-1' },
    });
    socket.send({ type: 'status', actionId, status: 'WaitingForCard', text: 'Insert, tap or swipe card' });
    await eventually(async () => {
      const r = await restAt(B, 'GET', `/rest/terminals/${terminal.terminalDeviceId}/action`);
      expect(r.body).toMatchObject({ State: 'InProgress', DeviceStatus: 'WaitingForCard' });
    });
    const card = { entryMode: 'key', cardNumber: CARDS.visa, expiration: FUTURE, cvn: '123' };
    socket.send({ type: 'card', actionId, card });
    socket.send({ type: 'card', actionId, card }); // resent: charged once all the same
    const result = await socket.next('result');
    expect(result).toMatchObject({ actionId, outcome: 'approved' });
    const txn = result.transaction as Json;
    expect(txn).toMatchObject({ TransactionStatus: 'C', ResponseCode: '000', Amount: '25.00' });
    expect(JSON.stringify(result)).not.toContain(CARDS.visa);

    const done = await restAt(B, 'GET', `/rest/terminals/${terminal.terminalDeviceId}/action`);
    expect(done.body).toMatchObject({ ActionID: actionId, State: 'Completed' });
    doc.check('GET', `${T}/action`, done);
    expect((done.body.Transaction as Json).TransactionID).toBe(txn.TransactionID);
    const count = await db.query(`SELECT count(*)::int AS n FROM transactions WHERE external_id = $1`, [
      `terminal:${actionId}`,
    ]);
    expect(count.rows[0].n).toBe(1);

    const [hook] = await receiver.waitFor(1, { pathPrefix: '/terminals', timeoutMs: 20_000 });
    expect(receiver.parse(hook)).toMatchObject({
      EventType: 'Approved',
      PaymentTransactionID: txn.TransactionID,
      Amount: '25.00',
    });
    expect(JSON.stringify(await adminRecord())).not.toContain(secret);
  });

  it('cancels an action before the card, and refuses to cancel it twice', async () => {
    const queued = await process(
      B,
      { TransactionAction: 'Sale', Amount: '9.00' },
      `term-cancel-${Date.now()}`,
    );
    expect(queued.status, queued.text).toBe(202);
    const actionId = queued.body.ActionID as string;
    expect((await socket.next('action')).actionId).toBe(actionId);
    expect((await adminRecord()).currentAction).toMatchObject({ actionId, state: 'Pending' });
    const cancelled = await restAt(B, 'POST', `/rest/terminals/${terminal.terminalDeviceId}/cancel`);
    expect(cancelled.status, cancelled.text).toBe(200);
    doc.check('POST', `${T}/cancel`, cancelled);
    expect(cancelled.body).toMatchObject({ ActionID: actionId, State: 'Cancelled' });
    expect(await socket.next('cancel')).toEqual({ type: 'cancel', actionId });
    const twice = await restAt(A(), 'POST', `/rest/terminals/${terminal.terminalDeviceId}/cancel`);
    expect(twice.status).toBe(409);
    // A card after the cancel charges nothing. The socket's frames are handled in order, so the
    // answer to the frame after it says the card was handled.
    socket.send({
      type: 'card',
      actionId,
      card: { entryMode: 'key', cardNumber: CARDS.visa, expiration: FUTURE },
    });
    socket.send({ type: 'hum' });
    expect(await socket.next('error')).toEqual({ type: 'error', message: 'Unknown frame type' });
    const count = await db.query(`SELECT count(*)::int AS n FROM transactions WHERE external_id = $1`, [
      `terminal:${actionId}`,
    ]);
    expect(count.rows[0].n).toBe(0);
  });

  it('resumes the open action when a dropped socket reconnects to the other replica', async () => {
    const queued = await process(
      A(),
      { TransactionAction: 'Sale', Amount: '12.50' },
      `term-drop-${Date.now()}`,
    );
    expect(queued.status, queued.text).toBe(202);
    const actionId = queued.body.ActionID as string;
    expect((await socket.next('action')).actionId).toBe(actionId);
    socket.ws.terminate();
    await socket.waitClosed();

    socket = await RawTerminal.connect(B, terminal.terminalDeviceId, secret);
    await socket.next('hello');
    const again = await socket.next('action');
    expect(again).toMatchObject({ actionId, amount: '12.50' });
    socket.send({
      type: 'card',
      actionId,
      card: { entryMode: 'key', cardNumber: CARDS.visa, expiration: FUTURE },
    });
    const result = await socket.next('result');
    expect(result).toMatchObject({ actionId, outcome: 'approved' });
    const done = await restAt(A(), 'GET', `/rest/terminals/${terminal.terminalDeviceId}/action`);
    expect(done.body).toMatchObject({ ActionID: actionId, State: 'Completed' });
  });

  it('answers a decline as a completed action with outcome declined', async () => {
    const queued = await process(
      B,
      { TransactionAction: 'Sale', Amount: '5.00' },
      `term-decline-${Date.now()}`,
    );
    const actionId = queued.body.ActionID as string;
    await socket.next('action');
    socket.send({
      type: 'card',
      actionId,
      card: { entryMode: 'key', cardNumber: CARDS.doNotHonor, expiration: FUTURE },
    });
    const result = await socket.next('result');
    expect(result).toMatchObject({ actionId, outcome: 'declined' });
    expect((result.transaction as Json).TransactionStatus).toBe('D');
  });

  it('hides the terminal from another tenant’s credential', async () => {
    const id = terminal.terminalDeviceId;
    const harbor = { ...HARBOR_KEY };
    for (const [method, path, body] of [
      ['GET', `/rest/terminals/${id}/action`, undefined],
      ['POST', `/rest/terminals/${id}/cancel`, undefined],
      ['POST', `/rest/terminals/${id}/process-payment`, { TransactionAction: 'Sale', Amount: '1.00' }],
    ] as const) {
      const r = await restAt(B, method, path, body, harbor);
      expect(r.status, `${method} ${path}`).toBe(404);
    }
    const listed = await restAt(B, 'GET', '/rest/terminals', undefined, harbor);
    expect(JSON.stringify(listed.body)).not.toContain(id);
    const harborAdmin = await as.harborAdmin();
    expect((await call('GET', `/admin/api/terminals/${terminal.id}`, { token: harborAdmin })).status).toBe(
      404,
    );
  });

  it('refuses bad fields all at once in REST’s names', async () => {
    const r = await process(
      B,
      { TransactionAction: 'Sell', Amount: 'x', EntryModes: ['tap'], Colour: 1 },
      `bad-${Date.now()}`,
    );
    expect(r.status).toBe(400);
    const fields = (r.body.Errors as { Field: string }[]).map((e) => e.Field).sort();
    expect(fields).toEqual(['Amount', 'Colour', 'EntryModes', 'TransactionAction']);
  });

  it('goes offline when the socket closes, and a revoke closes the socket', async () => {
    socket.close();
    await socket.waitClosed();
    await eventually(async () => expect((await adminRecord()).online).toBe(false));
    socket = await RawTerminal.connect(A(), terminal.terminalDeviceId, secret);
    await socket.next('hello');
    const revoked = await call<TerminalRecord>('DELETE', `/admin/api/terminals/${terminal.id}`, {
      token: admin,
    });
    expect(revoked.status, revoked.text).toBe(200);
    expect(revoked.body.status).toBe('REVOKED');
    await socket.waitClosed();
    await expect(RawTerminal.connect(B, terminal.terminalDeviceId, secret)).rejects.toThrow('HTTP 401');
  });

  it('runs a chip payment on the simulated terminal process, which resumes after it is killed mid-action', async () => {
    const sim = await createTerminal('Simulated desk');
    const credentials = path.join(mkdtempSync(path.join(os.tmpdir(), 'conduit-sim-')), 'terminal.json');
    const args = ['--base-url', A(), '--credentials', credentials, '--present', 'insert', '--card', 'visa'];
    let device = new SimTerminalProcess([...args, '--pair', sim.pairingCode!, '--hold-ms', '0']);
    try {
      await device.waitFor('paired', { terminalDeviceId: sim.terminalDeviceId });
      await device.waitFor('connected');
      const at = (p: string) => `/rest/terminals/${sim.terminalDeviceId}${p}`;
      const first = await restAt(
        B,
        'POST',
        at('/process-payment'),
        { TransactionAction: 'Sale', Amount: '31.00' },
        {
          'idempotency-key': `sim-1-${Date.now()}`,
        },
      );
      expect(first.status, first.text).toBe(202);
      const result = await device.waitFor('result', { actionId: first.body.ActionID });
      expect(result.outcome).toBe('approved');
      const done = await restAt(B, 'GET', at('/action'));
      expect(done.body).toMatchObject({ State: 'Completed', Amount: '31.00' });
      // The simulated terminal read the chip: real BER-TLV the platform verified.
      expect((done.body.Transaction as Json).Card).toMatchObject({
        LastFour: '1111',
        EntryMode: 'Chip',
        IsEMVTransaction: true,
      });
      expect(device.stdout).not.toContain(CARDS.visa);

      // Slow steps, killed while the customer is at the terminal; the next run (same
      // credentials, no pairing) is sent the open action again and completes it.
      await device.kill('SIGTERM');
      device = new SimTerminalProcess([...args, '--hold-ms', '1500']);
      await device.waitFor('connected');
      const second = await restAt(
        A(),
        'POST',
        at('/process-payment'),
        { TransactionAction: 'Sale', Amount: '8.25' },
        {
          'idempotency-key': `sim-2-${Date.now()}`,
        },
      );
      expect(second.status, second.text).toBe(202);
      const actionId = second.body.ActionID as string;
      await device.waitFor('status', { actionId });
      await device.kill();
      // Still open, no card: Pending or InProgress (the status frame may have died with it).
      const open = (await restAt(B, 'GET', at('/action'))).body;
      expect(open.ActionID).toBe(actionId);
      expect(['Pending', 'InProgress']).toContain(open.State);
      device = new SimTerminalProcess([...args, '--hold-ms', '0']);
      await device.waitFor('connected');
      const resumed = await device.waitFor('result', { actionId }, 30_000);
      expect(resumed.outcome).toBe('approved');
      await eventually(async () =>
        expect((await restAt(B, 'GET', at('/action'))).body).toMatchObject({
          ActionID: actionId,
          State: 'Completed',
        }),
      );
    } finally {
      await device.kill();
    }
  }, 90_000);
});
