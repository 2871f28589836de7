import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ADMIN_TYPES_FILE, renderAdminTypes } from '../../scripts/lib/admin-types.mjs';
import { as, call, DEMO, expectErrorShape, type Answer } from './client';
import { CARDS, FUTURE, nvp } from './payments-client';
import { freshMerchant } from './webhooks-client';

interface Operation {
  responses: Record<string, { content?: Record<string, { schema: object }>; $ref?: string }>;
  security?: unknown[];
  parameters?: { name: string; in: string }[];
}
interface AdminDocument {
  openapi: string;
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, object>; responses: Record<string, object> };
}

const root = path.resolve(__dirname, '../..');
let doc: AdminDocument;
let ajv: Ajv2020;

/** The document's own 200 schema for a path, applied to a real answer. */
function expectDocumented(pathKey: string, res: Answer, method = 'get') {
  const op = doc.paths[pathKey]?.[method];
  expect(op, `${method} ${pathKey} is documented`).toBeTruthy();
  const [code, answer] = Object.entries(op.responses).find(([c]) => c.startsWith('2'))!;
  expect(res.status, `${method} ${pathKey}: ${res.text.slice(0, 300)}`).toBe(Number(code));
  const schema = answer.content?.['application/json']?.schema;
  if (!schema) return;
  const validate = ajv.compile({
    $ref: `admin.json#/paths/${pointer(pathKey)}/${method}/responses/${code}/content/application~1json/schema`,
  });
  expect(validate(res.body), `${method} ${pathKey}: ${ajv.errorsText(validate.errors)}`).toBe(true);
  expect(undocumented(res.body, schema as Node, `${method} ${pathKey}`)).toEqual([]);
}

const pointer = (p: string) => p.replace(/~/g, '~0').replace(/\//g, '~1');

type Node = Record<string, unknown>;

function resolve(schema: Node): Node {
  const target = schema.$ref;
  if (typeof target !== 'string') return schema;
  let node: unknown = doc;
  for (const part of target.replace(/^#\//, '').split('/')) node = (node as Node)[part];
  return resolve(node as Node);
}

/** The property names a schema documents for an object, through $ref, allOf and oneOf. */
function documentedKeys(schema: Node): Set<string> | 'any' {
  const s = resolve(schema);
  if (s.additionalProperties !== undefined && s.additionalProperties !== false) return 'any';
  const keys = new Set(Object.keys((s.properties as Node | undefined) ?? {}));
  for (const part of [...((s.allOf as Node[]) ?? []), ...((s.oneOf as Node[]) ?? [])]) {
    const more = documentedKeys(part);
    if (more === 'any') return 'any';
    more.forEach((k) => keys.add(k));
  }
  return keys;
}

function propertySchema(schema: Node, key: string): Node | undefined {
  const s = resolve(schema);
  const own = (s.properties as Record<string, Node> | undefined)?.[key];
  if (own) return own;
  for (const part of [...((s.allOf as Node[]) ?? []), ...((s.oneOf as Node[]) ?? [])]) {
    const found = propertySchema(part, key);
    if (found) return found;
  }
  return undefined;
}

/** Fields a real answer carries that its schema does not describe (`Transaction.x.y`). */
function undocumented(value: unknown, schema: Node, at: string): string[] {
  if (value === null || typeof value !== 'object') return [];
  const s = resolve(schema);
  if (Array.isArray(value)) {
    const items = s.items as Node | undefined;
    return items ? value.flatMap((v, i) => undocumented(v, items, `${at}[${i}]`)) : [];
  }
  const keys = documentedKeys(s);
  if (keys === 'any') return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const sub = propertySchema(s, k);
    return sub ? undocumented(v, sub, `${at}.${k}`) : [`${at}.${k}`];
  });
}

function expectAdminError(res: Answer, status: number) {
  const body = expectErrorShape(res, status);
  const validate = ajv.getSchema('admin.json#/components/schemas/AdminError')!;
  expect(validate(body), ajv.errorsText(validate.errors)).toBe(true);
  return body;
}

beforeAll(async () => {
  const res = await fetch(`${inject('apiUrl')}/admin/api/openapi.json`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  doc = (await res.json()) as AdminDocument;
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...doc, $id: 'admin.json' });
});

