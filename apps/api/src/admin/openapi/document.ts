import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { SESSION_COOKIE } from '@conduit/auth';
import { AdminModule } from '../admin.module';
import * as dtos from '../dto';
import * as webhookDtos from '../webhook-dto';
import { dtoSchema } from './dto-schema';
import { AdminError, ERROR_MEANINGS } from './error-schema';
import { type Schema, ref } from './json-schema';
import { ADMIN_OPERATIONS, type AdminOperation } from './operations';
import { authSchemas, tenancySchemas } from './schemas/tenancy';
import { settlementSchemas, transactionSchemas } from './schemas/review';
import { operationsSchemas, webhookSchemas } from './schemas/operations-data';
import { terminalSchemas } from './schemas/terminals';

export const ADMIN_OPENAPI_PATH = '/admin/api/openapi.json';

const RESPONSE_SCHEMAS: Record<string, Schema> = {
  ...authSchemas,
  ...tenancySchemas,
  ...transactionSchemas,
  ...settlementSchemas,
  ...webhookSchemas,
  ...operationsSchemas,
  ...terminalSchemas,
  AdminError,
};

const DTO_CLASSES = Object.values({ ...dtos, ...webhookDtos }).filter(
  (v): v is new () => object => typeof v === 'function',
);

const DESCRIPTION = [
  'What the Conduit console uses, and what administrators may script (admin-api.md).',
  'Sign in with `POST /admin/api/auth/login`; send the token as `Authorization: Bearer …` (or keep the',
  'httpOnly session cookie the login sets). Lists follow react-admin’s simple REST conventions:',
  '`sort=["field","ASC"]&range=[0,24]&filter={…}` as JSON in the query, the total in `Content-Range`.',
  'Every error has one shape, `AdminError`: `statusCode`, `error`, `message`, `errors` (every invalid',
  'field at once) and a `referenceNumber`. Money is integer cents (`…Cents`) or a decimal string.',
].join(' ');

/** The resources (first path segment after /admin/api), as admin-api.md describes them. */
const TAGS: Record<string, string> = {
  auth: 'Sign-in, sign-out and two-factor (docs/two-factor.md)',
  organizations: 'Practices and partners; platform admins see all, others their own',
  merchants: 'Merchants by 13-digit MerchantID: IP allowlist, time zone, cut-off, status; never deleted',
  outlets: 'Store/terminal pairs of a merchant; filter by merchantId',
  users: 'Console users: role and organization; passwords are write-only',
  credentials: 'ACCOUNT (NVP/SOAP Basic) and API_KEY (REST) credentials; secrets answered once',
  'partner-grants': 'A merchant granted to a partner organization, with a scope',
  'audit-log': 'Who changed what (read-only)',
  'platform-info': 'Webhook source addresses, SFTP host, ports and host key fingerprints',
  transactions: 'Transactions with their secondaries and webhook deliveries (read-only); CSV export',
  dashboard: 'Summaries for the console’s dashboards',
  'webhook-endpoints': 'Receivers of payment notifications (docs/webhooks.md); test and rotate',
  'webhook-deliveries': 'Deliveries and their attempts (read-only); resend',
  'sso-tokens': 'Hosted payment page tokens (read-only), and Take a payment',
  terminals: 'Server-driven card terminals: pairing codes, online/offline and last seen (docs/devices.md)',
  settlements: 'Settlement batches per merchant per day, their items; CSV export',
  reconciliation: 'Totals per day over a date range; CSV export',
  'batch-files': 'Posting, ERA 835, import and acknowledgement files; download',
  disputes: 'Chargeback disputes and their evidence',
  'sftp-accounts': 'File gateway accounts (batch-files.md); public keys with fingerprint and size',
  'payment-plans': 'Payment plans: read, export, pause, resume, cancel, charge',
};

type Operation = Record<string, unknown> & { responses: Record<string, unknown>; parameters?: unknown[] };

