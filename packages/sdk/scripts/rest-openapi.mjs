// The REST OpenAPI document exactly as the api serves it at /rest/openapi.json, built from the
// compiled api (dist/server) without a database, Redis or a listening server: Nest's preview
// mode scans the modules' metadata but instantiates no provider, and the document is made by the
// same function the server calls (apps/api/src/rest/openapi/document.ts).
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '../../..');
const require = createRequire(path.join(repo, 'package.json'));

export async function restOpenApiDocument() {
  const api = path.join(repo, 'dist/server/apps/api/src');
  if (!existsSync(path.join(api, 'app.module.js')))
    throw new Error('dist/server is missing: build the api first (npm test and npm start do)');
  require('reflect-metadata');
  const { NestFactory } = require('@nestjs/core');
  const { FastifyAdapter } = require('@nestjs/platform-fastify');
  const { AppModule } = require(path.join(api, 'app.module.js'));
  const { restOpenApi } = require(path.join(api, 'rest/openapi/document.js'));
  const app = await NestFactory.create(AppModule, new FastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    // As the server calls it, with the version and public address libs/config reads (the
    // address only fills `servers`, which no type depends on).
    const version = process.env.CONDUIT_VERSION ?? '0.1.0';
    const publicBaseUrl = process.env.PUBLIC_BASE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
    return restOpenApi(app, version, publicBaseUrl);
  } finally {
    await app.close();
  }
}
