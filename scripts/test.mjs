#!/usr/bin/env node
// npm test: everything a change could break, from a fresh clone (README "Tests").
//   npm test                    format, lint, types, build, unit + integration + e2e tests
//   npm test -- <vitest args>   only vitest, e.g. `npm test -- --project unit` or a file path
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildAll, ensureDependencies, root, run } from './lib/build.mjs';
import { ensureSystemPackages, MissingSystemPackages, TEST_PACKAGES } from './lib/system-packages.mjs';

const log = (m) => process.stdout.write(`\n[test] ${m}\n`);
const bin = (n) => path.join(root, 'node_modules/.bin', n);
const args = process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--'));
const NX_ENV = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
const started = Date.now();
const timings = [];
const step = (name, fn) => {
  log(name);
  const t = Date.now();
  fn();
  timings.push(`${name}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
};

ensureDependencies(log);
// Redis, Chromium, nginx, python3-zeep…: installed with apt-get now (as root), or a clear stop.
try {
  ensureSystemPackages(TEST_PACKAGES, { purpose: 'npm test', log });
} catch (err) {
  if (!(err instanceof MissingSystemPackages)) throw err;
  process.stderr.write(`\n[test] ✖ ${err.message}\n`);
  process.exit(1);
}
if (args.length === 0) {
  step('format (prettier --check)', () => run(bin('prettier'), ['--check', '--log-level', 'warn', '.']));
  step('build (prisma generate, api + worker, console)', () => buildAll());
  step('lint (eslint, module boundaries)', () => {
    // The boundary rule reads Nx's cached project graph: compute it first, or the rule is skipped.
    run(bin('nx'), ['show', 'projects'], { env: NX_ENV, stdio: ['ignore', 'ignore', 'inherit'] });
    run(bin('eslint'), ['--max-warnings', '0', '.'], { env: NX_ENV });
  });
  step('type-check (server, tests, console)', () => {
    run(bin('tsc'), ['-p', 'tsconfig.json']);
    run(bin('tsc'), ['-p', 'apps/console/tsconfig.json']);
  });
  step('migrations match the schema', () =>
    run(process.execPath, ['scripts/db-migration-new.mjs', '--check']),
  );
} else {
  buildAll();
}

mkdirSync(path.join(root, 'tmp'), { recursive: true });
const report = path.join(root, 'tmp/vitest-report.json');
log('tests (vitest: unit, integration, e2e)');
const t = Date.now();
const r = spawnSync(
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false' },
  },
);
timings.push(`tests: ${((Date.now() - t) / 1000).toFixed(1)} s`);
// The card-data audit reads what the e2e run left behind, so it runs after it (full runs only).
const audit =
  args.length === 0
    ? spawnSync(
        bin('vitest'),
        [
          'run',
          '--project',
          'audit',
          '--reporter=default',
          '--reporter=json',
          `--outputFile.json=${report}.audit`,
        ],
        {
          cwd: root,
          stdio: 'inherit',
          env: { ...process.env, CONDUIT_AUDIT: '1' },
        },
      )
    : null;
let passed = 0;
let failed = 0;
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests;
  failed = json.numFailedTests;
  if (!json.success && failed === 0) failed = Math.max(1, json.numFailedTestSuites ?? 0); // a file that failed to load
}
log(`${timings.join(', ')}; total ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (audit && existsSync(`${report}.audit`)) {
  const json = JSON.parse(readFileSync(`${report}.audit`, 'utf8'));
  passed += json.numPassedTests;
  failed += json.numFailedTests + (json.success ? 0 : 1);
}
const ok = r.status === 0 && (!audit || audit.status === 0) && failed === 0 && passed > 0;
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(ok ? 0 : 1);