describe('the admin API OpenAPI document', () => {
  it('is served without a session, as OpenAPI 3.1 that Redocly’s recommended rules pass', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers.length).toBeGreaterThan(0);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'admin-openapi-')), 'admin.json');
    writeFileSync(file, JSON.stringify(doc));
    const lint = spawnSync(
      path.join(root, 'node_modules/.bin/redocly'),
      ['lint', file, '--extends=recommended', '--format=json'],
      { encoding: 'utf8', cwd: path.dirname(file) },
    );
    const report = JSON.parse(lint.stdout) as { totals: { errors: number; warnings: number } };
    expect(report.totals, lint.stdout.slice(0, 2000)).toEqual(
      expect.objectContaining({ errors: 0, warnings: 0 }),
    );
  });

  it('is what the committed console types were generated from (node scripts/admin-openapi.mjs)', async () => {
    const committed = readFileSync(path.join(root, ADMIN_TYPES_FILE), 'utf8');
    const rendered = await renderAdminTypes(doc, root);
    expect(rendered === committed, `${ADMIN_TYPES_FILE} is stale: run node scripts/admin-openapi.mjs`).toBe(
      true,
    );
  });

  it('has every admin route, with list parameters and the error answers', () => {
    const ops = Object.entries(doc.paths).flatMap(([p, item]) =>
      Object.entries(item).map(([m, op]) => [`${m.toUpperCase()} ${p}`, op] as const),
    );
    expect(ops.length).toBeGreaterThanOrEqual(93);
    expect(ops.every(([key]) => key.split(' ')[1].startsWith('/admin/api/'))).toBe(true);
    // The console's resources (apps/console/src/App.tsx), each listed and read one by one.
    for (const resource of [
      'organizations',
      'merchants',
      'outlets',
      'users',
      'credentials',
      'partner-grants',
      'transactions',
      'webhook-endpoints',
      'webhook-deliveries',
      'sso-tokens',
      'sftp-accounts',
      'batch-files',
      'settlements',
      'disputes',
      'payment-plans',
      'audit-log',
    ]) {
      const list = doc.paths[`/admin/api/${resource}`]?.get;
      expect(list, resource).toBeTruthy();
      expect(list.parameters?.map((p) => p.name)).toEqual(['sort', 'range', 'filter']);
      const item = Object.keys(doc.paths).find((p) => p.startsWith(`/admin/api/${resource}/{`));
      expect(doc.paths[item ?? '']?.get, `${resource}/{id}`).toBeTruthy();
    }
    for (const [key, op] of ops) {
      expect(op.responses['401']?.$ref, key).toBe('#/components/responses/Error401');
      expect(op.responses['500']?.$ref, key).toBe('#/components/responses/Error500');
    }
    expect(doc.paths['/admin/api/auth/login'].post.security).toEqual([]);
  });
});

describe('real admin answers match the document', () => {
  it('every list and its first record, as the platform admin', async () => {
    const token = await as.ops();
    const lists = Object.keys(doc.paths).filter(
      (p) =>
        doc.paths[p].get && !p.includes('{') && doc.paths[p].get.parameters?.some((q) => q.name === 'range'),
    );
    expect(lists.length).toBeGreaterThanOrEqual(16);
    for (const list of lists) {
      const res = await call<{ id: string }[]>('GET', `${list}?range=${encodeURIComponent('[0,4]')}`, {
        token,
      });
      expectDocumented(list, res);
      const item = Object.keys(doc.paths).find(
        (p) => p.startsWith(`${list}/{`) && p.split('/').length === list.split('/').length + 1,
      );
      if (item && res.body.length > 0) {
        const one = await call('GET', item.replace(/\{[^}]+\}/, encodeURIComponent(res.body[0].id)), {
          token,
        });
        expectDocumented(item, one);
      }
    }
  });

  it('the single answers the console reads', async () => {
    const admin = await as.lakesideAdmin();
    for (const p of [
      '/admin/api/platform-info',
      '/admin/api/dashboard/summary',
      '/admin/api/dashboard/finance',
      '/admin/api/auth/me',
      '/admin/api/auth/two-factor',
    ])
      expectDocumented(p, await call('GET', p, { token: admin }));
    const filter = encodeURIComponent(JSON.stringify({ from: '2026-01-01', to: '2026-01-31' }));
    expectDocumented(
      '/admin/api/reconciliation',
      await call('GET', `/admin/api/reconciliation?filter=${filter}`, { token: admin }),
    );
    const login = await call('POST', '/admin/api/auth/login', { body: DEMO.lakeside.finance });
    expectDocumented('/admin/api/auth/login', login, 'post');
  });
});

/**
 * Records this file makes itself, so their pages are validated whatever else ran before: a
 * payment plan (card), a hosted-page token, a closed settlement batch with an error item and its
 * files, and the open batch that follows it.
 */
