#!/usr/bin/env node
// node scripts/admin-openapi.mjs [--check] [--no-build]: builds the admin API's OpenAPI document
// without a database (Nest preview mode, from the server build) and writes the console's types
// (apps/console/src/api/generated/admin-api.ts). --check writes nothing and exits 1 when the
// committed file differs; --no-build uses the existing dist/server.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildServer, generatePrismaClient, root } from './lib/build.mjs';
import { ADMIN_TYPES_FILE, renderAdminTypes } from './lib/admin-types.mjs';

const check = process.argv.includes('--check');
if (!process.argv.includes('--no-build')) {
  generatePrismaClient();
  buildServer();
}
const built = path.join(root, 'dist/server/apps/api/src/admin/openapi/document.js');
const { buildAdminOpenApi } = await import(pathToFileURL(built).href);
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const document = await buildAdminOpenApi(version);
const rendered = await renderAdminTypes(document, root);
const target = path.join(root, ADMIN_TYPES_FILE);
const current = existsSync(target) ? readFileSync(target, 'utf8') : '';

if (check) {
  if (current !== rendered) {
    console.error(`${ADMIN_TYPES_FILE} is stale: run node scripts/admin-openapi.mjs and commit it`);
    process.exit(1);
  }
  console.log(`${ADMIN_TYPES_FILE} matches the admin OpenAPI document`);
} else {
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, rendered);
  console.log(current === rendered ? `${ADMIN_TYPES_FILE} unchanged` : `wrote ${ADMIN_TYPES_FILE}`);
}
