import { readFileSync } from 'node:fs';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { describe, expect, inject, it } from 'vitest';

const sdkDir = path.resolve(__dirname, '../../packages/sdk');

/**
 * The SDK's types cannot drift from the server: the document its build made without a server
 * is the one the started api serves, and the committed types are what that document generates.
 */
describe('SDK: types from the served OpenAPI document', () => {
  it('builds the document the api serves, and the types it generates', async () => {
    const res = await fetch(`${inject('apiUrl')}/rest/openapi.json`);
    expect(res.status).toBe(200);
    const served = (await res.json()) as Record<string, unknown>;
    const built = JSON.parse(readFileSync(path.join(sdkDir, 'openapi.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    for (const part of ['openapi', 'info', 'paths', 'components', 'security', 'tags', 'webhooks'])
      expect(built[part], part).toEqual(served[part]);
    const generated = readFileSync(path.join(sdkDir, 'src/generated/rest-api.ts'), 'utf8');
    const fromServed = astToString(await openapiTS(served as never, { alphabetize: false }));
    expect(generated.slice(generated.indexOf('export '))).toBe(
      fromServed.slice(fromServed.indexOf('export ')),
    );
  });
});