describe('records made here match the document', () => {
  let admin: string;
  let merchantId: string;
  let planId: string;

  beforeAll(async () => {
    admin = await as.lakesideAdmin();
    const lakeside = await call<{ timeZone: string }>(
      'GET',
      `/admin/api/merchants/${DEMO.lakeside.merchantId}`,
      {
        token: admin,
      },
    );
    expect(lakeside.status, lakeside.text).toBe(200);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: lakeside.body.timeZone }).format(new Date());
    const plan = await fetch(`${inject('apiUrl')}/rest/payment/paymentplan`, {
      method: 'POST',
      headers: {
        'Api-Key': DEMO.lakeside.apiKey.identifier,
        'Api-Secret': DEMO.lakeside.apiKey.secret,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        Outlet: {
          MerchantID: DEMO.lakeside.merchantId,
          StoreID: DEMO.lakeside.outlet.storeId,
          TerminalID: DEMO.lakeside.outlet.terminalId,
        },
        PaymentPlanType: 'Installment',
        TotalAmount: '90.00',
        InstallmentCount: 3,
        Frequency: 'Monthly',
        StartDate: today,
        PaymentMethod: 'Card',
        Card: { EntryMode: 'key', CardNumber: CARDS.visa, Expiration: FUTURE },
        Patient: { PatientID: 'OPENAPI-1', FirstName: 'Rosa', LastName: 'Diaz' },
      }),
    });
    const created = (await plan.json()) as { PaymentPlanID?: string };
    expect(plan.status, JSON.stringify(created)).toBe(200);
    expect(created.PaymentPlanID, JSON.stringify(created)).toBeTruthy();
    planId = created.PaymentPlanID as string;

    merchantId = await freshMerchant(admin);
    const era = await call('PUT', `/admin/api/merchants/${merchantId}`, {
      token: admin,
      body: { era835Enabled: true },
    });
    expect(era.status, era.text).toBe(200);
    const outlet = { merchantID: merchantId, storeID: '001', terminalID: '001' };
    for (const [amount, card] of [
      ['20.00', CARDS.visa],
      ['10.13', CARDS.visa], // the sandbox rejects .13 at settlement: an error item
    ]) {
      const sale = await nvp({
        ...outlet,
        transactionType: 'CreditCard',
        transactionAction: 'Sale',
        amount,
        cardNumber: card,
        cardExpiration: FUTURE,
      });
      expect(sale.fields.transactionStatus, sale.text).toBe('C');
    }
    const check = await nvp({
      ...outlet,
      transactionType: 'eCheck',
      transactionAction: 'Sale',
      amount: '15.00',
      routingNumber: '011000015',
      accountNumber: '123456789',
      accountType: 'Checking',
    });
    expect(check.fields.transactionStatus, check.text).toBe('C');
  });

  it('a payment plan, its detail, pause and replace-card answers', async () => {
    const list = await call(
      'GET',
      `/admin/api/payment-plans?filter=${encodeURIComponent(JSON.stringify({ patientId: 'OPENAPI-1' }))}`,
      {
        token: admin,
      },
    );
    expectDocumented('/admin/api/payment-plans', list);
    expectDocumented(
      '/admin/api/payment-plans/{id}',
      await call('GET', `/admin/api/payment-plans/${planId}`, { token: admin }),
    );
    expectDocumented(
      '/admin/api/payment-plans/{id}/pause',
      await call('POST', `/admin/api/payment-plans/${planId}/pause`, { token: admin }),
      'post',
    );
    expectDocumented(
      '/admin/api/payment-plans/{id}/replace-card',
      await call('POST', `/admin/api/payment-plans/${planId}/replace-card`, { token: admin }),
      'post',
    );
  });

  it('a hosted-page token, as created and as reviewed', async () => {
    const page = await call<{ id: string }>('POST', '/admin/api/sso-tokens', {
      token: admin,
      body: {
        merchantId: DEMO.lakeside.merchantId,
        storeId: DEMO.lakeside.outlet.storeId,
        terminalId: DEMO.lakeside.outlet.terminalId,
        amount: '12.00',
        patientId: 'OPENAPI-2',
      },
    });
    expectDocumented('/admin/api/sso-tokens', page, 'post');
    expectDocumented(
      '/admin/api/sso-tokens/{id}',
      await call('GET', `/admin/api/sso-tokens/${page.body.id}`, { token: admin }),
    );
  });

  it('settle-now, the closed batch with its items and files, the next open batch, the dashboard', async () => {
    const byMerchant = `filter=${encodeURIComponent(JSON.stringify({ merchantId }))}`;
    const settled = await call<{ settled: boolean; batch: { id: string; errorCount: number } }>(
      'POST',
      `/admin/api/merchants/${merchantId}/settle-now`,
      { token: admin },
    );
    expectDocumented('/admin/api/merchants/{merchantId}/settle-now', settled, 'post');
    expect(settled.body.settled).toBe(true);
    expect(settled.body.batch.errorCount).toBeGreaterThan(0);
    const batchId = settled.body.batch.id;
    expectDocumented(
      '/admin/api/settlements/{id}',
      await call('GET', `/admin/api/settlements/${batchId}`, { token: admin }),
    );
    expectDocumented(
      '/admin/api/settlements/{id}/items',
      await call('GET', `/admin/api/settlements/${batchId}/items`, { token: admin }),
    );
    expectDocumented(
      '/admin/api/settlements',
      await call('GET', `/admin/api/settlements?${byMerchant}`, { token: admin }),
    );

    // The close opened the next batch; a sale waits in it, so its figures so far are answered.
    const waiting = await nvp({
      merchantID: merchantId,
      storeID: '001',
      terminalID: '001',
      transactionType: 'CreditCard',
      transactionAction: 'Sale',
      amount: '7.00',
      cardNumber: CARDS.mastercard,
      cardExpiration: FUTURE,
    });
    expect(waiting.fields.transactionStatus, waiting.text).toBe('C');
    const batches = await call<{ id: string; status: string }[]>(
      'GET',
      `/admin/api/settlements?${byMerchant}`,
      {
        token: admin,
      },
    );
    expectDocumented('/admin/api/settlements', batches);
    const openBatch = batches.body.find((b) => b.status === 'OPEN');
    expect(openBatch, batches.text).toBeTruthy();
    const open = await call<{ pending?: boolean }>('GET', `/admin/api/settlements/${openBatch!.id}`, {
      token: admin,
    });
    expectDocumented('/admin/api/settlements/{id}', open);
    expect(open.body.pending).toBe(true);

    const files = await call<{ id: string }[]>('GET', `/admin/api/batch-files?${byMerchant}`, {
      token: admin,
    });
    expectDocumented('/admin/api/batch-files', files);
    expect(files.body.length).toBeGreaterThan(0);
    for (const f of files.body)
      expectDocumented(
        '/admin/api/batch-files/{id}',
        await call('GET', `/admin/api/batch-files/${f.id}`, { token: admin }),
      );

    expectDocumented(
      '/admin/api/dashboard/finance',
      await call('GET', '/admin/api/dashboard/finance', { token: admin }),
    );
    expectDocumented(
      '/admin/api/dashboard/finance',
      await call('GET', '/admin/api/dashboard/finance', { token: await as.ops() }),
    );
    // A partner developer reads settlements but not disputes: openDisputes is null.
    const partner = await call<{ openDisputes: unknown }>('GET', '/admin/api/dashboard/finance', {
      token: await as.partnerDev(),
    });
    expectDocumented('/admin/api/dashboard/finance', partner);
    expect(partner.body.openDisputes).toBeNull();
  });
});