const LIST_PARAMETERS = [
  {
    name: 'sort',
    in: 'query',
    required: false,
    description: 'JSON `["field","ASC"|"DESC"]`; fields the resource cannot sort by are refused',
    schema: { type: 'string', example: '["createdAt","DESC"]' },
  },
  {
    name: 'range',
    in: 'query',
    required: false,
    description: 'JSON `[start,end]`, inclusive, 0-based; default `[0,24]`',
    schema: { type: 'string', example: '[0,24]' },
  },
  {
    name: 'filter',
    in: 'query',
    required: false,
    description: 'JSON object of the resource’s filters, e.g. `{"q":"lake","status":"ACTIVE"}`',
    schema: { type: 'string', example: '{}' },
  },
];

const FILTER_ONLY = LIST_PARAMETERS.filter((p) => p.name === 'filter');

function errorsFor(method: string, entry: AdminOperation): number[] {
  const codes = [400, 401, 403, 404];
  if (method !== 'get') codes.push(409, 413, 415);
  if (entry.public) codes.push(429);
  return [...codes, 500];
}

function answerOf(entry: AdminOperation, path: string): Record<string, unknown> {
  const a = entry.answer;
  if (a.kind === 'csv')
    return { description: 'CSV, streamed', content: { 'text/csv': { schema: { type: 'string' } } } };
  if (a.kind === 'image') {
    const binary = { schema: { type: 'string', format: 'binary' } };
    return { description: 'The image', content: { 'image/png': binary, 'image/jpeg': binary } };
  }
  if (a.kind === 'file')
    return {
      description: 'The file, as an attachment',
      content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
    };
  if (a.kind === 'list')
    return {
      description: `A page of ${a.resource}`,
      headers: {
        'Content-Range': {
          description: `\`${a.resource} <start>-<end>/<total>\``,
          schema: { type: 'string', example: `${a.resource} 0-24/319` },
        },
      },
      content: { 'application/json': { schema: { type: 'array', items: ref(a.schema) } } },
    };
  if (!RESPONSE_SCHEMAS[a.schema]) throw new Error(`admin OpenAPI: ${path} answers unknown ${a.schema}`);
  return { description: entry.summary, content: { 'application/json': { schema: ref(a.schema) } } };
}

/** Nest's operation for a route, completed from the table: answer, list parameters, errors. */
function complete(method: string, path: string, operation: Operation, entry: AdminOperation) {
  const [success] = Object.keys(operation.responses);
  operation.summary = entry.summary;
  operation.operationId = String(operation.operationId).replace(/Controller_/, '_');
  operation.tags = [path.split('/')[3]];
  operation.responses = { [success]: answerOf(entry, path) };
  for (const code of errorsFor(method, entry))
    operation.responses[code] = { $ref: `#/components/responses/Error${code}` };
  if (entry.public) operation.security = [];
  // `@Query()` of the whole query string is a free-form object to Nest; the real ones are these.
  const named = (operation.parameters ?? []).filter((p) => (p as { in: string }).in !== 'query');
  const kind = entry.answer.kind;
  const filtered = kind === 'csv' || path.endsWith('/reconciliation');
  operation.parameters = [
    ...named,
    ...(kind === 'list' ? LIST_PARAMETERS : filtered ? FILTER_ONLY : []),
    ...(entry.query ?? []),
  ];
  if (entry.body)
    operation.requestBody = { required: true, content: { 'application/json': { schema: ref(entry.body) } } };
}

/** Every route completed from its entry; a route without one, or an entry without a route, reported. */
type Report = (problem: string) => void;

