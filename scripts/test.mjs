#!/usr/bin/env node
// npm test: everything a change could break, from a fresh clone (README "Tests").
//   npm test                    format, lint, types, build, unit + integration + e2e tests
//   npm test -- <vitest args>   only vitest, e.g. `npm test -- --project unit` or a file path
// Every step of the full run is an Nx task with its inputs declared (nx.json,
// tools/workspace/project.json, decision 0037): a task whose inputs did not change replays its
// cached result from .nx/cache. NX_SKIP_NX_CACHE=true runs everything again.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureDependencies, root, run } from './lib/build.mjs';
import { ensureSystemPackages, MissingSystemPackages, TEST_PACKAGES } from './lib/system-packages.mjs';

const log = (m) => process.stdout.write(`\n[test] ${m}\n`);
const bin = (n) => path.join(root, 'node_modules/.bin', n);
const args = process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--'));
// NX_LOAD_DOT_ENV_FILES: Nx would otherwise hand a developer's .env (npm start's settings) to
// every test task, which Vitest never saw before.
const NX_ENV = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', NX_LOAD_DOT_ENV_FILES: 'false' };
const nx = (nxArgs) => run(bin('nx'), [...nxArgs, '--outputStyle=stream'], { env: NX_ENV });
const started = Date.now();
// Nx tasks at a time (checks, then tests); each test task runs its files one after another, as
// Vitest does by itself on 2 cores.
const parallel = process.env.TEST_PARALLEL ?? String(Math.max(1, Math.min(2, os.availableParallelism())));
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

const count = (file) => {
  const json = JSON.parse(readFileSync(file, 'utf8'));
  const failedToLoad = !json.success && json.numFailedTests === 0;
  return {
    passed: json.numPassedTests,
    failed: json.numFailedTests + (failedToLoad ? Math.max(1, json.numFailedTestSuites ?? 0) : 0),
  };
};

if (args.length > 0) {
  // One file or project: the build (from the cache when unchanged), then Vitest as asked.
  nx(['run', 'workspace:build']);
  mkdirSync(path.join(root, 'tmp'), { recursive: true });
  const report = path.join(root, 'tmp/vitest-report.json');
  rmSync(report, { force: true });
  const r = spawnSync(
    bin('vitest'),
    ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args],
    { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } },
  );
  const { passed, failed } = existsSync(report) ? count(report) : { passed: 0, failed: 1 };
  process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  process.exit(r.status === 0 && failed === 0 && passed > 0 ? 0 : 1);
}

step('build (prisma generate, api + worker, SDK, console)', () => nx(['run', 'workspace:build']));
// The four checks are single-threaded tools: two at a time on a 2-core machine. --nxBail: the
// first failure stops the run before the tests, as each check did when they ran in a row. The
// lint task computes Nx's project graph first (the boundary rule reads it, or skips itself).
step('checks (prettier --check, eslint, tsc for server/tests/console, migrations match the schema)', () =>
  nx([
    'run-many',
    '--projects=workspace',
    '--targets=format,lint,typecheck,migrations',
    `--parallel=${parallel}`,
    '--nxBail',
  ]),
);

// Each test task leaves its Vitest JSON report in tmp/vitest/ (restored from the cache on a hit),
// so the count below covers replayed tasks too. Cleared first: only this run's reports count.
const reports = path.join(root, 'tmp/vitest');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
log('tests (vitest: unit and integration per project; e2e in two stacks, each with the card-data audit)');
const t = Date.now();
const r = spawnSync(
  bin('nx'),
  [
    'run-many',
    '--targets=test-unit,test-integration,test-e2e,test-e2e-alone',
    `--parallel=${parallel}`,
    '--outputStyle=stream',
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, ...NX_ENV } },
);
timings.push(`tests: ${((Date.now() - t) / 1000).toFixed(1)} s`);

let passed = 0;
let failed = 0;
for (const file of readdirSync(reports).filter((f) => f.endsWith('.json'))) {
  const c = count(path.join(reports, file));
  passed += c.passed;
  failed += c.failed;
}
// An audit that never ran (its e2e task crashed first) is a failure, not silence.
for (const audit of ['e2e-workspace-audit.json', 'e2e-console-a11y-audit.json'])
  if (!existsSync(path.join(reports, audit))) failed += 1;
log(`${timings.join(', ')}; total ${((Date.now() - started) / 1000).toFixed(1)} s`);
const ok = r.status === 0 && failed === 0 && passed > 0;
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(ok ? 0 : 1);
