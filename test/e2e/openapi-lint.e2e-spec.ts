import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';

type Problem = { ruleId: string; severity: string; message: string; location: { pointer?: string }[] };

/** The served document passes Redocly's recommended rules with no error and no warning. */
describe('REST OpenAPI document lint', () => {
  it('is clean under redocly lint --extends=recommended', async () => {
    const res = await fetch(`${inject('apiUrl')}/rest/openapi.json`);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'openapi-lint-')), 'openapi.json');
    writeFileSync(file, await res.text());
    const lint = spawnSync(
      path.resolve('node_modules/.bin/redocly'),
      ['lint', '--extends=recommended', '--format=json', '--lint-config=off', file],
      {
        encoding: 'utf8',
        // Offline: no telemetry, no update check.
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
        cwd: path.dirname(file),
        timeout: 120_000,
      },
    );
    const json = lint.stdout.slice(lint.stdout.indexOf('{'));
    const report = JSON.parse(json) as { totals: { errors: number; warnings: number }; problems: Problem[] };
    const problems = report.problems.map(
      (p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location.map((l) => l.pointer).join(', ')}`,
    );
    expect(problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });
});
