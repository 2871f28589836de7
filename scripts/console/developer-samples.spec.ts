import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// The console is an app, not a library with a scope; samples.ts is plain data and strings.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { NODE_RECEIVER, PYTHON_RECEIVER, SAMPLES } from '../../apps/console/src/developers/samples';

/**
 * The Developers page's webhook receivers, run as a vendor would run them, against bodies
 * rendered and signed as webhooks.md says the platform does (tooling may not import the
 * platform's libs; libs/webhooks tests its own signer against the same rule): each accepts a
 * genuine delivery in every format and reads its fields, and refuses a tampered body, a wrong
 * secret and a stale timestamp.
 */
type WebhookFormat = 'JSON' | 'XML' | 'NVP';

const newSigningSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

/** `v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`, keyed by the base64 after `whsec_`. */
const signatureHeader = (secrets: string[], msgId: string, timestamp: number, body: string) =>
  secrets
    .map((secret) => {
      const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
      return `v1,${createHmac('sha256', key).update(`${msgId}.${timestamp}.${body}`).digest('base64')}`;
    })
    .join(' ');

const xmlText = (v: string) =>
  v
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

/** webhooks.md "Payload": the same fields as a JSON object, XML children, or a form. */
function renderPayload(format: WebhookFormat, fields: Record<string, string>) {
  if (format === 'XML')
    return {
      contentType: 'application/xml; charset=utf-8',
      body: `<?xml version="1.0" encoding="UTF-8"?><PaymentTransaction>${Object.entries(fields)
        .map(([k, v]) => `<${k}>${xmlText(v)}</${k}>`)
        .join('')}</PaymentTransaction>`,
    };
  if (format === 'NVP')
    return { contentType: 'application/x-www-form-urlencoded', body: new URLSearchParams(fields).toString() };
  return { contentType: 'application/json', body: JSON.stringify(fields) };
}
const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill();
  child = undefined;
});

async function startReceiver(command: string, file: string, secret: string) {
  const port = await freePort();
  const output: string[] = [];
  child = spawn(command, [file], { env: { ...process.env, WEBHOOK_SECRET: secret, PORT: String(port) } });
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(url, { method: 'POST', body: '' });
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { url, output };
}

const FIELDS = {
  EventID: 'evt_1',
  EventType: 'Approved',
  PaymentTransactionID: '9f1c0d3e5a7b4c2d8e6f0a1b2c3d4e5f',
  Amount: '25.00',
  PatientLastName: "O'Brien & <Sons>",
};

async function deliver(url: string, format: WebhookFormat, secret: string, tamper = false, ageSeconds = 0) {
  const { body, contentType } = renderPayload(format, FIELDS);
  const msgId = `msg_${format.toLowerCase()}`;
  const timestamp = Math.floor(Date.now() / 1000) - ageSeconds;
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'webhook-id': msgId,
      'webhook-timestamp': String(timestamp),
      // Two signatures, as during a rotation: the receiver's own secret is the second.
      'webhook-signature': signatureHeader([newSigningSecret(), secret], msgId, timestamp, body),
    },
    body: tamper ? body.replace('25.00', '2500.00') : body,
  });
  return res.status;
}

describe.each([
  ['Node.js', process.execPath, 'receiver.mjs', NODE_RECEIVER],
  ['Python', 'python3', 'receiver.py', PYTHON_RECEIVER],
])('the %s webhook receiver sample', (_name, command, fileName, source) => {
  it('accepts genuine JSON, XML and NVP deliveries and refuses forged or stale ones', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'receiver-')), fileName);
    writeFileSync(file, source);
    const secret = newSigningSecret();
    const { url, output } = await startReceiver(command, file, secret);
    for (const format of ['JSON', 'XML', 'NVP'] as const) {
      expect(await deliver(url, format, secret), format).toBe(204);
      expect(await deliver(url, format, secret, true), `${format} tampered`).toBe(401);
      expect(await deliver(url, format, newSigningSecret()), `${format} other secret`).toBe(401);
      expect(await deliver(url, format, secret, false, 3600), `${format} an hour old`).toBe(401);
    }
    await expect.poll(() => output.join('')).toContain('msg_nvp');
    const lines = output.join('').trim().split('\n');
    expect(lines).toEqual(
      ['json', 'xml', 'nvp'].map((f) => `Approved ${FIELDS.PaymentTransactionID} msg_${f}`),
    );
  }, 30_000);
});

describe('the Developers page samples', () => {
  it('include a REST hosted-page example that creates a token and polls its status', () => {
    const sso = SAMPLES.find((s) => s.id === 'rest_sso')?.body ?? '';
    expect(sso).toContain('{base}/rest/sso/token ');
    expect(sso).toContain('{base}/rest/sso/token/$TOKEN/status');
    expect(new Set(SAMPLES.map((s) => s.id)).size).toBe(SAMPLES.length);
  });
});
