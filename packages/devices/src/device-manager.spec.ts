import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SimulatedCheckScanner } from './check/check-scanner';
import { DeviceManager } from './device-manager';
import type { StatusEvent } from './device';
import { SimulatedTerminal } from './simulated-terminal';

/** A stand-in platform on loopback: records each request, answers what the test queued. */
let server: Server;
let baseUrl = '';
const seen: { path: string; headers: IncomingHttpHeaders; body: Record<string, unknown> }[] = [];
let answers: { status: number; body: unknown }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      seen.push({ path: req.url!, headers: req.headers, body: JSON.parse(raw) });
      const next = answers.shift() ?? {
        status: 500,
        body: { ErrorCode: 500, ErrorMessage: 'nothing queued' },
      };
      res.writeHead(next.status, { 'content-type': 'application/json' }).end(JSON.stringify(next.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));
beforeEach(() => {
  seen.length = 0;
  answers = [];
});

const outlet = { merchantId: '6011000551245', storeId: '001', terminalId: '002' };
const approved = (extra: Record<string, unknown> = {}) => ({
  status: 200,
  body: {
    TransactionID: 'A'.repeat(32),
    TransactionStatus: 'C',
    ResponseCode: '000',
    ResponseMessage: 'APPROVED',
    ...extra,
  },
});

async function manager(terminal: SimulatedTerminal, scanner?: SimulatedCheckScanner) {
  const m = new DeviceManager({
    device: terminal,
    checkScanner: scanner,
    platform: { baseUrl, apiKey: 'ak_test', apiSecret: 'sk_test', maxRetries: 1 },
  });
  await m.initialize();
  return m;
}

