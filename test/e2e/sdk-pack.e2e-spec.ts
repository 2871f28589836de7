import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';

const sdkDir = path.resolve(__dirname, '../../packages/sdk');
const tsc = path.resolve(__dirname, '../../node_modules/.bin/tsc');

/**
 * The SDK as a vendor gets it: `npm pack`, installed into a project of its own (outside the
 * repository, no node_modules of ours), imported by plain Node and type-checked by tsc.
 */
describe('SDK: the packed package', () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'conduit-sdk-pack-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const installed = path.join(work, 'app/node_modules/@conduit-payments/sdk');
  let files: string[] = [];

  it('packs only what a vendor needs', () => {
    const out = execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
      cwd: sdkDir,
      encoding: 'utf8',
      env: { ...process.env, npm_config_loglevel: 'error' },
    });
    const [packed] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
    files = packed.files.map((f) => f.path);
    for (const needed of [
      'package.json',
      'README.md',
      'openapi.json',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/generated/rest-api.d.ts',
      'examples/sale.mjs',
    ])
      expect(files).toContain(needed);
    expect(
      files.filter((f) => f.startsWith('src/') || f.endsWith('.spec.js') || f.includes('scripts/')),
    ).toEqual([]);
    mkdirSync(installed, { recursive: true });
    execFileSync('tar', ['-xzf', path.join(work, packed.filename), '-C', installed, '--strip-components=1']);
    expect(readdirSync(installed)).toContain('dist');
  });

  it('runs with plain Node: the README quick start and an example against the platform', () => {
    const app = path.join(work, 'app');
    writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'vendor-app', type: 'module' }));
    writeFileSync(
      path.join(app, 'quick-start.mjs'),
      `import { Conduit, ConduitError } from '@conduit-payments/sdk';
const conduit = new Conduit({ baseUrl: process.env.CONDUIT_BASE_URL, apiKey: 'ak_test_lakeside', apiSecret: 'sk_test_lakeside' });
const sale = await conduit.payments.sale({
  Outlet: { MerchantID: '6011000551245', StoreID: '001', TerminalID: '002' },
  Amount: '25.00',
  Card: { EntryMode: 'key', CardNumber: '4111111111111111', Expiration: '12/40', CVN: '123' },
});
const err = await conduit.transactions.get('nope').catch((e) => e);
const browser = await import('@conduit-payments/sdk/browser');
console.log(JSON.stringify({ status: sale.TransactionStatus, code: sale.ResponseCode, error: err instanceof ConduitError, errorStatus: err.status, browser: Object.keys(browser).sort() }));
`,
    );
    const env = { ...process.env, CONDUIT_BASE_URL: inject('apiUrl') };
    const quick = JSON.parse(
      execFileSync(process.execPath, ['quick-start.mjs'], { cwd: app, env, encoding: 'utf8' }),
    );
    expect(quick).toEqual({
      status: 'C',
      code: '000',
      error: true,
      errorStatus: expect.any(Number),
      // The browser entry point holds no client that takes credentials.
      browser: ['ConduitError', 'SwipeCollector', 'parseHostedPageReturn', 'parseSwipe'],
    });
    expect(quick.errorStatus).toBeGreaterThanOrEqual(400);
    const example = execFileSync(process.execPath, ['examples/sale.mjs'], {
      cwd: installed,
      env,
      encoding: 'utf8',
    });
    expect(example).toMatch(/^sale [0-9A-F]{32}: C 000/m);
    expect(example).toMatch(/^declined: D 005/m);
    expect(example).toMatch(/^refund [0-9A-F]{32}: 000/m);
    const run = (file: string) =>
      execFileSync(process.execPath, [file], { cwd: installed, env, encoding: 'utf8' });
    expect(run('examples/nvp.mjs')).toMatch(/^[0-9A-F]{32}: C 000 APPROVED/m);
    expect(run('examples/transactions.mjs')).toMatch(/^\d+ transactions since /m);
  });

  it('type-checks a vendor’s TypeScript against the packed declarations', () => {
    const app = path.join(work, 'app');
    writeFileSync(
      path.join(app, 'index.ts'),
      `import { Conduit, type PaymentRequest, type PaymentResult, type WebhookEvent } from '@conduit-payments/sdk';
const request: PaymentRequest = { Outlet: { MerchantID: '6011000551245', StoreID: '001', TerminalID: '002' }, Amount: '1.00' };
export async function pay(c: Conduit): Promise<PaymentResult['TransactionStatus']> {
  return (await c.payments.sale(request)).TransactionStatus;
}
export const kind = (e: WebhookEvent): string => e.EventType;
// @ts-expect-error Amount is a decimal string in the OpenAPI document, never a number
export const wrong: PaymentRequest = { ...request, Amount: 1 };
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
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          types: [],
        },
        files: ['index.ts'],
      }),
    );
    execFileSync(tsc, ['-p', 'tsconfig.json'], { cwd: app, encoding: 'utf8' });
  });
});