function completePaths(document: OpenAPIObject, report: Report) {
  const seen = new Set<string>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item as Record<string, Operation>)) {
      const key = `${method.toUpperCase()} ${path}`;
      const entry = ADMIN_OPERATIONS[key];
      seen.add(key);
      if (entry) complete(method, path, operation, entry);
      else report(`${key} has no entry in admin/openapi/operations.ts`);
    }
  }
  const stale = Object.keys(ADMIN_OPERATIONS).filter((k) => !seen.has(k));
  if (stale.length) report(`no route for ${stale.join(', ')}`);
}

/** Nest's DTO schemas (empty without the CLI plugin) replaced by what class-validator checks. */
function completeSchemas(document: OpenAPIObject, report: Report) {
  const generated = (document.components?.schemas ?? {}) as Record<string, Schema>;
  const schemas: Record<string, Schema> = {};
  for (const [name, nest] of Object.entries(generated)) {
    const dto = DTO_CLASSES.find((c) => c.name === name);
    schemas[name] = nest;
    if (!dto) report(`schema ${name} is not a class of admin/dto.ts or admin/webhook-dto.ts`);
    else
      try {
        schemas[name] = dtoSchema(dto);
      } catch (e) {
        report((e as Error).message);
      }
  }
  const responses: Record<string, unknown> = {};
  for (const [code, description] of Object.entries(ERROR_MEANINGS))
    responses[`Error${code}`] = {
      description,
      content: { 'application/json': { schema: ref('AdminError') } },
    };
  document.components = {
    ...document.components,
    schemas: { ...schemas, ...RESPONSE_SCHEMAS } as never,
    responses: responses as never,
  };
}

/**
 * The admin API's OpenAPI 3.1 document: paths and bodies from the controllers and DTOs. Strict
 * (the script, the unit test): anything undocumented is an error. Served: it is left as Nest
 * describes it (an operation without the error answers the e2e test requires of every one), so
 * the api still starts and the tests still fail.
 */
export function adminOpenApi(app: INestApplication, version: string, strict = true): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Conduit admin API')
    .setDescription(DESCRIPTION)
    .setVersion(version)
    .addServer('/', 'This platform')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'The token of POST /admin/api/auth/login' },
      'bearer',
    )
    .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE }, 'session')
    .addSecurityRequirements('bearer')
    .addSecurityRequirements('session')
    .build();
  const document = SwaggerModule.createDocument(app, config, { include: [AdminModule] });
  for (const path of Object.keys(document.paths))
    if (!path.startsWith('/admin/api/')) delete document.paths[path];
  const problems: string[] = [];
  const report: Report = (problem) => problems.push(problem);
  completePaths(document, report);
  completeSchemas(document, report);
  document.tags = [...new Set(Object.keys(document.paths).map((p) => p.split('/')[3]))].sort().map((name) => {
    if (!TAGS[name]) report(`no description for the ${name} resource (TAGS)`);
    return { name, description: TAGS[name] ?? name };
  });
  if (strict && problems.length) throw new Error(`admin OpenAPI: ${problems.join('; ')}`);
  // OpenAPI 3.1's SPDX `identifier`; Nest's types know only 3.0's `url`.
  document.info.license = { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' } as never;
  return { ...document, openapi: '3.1.0' };
}

/** Public: the console's types are generated from it, and administrators script against it. */
export function serveAdminOpenApi(app: INestApplication, version: string) {
  const document = JSON.stringify(adminOpenApi(app, version, false));
  app
    .getHttpAdapter()
    .getInstance()
    .get(ADMIN_OPENAPI_PATH, (_req: unknown, reply: { type(t: string): { send(b: string): void } }) =>
      reply.type('application/json; charset=utf-8').send(document),
    );
}

/** The document without a database or Redis: Nest's preview mode builds no provider. */
export async function buildAdminOpenApi(version: string, strict = true): Promise<OpenAPIObject> {
  const { AppModule } = await import('../../app.module');
  const app = await NestFactory.create(AppModule, new FastifyAdapter(), { preview: true, logger: false });
  try {
    return adminOpenApi(app, version, strict);
  } finally {
    await app.close();
  }
}
