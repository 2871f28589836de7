#!/usr/bin/env node
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { type CustomerAction, type Presentation, SimulatedTerminal } from '../simulated-terminal.js';
import { runTerminal, type TerminalLogEntry } from '../terminal/run-terminal.js';

const USAGE = `conduit-sim-terminal: the simulated card terminal as a server-driven terminal

  conduit-sim-terminal --pair ABCD-EFGH [--base-url http://localhost:3000] [options]
  conduit-sim-terminal [--credentials FILE] [options]      (after pairing once)

  --base-url URL        the platform (default $CONDUIT_BASE_URL or http://localhost:3000)
  --pair CODE           pair with a one-time code from the console first
  --credentials FILE    where TerminalDeviceID and DeviceSecret are kept, mode 0600
                        (default ./conduit-terminal.json)
  --card PAN|NAME       the standing customer's card (default visa; TEST_CARDS names work)
  --present MODE        insert | tap | swipe | key (default insert)
  --pin PIN             the PIN the customer types (PIN-preferring cards; default 1234)
  --fail-chip           the chip cannot be read: the terminal falls back to a swipe
  --hold-ms MS          pause per step (default 250)
  --serial SERIAL       serial number reported when pairing (default SIM-0001)
  --stdin               read scripted customers from stdin, one JSON object a line, e.g.
                        {"presentation":"tap","card":"4111111111111111"} or {"presentation":"cancel"}

Writes one JSON object a line to stdout for everything it does (no secrets, no card data).`;

const { values } = parseArgs({
  options: {
    'base-url': { type: 'string' },
    pair: { type: 'string' },
    credentials: { type: 'string' },
    card: { type: 'string' },
    present: { type: 'string' },
    pin: { type: 'string' },
    'fail-chip': { type: 'boolean' },
    'hold-ms': { type: 'string' },
    serial: { type: 'string' },
    stdin: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});

const line = (entry: Record<string, unknown>) =>
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);

if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const presentation = (values.present ?? 'insert') as Presentation;
if (!['insert', 'tap', 'swipe', 'key'].includes(presentation)) {
  process.stderr.write(`--present must be insert, tap, swipe or key\n\n${USAGE}\n`);
  process.exit(64);
}

const device = new SimulatedTerminal({
  card: values.card ?? 'visa',
  presentation,
  pin: values.pin,
  failChipRead: values['fail-chip'] ?? false,
  holdMs: values['hold-ms'] === undefined ? 250 : Number(values['hold-ms']),
  serialNumber: values.serial,
});

if (values.stdin)
  createInterface({ input: process.stdin }).on('line', (text) => {
    if (text.trim() === '') return;
    try {
      const customer = JSON.parse(text) as CustomerAction;
      device.nextCustomer(customer);
      line({ event: 'customer', presentation: customer.presentation });
    } catch {
      line({ event: 'error', message: 'stdin: not a JSON customer action' });
    }
  });

async function main(): Promise<void> {
  const terminal = await runTerminal({
    baseUrl: values['base-url'] ?? process.env.CONDUIT_BASE_URL ?? 'http://localhost:3000',
    pairingCode: values.pair,
    credentialsFile: path.resolve(values.credentials ?? 'conduit-terminal.json'),
    device,
    onLog: (entry: TerminalLogEntry) => line(entry),
  });
  const stop = () => void terminal.stop();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await terminal.done;
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    line({ event: 'fatal', message: err instanceof Error ? err.message : String(err) });
    process.exit(1);
  },
);
