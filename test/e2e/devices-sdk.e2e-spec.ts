import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import {
  chipData,
  DeviceManager,
  encodeTlv,
  resolveCard,
  SimulatedCheckScanner,
  SimulatedTerminal,
  type StatusEvent,
  TEST_CARDS,
} from '@conduit-payments/devices';
import { call, DEMO } from './client';
import { rest, REST_OUTLET } from './payments-client';
import { transactionsOf } from './sdk-client';

const repo = path.resolve(__dirname, '../..');
const devicesDir = path.join(repo, 'packages/devices');
const tsc = path.join(repo, 'node_modules/.bin/tsc');
const outlet = {
  merchantId: REST_OUTLET.MerchantID,
  storeId: REST_OUTLET.StoreID,
  terminalId: REST_OUTLET.TerminalID,
};
const patientOf = () => ({
  patientId: `P-DEV-${randomUUID().slice(0, 8)}`,
  firstName: 'Pat',
  lastName: 'Doe',
});

/** A front desk as a vendor sets it up: the simulated terminal and Lakeside's REST credentials. */
async function frontDesk() {
  const terminal = new SimulatedTerminal({ holdMs: 0 });
  const devices = new DeviceManager({
    device: terminal,
    platform: {
      baseUrl: inject('apiUrl'),
      apiKey: DEMO.lakeside.apiKey.identifier,
      apiSecret: DEMO.lakeside.apiKey.secret,
    },
  });
  await devices.initialize();
  return { terminal, devices };
}

async function sale(amount = '25.00', extra: { entryModes?: ('emv' | 'nfc' | 'swipe' | 'key')[] } = {}) {
  const { terminal, devices } = await frontDesk();
  const patient = patientOf();
  const statuses: StatusEvent[] = [];
  const run = (customer: Parameters<SimulatedTerminal['nextCustomer']>[0]) => {
    terminal.nextCustomer(customer);
    return devices.processTransaction(
      { action: 'Sale', amount, outlet, patient, ...extra },
      { onStatus: (s) => statuses.push(s) },
    );
  };
  return { run, statuses, patient, devices, terminal };
}