describe('one admin error shape', () => {
  it('validation names every invalid field at once, react-admin style', async () => {
    const res = await call('POST', '/admin/api/merchants', {
      token: await as.ops(),
      body: { merchantId: '12', settlementCutoff: '25:99', bogus: 1 },
    });
    const body = expectAdminError(res, 400);
    expect(body.errors?.map((e) => e.field).sort()).toEqual(['bogus', 'merchantId', 'settlementCutoff']);
  });

  it('auth, permission, not found, conflict, media type and list parameters alike', async () => {
    const admin = await as.lakesideAdmin();
    const finance = await as.lakesideFinance();
    const unauth = expectAdminError(await call('GET', '/admin/api/merchants'), 401);
    expect(unauth.errors).toEqual([]);
    expectAdminError(
      await call('POST', '/admin/api/users', {
        token: finance,
        body: { email: 'x@lakeside.test', role: 'FINANCE', password: 'long-enough-password' },
      }),
      403,
    );
    expectAdminError(await call('GET', '/admin/api/merchants/6011000000000', { token: admin }), 404);
    expectAdminError(await call('GET', '/admin/api/no-such-resource', { token: admin }), 404);
    expectAdminError(
      await call('POST', '/admin/api/users', {
        token: admin,
        body: { email: DEMO.lakeside.finance.email, role: 'FINANCE', password: 'long-enough-password' },
      }),
      409,
    );
    expectAdminError(
      await call('POST', '/admin/api/outlets', {
        token: admin,
        raw: 'merchantId=1',
        headers: { 'content-type': 'text/plain' },
      }),
      415,
    );
    const sort = expectAdminError(await call('GET', '/admin/api/merchants?sort=nope', { token: admin }), 400);
    expect(sort.errors).toEqual([{ field: 'sort', message: 'sort must be JSON' }]);
  });
});