describe('DeviceManager', () => {
  it('sends the chip data to the sale endpoint with an Idempotency-Key and finishes the card', async () => {
    answers.push(approved({ Card: { EMV: { IssuerResponse: '8A023030' } } }));
    const m = await manager(new SimulatedTerminal({ holdMs: 0, card: 'visa' }));
    const statuses: StatusEvent[] = [];
    const result = await m.processTransaction(
      {
        action: 'Sale',
        amount: '25.00',
        outlet,
        patient: { patientId: 'P-1' },
        additionalInfo: ['INV-1'],
        idempotencyKey: 'k-1',
      },
      { onStatus: (s) => statuses.push(s) },
    );
    expect(result).toMatchObject({
      status: 'approved',
      cryptogramType: 'TC',
      transaction: { ResponseCode: '000' },
    });
    expect(statuses.map((s) => s.type)).toEqual([
      'WaitingForCard',
      'ReadingCard',
      'Processing',
      'RemoveCard',
      'Complete',
    ]);
    const [{ path, headers, body }] = seen;
    expect(path).toBe('/rest/payment/sale');
    expect(headers).toMatchObject({
      'idempotency-key': 'k-1',
      'api-key': 'ak_test',
      'api-secret': 'sk_test',
    });
    expect(body).toMatchObject({
      Outlet: { MerchantID: '6011000551245', StoreID: '001', TerminalID: '002' },
      Amount: '25.00',
      Card: { EntryMode: 'emv', EMVData: expect.stringMatching(/^[0-9A-F]+$/) },
      Patient: { PatientID: 'P-1' },
      AdditionalInfo1: 'INV-1',
    });
  });

  it('a decline is a result; an error answer is an error result with the platform’s fields', async () => {
    answers.push({
      status: 200,
      body: {
        TransactionID: 'B'.repeat(32),
        TransactionStatus: 'D',
        ResponseCode: '005',
        ResponseMessage: 'DECLINED',
      },
    });
    answers.push({
      status: 400,
      body: {
        ErrorCode: 400,
        ErrorMessage: 'This card has a chip',
        ReferenceNumber: 'R1',
        Errors: [{ Field: 'Card.TrackData', Message: 'x' }],
      },
    });
    const m = await manager(new SimulatedTerminal({ holdMs: 0, card: 'doNotHonor', presentation: 'tap' }));
    expect(await m.processTransaction({ action: 'Sale', amount: '1.00', outlet })).toMatchObject({
      status: 'declined',
    });
    expect(await m.processTransaction({ action: 'Sale', amount: '1.00', outlet })).toEqual({
      status: 'error',
      httpStatus: 400,
      code: 'invalid_request',
      message: 'This card has a chip',
      referenceNumber: 'R1',
      errors: [{ field: 'Card.TrackData', message: 'x' }],
    });
  });

  it('retries a 5xx with the same Idempotency-Key', async () => {
    answers.push({ status: 503, body: { ErrorCode: 503, ErrorMessage: 'busy' } }, approved());
    const m = await manager(new SimulatedTerminal({ holdMs: 0, card: 'visa', presentation: 'key' }));
    expect(await m.processTransaction({ action: 'Authorization', amount: '5.00', outlet })).toMatchObject({
      status: 'approved',
    });
    expect(seen.map((s) => s.path)).toEqual(['/rest/payment/authorization', '/rest/payment/authorization']);
    expect(seen[0].headers['idempotency-key']).toBe(seen[1].headers['idempotency-key']);
    expect(seen[0].body.Card).toMatchObject({
      EntryMode: 'key',
      CardPresentStatus: 'PresentManualKey',
      CVN: '123',
    });
  });

  it('SaveOnFile, fallback swipe, and a refund by transaction', async () => {
    answers.push(approved({ TransactionStatus: 'O' }), approved(), approved());
    const m = await manager(new SimulatedTerminal({ holdMs: 0, card: 'visa', failChipRead: true }));
    await m.processTransaction({ action: 'SaveOnFile', outlet });
    await m.processTransaction({ action: 'Sale', amount: '2.00', outlet });
    await m.processTransaction({ action: 'Refund', amount: '2.00', outlet, refundOf: 'C'.repeat(32) });
    expect(seen.map((s) => s.path)).toEqual([
      '/rest/payment/paymentplan',
      '/rest/payment/sale',
      '/rest/payment/refund-simple',
    ]);
    expect(seen[0].body).toMatchObject({ PaymentPlanType: 'SaveOnFile' });
    expect(seen[0].body).not.toHaveProperty('Amount');
    expect(seen[1].body.Card).toMatchObject({
      EntryMode: 'swipe',
      Fallback: true,
      TrackData: expect.stringMatching(/^%B/),
    });
    expect(seen[2].body).toMatchObject({ TransactionID: 'C'.repeat(32), Amount: '2.00' });
  });

  it('reports every invalid field at once, and one transaction at a time', async () => {
    const m = await manager(new SimulatedTerminal({ holdMs: 0 }));
    const bad = await m.processTransaction({
      action: 'Sale',
      amount: '25',
      outlet: { merchantId: '', storeId: '001', terminalId: '002' },
      entryModes: [],
    });
    expect(bad).toMatchObject({ status: 'error', code: 'invalid_request' });
    if (bad.status === 'error')
      expect(bad.errors?.map((e) => e.field)).toEqual(['amount', 'outlet.merchantId', 'entryModes']);
    const first = m.processTransaction({ action: 'Sale', amount: '1.00', outlet });
    expect(await m.processTransaction({ action: 'Sale', amount: '1.00', outlet })).toMatchObject({
      status: 'error',
      code: 'busy',
    });
    m.cancel();
    expect(await first).toEqual({ status: 'cancelled', reason: 'operator' });
    expect(seen).toEqual([]);
  });

  it('deposits a scanned check as a present eCheck with both images', async () => {
    answers.push(approved({ TransactionType: 'eCheck' }));
    const scanner = new SimulatedCheckScanner({
      routing: '011000015',
      account: '123456789',
      checkNumber: '1042',
    });
    const m = await manager(new SimulatedTerminal({ holdMs: 0 }), scanner);
    const statuses: string[] = [];
    const result = await m.depositCheck(
      { amount: '80.00', outlet, accountHolderName: 'Pat Doe' },
      { onStatus: (s) => statuses.push(s.type) },
    );
    expect(result).toMatchObject({
      status: 'approved',
      check: { routingNumber: '011000015', accountLastFour: '6789', checkNumber: '1042' },
    });
    expect(statuses).toEqual(['WaitingForCheck', 'Scanning', 'Processing', 'Complete']);
    const check = seen[0].body.ECheck as Record<string, string>;
    expect(seen[0].body).toMatchObject({ PaymentMethod: 'ECheck', Amount: '80.00' });
    expect(check).toMatchObject({
      RoutingNumber: '011000015',
      AccountNumber: '123456789',
      CheckNumber: '1042',
      AccountType: 'Checking',
      CheckPresentStatus: 'Present',
    });
    for (const side of [check.FrontImage, check.BackImage])
      expect(Buffer.from(side, 'base64').subarray(1, 4).toString()).toBe('PNG');
  });
});
