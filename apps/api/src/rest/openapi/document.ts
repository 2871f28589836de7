import type { INestApplication } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { PaymentsHttpModule } from '../../payments-http/payments-http.module';
import { SsoHttpModule } from '../../sso/sso-http.module';
import { TerminalsModule } from '../../terminals/terminals.module';
import type { SchemaObject } from './field-table';
import { withDirectRoutes } from './direct-routes';
import { introduction, TAGS, tagOf } from './introduction';
import { QUERY_PARAMETERS } from './query-parameters';
import { restComponentSchemas } from './schemas';
import { restWebhooks, webhookSchemas } from './webhooks';

type Operation = {
  tags?: string[];
  security?: unknown[];
  operationId?: string;
  parameters?: { name: string; in: string; schema?: SchemaObject; description?: string }[];
};

// Operation IDs of the payment controller's methods (its decorators are not this module's).
const OPERATION_IDS: Record<string, string> = {
  transaction: 'getTransaction',
  transactions: 'listTransactions',
};

/**
 * The REST interface's OpenAPI 3.1 document. Nest's scanner contributes the paths (so every
 * Nest route is listed; direct-routes.ts adds the few Fastify serves itself); the schemas, the one
 * security requirement, tags, parameter types and the introduction are this module's, so the
 * published document never depends on what a class looks like.
 */
export function restOpenApi(app: INestApplication, version: string, publicBaseUrl: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Conduit REST payments API')
    .setVersion(version)
    .addApiKey(
      { type: 'apiKey', in: 'header', name: 'Api-Key', description: 'The credential’s key' },
      'Api-Key',
    )
    .addApiKey(
      { type: 'apiKey', in: 'header', name: 'Api-Secret', description: 'The credential’s secret' },
      'Api-Secret',
    )
    .build();
  const scanned = SwaggerModule.createDocument(app, config, {
    include: [PaymentsHttpModule, SsoHttpModule, TerminalsModule],
    operationIdFactory: (_controller, method) => OPERATION_IDS[method] ?? method,
  });
  return finish(scanned, publicBaseUrl);
}

const PUBLIC_PATHS = new Set(['/rest/terminals/pair']);

function finish(doc: OpenAPIObject, publicBaseUrl: string): OpenAPIObject {
  const scanned = Object.fromEntries(Object.entries(doc.paths).filter(([p]) => p.startsWith('/rest/')));
  const paths = withDirectRoutes(scanned);
  for (const [path, item] of Object.entries(paths)) {
    for (const op of Object.values(item) as Operation[]) {
      op.tags = [tagOf(path)];
      // The device pairs with its one-time code, not a credential.
      op.security = PUBLIC_PATHS.has(path) ? [] : [{ 'Api-Key': [], 'Api-Secret': [] }];
      for (const p of op.parameters ?? []) typeParameter(p);
      op.parameters?.sort((a, b) => rank(a) - rank(b));
    }
  }
  const schemas = { ...restComponentSchemas(), ...webhookSchemas() };
  const out = {
    openapi: '3.1.0',
    info: {
      ...doc.info,
      description: introduction(),
      license: { name: 'Proprietary', identifier: 'LicenseRef-Conduit-Vendor-Terms' },
    },
    servers: [{ url: publicBaseUrl, description: 'This platform' }],
    tags: TAGS,
    security: [{ 'Api-Key': [], 'Api-Secret': [] }],
    paths,
    webhooks: restWebhooks(),
    components: { securitySchemes: doc.components?.securitySchemes, schemas },
  } as unknown as OpenAPIObject;
  assertRefsResolve(out, schemas);
  return out;
}

/** Query and path parameters the scanner left untyped get their type from QUERY_PARAMETERS. */
function typeParameter(p: NonNullable<Operation['parameters']>[number]) {
  const known = QUERY_PARAMETERS[p.name];
  const untyped =
    !p.schema || Object.keys(p.schema).length === 0 || !('type' in p.schema || '$ref' in p.schema);
  if (p.in === 'query' && known) {
    p.schema = { ...p.schema, ...known.schema };
    p.description ??= known.description;
  } else if (untyped) {
    throw new Error(`OpenAPI: parameter ${p.in} ${p.name} has no type`);
  }
}

// Nest lists decorators bottom-up: path parameters first, then queries in the table's order, headers last.
const QUERY_ORDER = Object.keys(QUERY_PARAMETERS);
const rank = (p: { name: string; in: string }) =>
  p.in === 'path' ? -1 : p.in === 'query' ? QUERY_ORDER.indexOf(p.name) : QUERY_ORDER.length;

function assertRefsResolve(node: unknown, schemas: Record<string, unknown>) {
  const json = JSON.stringify(node);
  for (const [, name] of json.matchAll(/"#\/components\/schemas\/([^"]+)"/g))
    if (!schemas[name]) throw new Error(`OpenAPI: no schema named ${name}`);
}

const SAFE_HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * `servers` names the origin the caller fetched the document from (the proxy's, with
 * TRUST_PROXY), so a client generated from it calls the same platform; an odd Host header falls
 * back to PUBLIC_BASE_URL.
 */
function originOf(req: FastifyRequest, publicBaseUrl: string): string {
  const host = req.host;
  return host && SAFE_HOST.test(host) ? `${req.protocol}://${host}` : publicBaseUrl;
}

export function serveRestDocs(app: INestApplication, version: string, publicBaseUrl: string) {
  const document = restOpenApi(app, version, publicBaseUrl);
  SwaggerModule.setup('rest/docs', app, document, {
    jsonDocumentUrl: 'rest/openapi.json',
    yamlDocumentUrl: 'rest/openapi.yaml',
    patchDocumentOnRequest: (req, _res, doc) => ({
      ...doc,
      servers: [{ url: originOf(req as FastifyRequest, publicBaseUrl), description: 'This platform' }],
    }),
  });
}