describe('device SDK: the front desk against the platform', () => {
  it('chip: the platform reads the SDK’s TLV, verifies its cryptogram and answers a TC', async () => {
    const { run, statuses, patient } = await sale();
    const result = await run({ presentation: 'insert', card: 'visa' });
    expect(result).toMatchObject({ status: 'approved', cryptogramType: 'TC' });
    if (result.status !== 'approved') throw new Error(JSON.stringify(result));
    expect(result.transaction).toMatchObject({
      TransactionStatus: 'C',
      ResponseCode: '000',
      Card: { Brand: 'VISA', LastFour: '1111', IsEMVTransaction: true, IsEMVVerifiedByPIN: false },
    });
    expect(result.transaction.Card?.EMV).toMatchObject({
      ApplicationLabel: 'VISA CREDIT',
      ApplicationID: 'A0000000031010',
      CryptogramType: 'ARQC',
      IssuerResponse: expect.stringMatching(/^8A023030/),
    });
    expect(statuses.map((s) => s.type)).toEqual([
      'WaitingForCard',
      'ReadingCard',
      'Processing',
      'RemoveCard',
      'Complete',
    ]);
    expect(await transactionsOf(patient.patientId)).toEqual([{ action: 'Sale', status: 'C' }]);
  });

  it('contactless and an odd-length (AMEX) PAN', async () => {
    const tap = await (await sale('12.50')).run({ presentation: 'tap', card: 'mastercard' });
    expect(tap).toMatchObject({
      status: 'approved',
      transaction: { Card: { Brand: 'MASTERCARD', IsEMVTransaction: true } },
    });
    const amex = await (await sale('13.00')).run({ presentation: 'insert', card: 'amex' });
    expect(amex).toMatchObject({
      status: 'approved',
      transaction: { Card: { Brand: 'AMEX', LastFour: '0009' } },
    });
  });

  it('PIN: a PIN-preferring card asks for it, and the platform says the cardholder verified by PIN', async () => {
    const { run, statuses } = await sale('40.00');
    const result = await run({ presentation: 'insert', card: 'visaDebitPin', pin: ['1111', '1234'] });
    expect(result).toMatchObject({ status: 'approved', transaction: { Card: { IsEMVVerifiedByPIN: true } } });
    expect(statuses.filter((s) => s.type === 'EnterPin').map((s) => s.text)).toEqual([
      'Enter PIN',
      'Incorrect PIN: 2 tries left',
      'PIN OK',
    ]);
  });

  it('three wrong PINs end the transaction before anything reaches the platform', async () => {
    const { run, patient } = await sale();
    expect(await run({ presentation: 'insert', card: 'mastercardDebitPin', pin: '0000' })).toEqual({
      status: 'error',
      code: 'pin_tries_exceeded',
      message: 'PIN tries exceeded',
    });
    expect(await transactionsOf(patient.patientId)).toEqual([]);
  });

  it('chip read failure: the fallback swipe is accepted as Swiped', async () => {
    const { run, statuses } = await sale('15.00');
    const result = await run({ presentation: 'insert', card: 'visa', failChipRead: true });
    expect(statuses.map((s) => s.text)).toContain('Chip read failed: please swipe card');
    expect(result).toMatchObject({ status: 'approved', transaction: { Card: { IsEMVTransaction: false } } });
    expect(result.status === 'approved' && result.transaction.Card?.EntryMode).toMatch(/swipe/i);
  });

  it('a declined magic card on the chip: 005 and the card answers an AAC', async () => {
    const result = await (await sale('9.00')).run({ presentation: 'insert', card: 'doNotHonor' });
    expect(result).toMatchObject({
      status: 'declined',
      cryptogramType: 'AAC',
      transaction: { TransactionStatus: 'D', ResponseCode: '005' },
    });
  });

  it('cancel while waiting for the card: cancelled, and no transaction', async () => {
    const { devices, patient } = await sale();
    const controller = new AbortController();
    const pending = devices.processTransaction(
      { action: 'Sale', amount: '5.00', outlet, patient },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toEqual({ status: 'cancelled', reason: 'operator' });
    const timedOut = await devices.processTransaction({
      action: 'Sale',
      amount: '5.00',
      outlet,
      patient,
      timeoutMs: 100,
    });
    expect(timedOut).toEqual({ status: 'cancelled', reason: 'timeout' });
    expect(await transactionsOf(patient.patientId)).toEqual([]);
  });

  it('authorization, refund by transaction and SaveOnFile on the chip', async () => {
    const { devices, terminal, patient } = await sale();
    terminal.nextCustomer({ presentation: 'insert', card: 'discover' });
    const auth = await devices.processTransaction({
      action: 'Authorization',
      amount: '30.00',
      outlet,
      patient,
    });
    expect(auth).toMatchObject({ status: 'approved', transaction: { TransactionStatus: 'A' } });
    terminal.nextCustomer({ presentation: 'tap', card: 'visa' });
    const paid = await devices.processTransaction({ action: 'Sale', amount: '20.00', outlet, patient });
    if (paid.status !== 'approved') throw new Error(JSON.stringify(paid));
    const refund = await devices.processTransaction({
      action: 'Refund',
      amount: '5.00',
      outlet,
      patient,
      refundOf: paid.transaction.TransactionID,
    });
    expect(refund).toMatchObject({
      status: 'approved',
      transaction: { PrimaryTransactionID: paid.transaction.TransactionID },
    });
    terminal.nextCustomer({ presentation: 'insert', card: 'mastercard' });
    const saved = await devices.processTransaction({ action: 'SaveOnFile', outlet, patient });
    expect(saved).toMatchObject({
      status: 'approved',
      transaction: { TransactionStatus: 'O', PaymentMethodID: expect.any(String) },
    });
  });

  it('an amount changed after the card signed it is declined by the cryptogram check', async () => {
    // The SDK's own chip data, re-signed over 25.00 but claiming 26.00: 9F02 matches the request,
    // the cryptogram does not.
    const card = resolveCard(TEST_CARDS.visa.pan);
    const input = {
      card,
      expiry: { month: 12, year: new Date().getUTCFullYear() + 3 },
      transactionType: '00' as const,
      contactless: false,
      cvm: 'signature' as const,
      date: new Date(),
      atc: 7,
      unpredictableNumber: '0A0B0C0D',
      terminalSerial: 'SIM-0001',
    };
    const honest = chipData({ ...input, amountCents: 2500 }).objects;
    const tampered = chipData({ ...input, amountCents: 2600 }).objects.map((o) =>
      o.tag === '9F26' ? honest.find((h) => h.tag === '9F26')! : o,
    );
    const answer = await rest('POST', '/payment/sale', {
      Outlet: REST_OUTLET,
      Amount: '26.00',
      Card: { EntryMode: 'emv', EMVData: encodeTlv(tampered) },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      TransactionStatus: 'D',
      ResponseCode: '005',
      ResponseMessage: 'cryptogram check failed',
    });
  });
});

describe('device SDK: a check deposit with its images', () => {
  it('deposits a scanned check as a present eCheck; staff see the same images beside it', async () => {
    const scanner = new SimulatedCheckScanner({
      routing: '011000015',
      account: '123456789',
      checkNumber: '1042',
    });
    const devices = new DeviceManager({
      device: new SimulatedTerminal({ holdMs: 0 }),
      checkScanner: scanner,
      platform: {
        baseUrl: inject('apiUrl'),
        apiKey: DEMO.lakeside.apiKey.identifier,
        apiSecret: DEMO.lakeside.apiKey.secret,
      },
    });
    await devices.initialize();
    const statuses: string[] = [];
    const result = await devices.depositCheck(
      { amount: '80.00', outlet, patient: patientOf(), accountHolderName: 'Pat Doe' },
      { onStatus: (s) => statuses.push(s.type) },
    );
    expect(statuses).toEqual(['WaitingForCheck', 'Scanning', 'Processing', 'Complete']);
    expect(result).toMatchObject({
      status: 'approved',
      check: { routingNumber: '011000015', accountLastFour: '6789', checkNumber: '1042' },
      transaction: {
        TransactionType: 'eCheck',
        ECheck: { RoutingNumber: '011000015', AccountLastFour: '6789' },
      },
    });
    if (result.status !== 'approved') throw new Error(JSON.stringify(result));
    const scan = await scanner.scan();
    const detail = await call<{
      checkImages: { side: string; contentType: string; size: number; url: string }[];
    }>('GET', `/admin/api/transactions/${result.transaction.TransactionID}`, { token: inject('opsToken') });
    expect(detail.status, detail.text).toBe(200);
    expect(detail.body.checkImages.map((i) => [i.side, i.contentType, i.size])).toEqual([
      ['FRONT', 'image/png', scan.front.data.length],
      ['BACK', 'image/png', scan.back.data.length],
    ]);
    const front = await fetch(`${inject('apiUrl')}${detail.body.checkImages[0].url}`, {
      headers: { authorization: `Bearer ${inject('opsToken')}` },
    });
    expect(front.headers.get('content-type')).toMatch(/^image\/png/);
    // The images are drawn deterministically: the same check scans to the same bytes.
    expect(Buffer.from(await front.arrayBuffer()).equals(Buffer.from(scan.front.data))).toBe(true);
  });
});

/**
 * The package as a vendor gets it: `npm pack`, installed into a project of its own outside the
 * repository (with its one dependency, ws, beside it as npm would put it), the README's quick
 * start run as written, the examples run, and a vendor's TypeScript checked against the types.
 */
describe('device SDK: the packed package', () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'conduit-devices-pack-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const app = path.join(work, 'app');
  const installed = path.join(app, 'node_modules/@conduit-payments/devices');
  const env = () => ({ ...process.env, CONDUIT_BASE_URL: inject('apiUrl'), HOLD_MS: '0' });

  it('packs only what a vendor needs, with the bin', () => {
    const out = execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
      cwd: devicesDir,
      encoding: 'utf8',
      env: { ...process.env, npm_config_loglevel: 'error' },
    });
    const [packed] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
    const files = packed.files.map((f) => f.path);
    for (const needed of [
      'package.json',
      'README.md',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/bin/sim-terminal.js',
      'examples/front-desk.mjs',
      'examples/check-deposit.mjs',
      'examples/terminal.mjs',
    ])
      expect(files).toContain(needed);
    expect(
      files.filter((f) => f.startsWith('src/') || f.includes('.spec.') || f.includes('scripts/')),
    ).toEqual([]);
    mkdirSync(installed, { recursive: true });
    execFileSync('tar', ['-xzf', path.join(work, packed.filename), '-C', installed, '--strip-components=1']);
    cpSync(path.join(repo, 'node_modules/ws'), path.join(app, 'node_modules/ws'), { recursive: true });
    writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'vendor-desk', type: 'module' }));
    expect(readdirSync(installed)).toContain('dist');
  });

  it('runs the README quick start as written', () => {
    const readme = readFileSync(path.join(devicesDir, 'README.md'), 'utf8');
    const quickStart = /## Five-minute quick start[\s\S]*?```js\n([\s\S]*?)```/.exec(readme)![1];
    writeFileSync(
      path.join(app, 'quick-start.mjs'),
      quickStart.replace("'http://localhost:3000'", 'process.env.CONDUIT_BASE_URL'),
    );
    // console.log colours objects when the runner forces colour (FORCE_COLOR): read the text.
    const out = stripVTControlCharacters(
      execFileSync(process.execPath, ['quick-start.mjs'], {
        cwd: app,
        env: env(),
        encoding: 'utf8',
      }),
    );
    expect(out).toMatch(/model: 'Conduit Sim T1'/);
    expect(out).toMatch(/^WaitingForCard Sale \$25\.00: Insert, tap or swipe card$/m);
    expect(out).toMatch(/^approved [0-9A-F]{32}$/m);
  });

  it('runs the front-desk example: chip, tap, PIN, decline, fallback, cancel, refund', () => {
    const out = execFileSync(process.execPath, ['examples/front-desk.mjs'], {
      cwd: installed,
      env: env(),
      encoding: 'utf8',
    });
    expect(out).toMatch(/^chip sale: approved 000 [0-9A-F]{32} .* TC$/m);
    expect(out).toMatch(/^contactless sale: approved 000 /m);
    expect(out).toMatch(/^PIN debit sale: approved 000 [0-9A-F]{32} .* PIN TC$/m);
    expect(out).toMatch(/^declined card: declined 005 .* AAC$/m);
    expect(out).toMatch(/^fallback swipe: approved 000 /m);
    expect(out).toMatch(/^cancelled: cancelled \(operator\)$/m);
    expect(out).toMatch(/^refund: approved 000 /m);
    expect(out).not.toMatch(/4111111111111111/);
    const check = execFileSync(process.execPath, ['examples/check-deposit.mjs'], {
      cwd: installed,
      env: env(),
      encoding: 'utf8',
    });
    expect(check).toMatch(/^check 1042 from 011000015 …6789: approved 000 [0-9A-F]{32}$/m);
  });

  it('type-checks a vendor’s TypeScript against the packed declarations', () => {
    writeFileSync(
      path.join(app, 'index.ts'),
      `import { DeviceManager, SimulatedTerminal, type TransactionResult } from '@conduit-payments/devices';
export async function pay(d: DeviceManager): Promise<string> {
  const r: TransactionResult = await d.processTransaction({ action: 'Sale', amount: '1.00', outlet: { merchantId: '6011000551245', storeId: '001', terminalId: '002' } });
  switch (r.status) {
    case 'approved':
    case 'declined':
      return r.transaction.TransactionID;
    case 'cancelled':
      return r.reason;
    case 'error':
      return r.code;
  }
}
export const terminal = new SimulatedTerminal({ card: 'visaDebitPin', presentation: 'insert' });
// @ts-expect-error presentation is insert, tap, swipe or key
export const wrong = new SimulatedTerminal({ presentation: 'wave' });
`,
    );
    writeFileSync(
      path.join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          lib: ['ES2023', 'DOM'],
          types: [],
        },
        files: ['index.ts'],
      }),
    );
    execFileSync(tsc, ['-p', 'tsconfig.json'], { cwd: app, encoding: 'utf8' });
  });
});
