#!/usr/bin/env node
// Builds the SDK: the REST OpenAPI document (from the compiled api), the types generated from it
// (src/generated/rest-api.ts), then the package itself (dist/). Run from the repository, after
// the api is compiled; `npm test` and `npm start` do it (scripts/lib/build.mjs).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { restOpenApiDocument } from './rest-openapi.mjs';

const sdk = path.resolve(import.meta.dirname, '..');
const repo = path.resolve(sdk, '../..');

const document = await restOpenApiDocument();
writeFileSync(path.join(sdk, 'openapi.json'), `${JSON.stringify(document, null, 2)}\n`);

const header =
  '// Generated from the REST OpenAPI document (/rest/openapi.json) by packages/sdk/scripts/build.mjs.\n' +
  '// Do not edit: change the api and build again.\n\n';
const types = header + astToString(await openapiTS(document, { alphabetize: false }));
const generated = path.join(sdk, 'src/generated/rest-api.ts');
let previous = '';
try {
  previous = readFileSync(generated, 'utf8');
} catch {
  // first build
}
// Written only when it changed, so an unchanged api leaves the file (and its mtime) alone.
if (previous !== types) writeFileSync(generated, types);

rmSync(path.join(sdk, 'dist'), { recursive: true, force: true });
const tsc = spawnSync(path.join(repo, 'node_modules/.bin/tsc'), ['-p', path.join(sdk, 'tsconfig.json')], {
  stdio: 'inherit',
});
if (tsc.status !== 0) throw new Error(`tsc -p packages/sdk failed (exit ${tsc.status})`);
