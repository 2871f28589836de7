#!/usr/bin/env node
// One cached Nx test task (nx.json, tools/workspace/project.json): runs one Vitest project over
// some paths and leaves its JSON report in tmp/vitest/<name>.json, which Nx keeps with the
// cached result so `npm test` can count a replayed task's tests too.
//   node scripts/lib/vitest-task.mjs <unit|integration> <name> <project root>
//   node scripts/lib/vitest-task.mjs <e2e|e2e-alone> <name>
// E2E runs in two tasks, each with its own started stack (test/setup/apps.global.ts), so they can
// run at the same time without sharing a database, Redis or rate limits: `e2e-alone` runs the
// files in E2E_ALONE (the slowest by far), `e2e` every other e2e file. Each then runs the
// card-data audit over what it left behind (<name>-audit.json): the audit reads that run's
// database, Redis and logs, so the two are one task and are cached (or re-run) together.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './build.mjs';

/**
 * console-accessibility: axe on every console resource in two themes (205 s in CI on 2026-12-03);
 * webhooks-reliability: SIGKILLed workers and a restarted Redis on a stack of its own, waiting
 * out leases (66–88 s); console-terminals: Chromium pairing terminals (33 s). Beside each other
 * they balance the other e2e files.
 */
const E2E_ALONE = [
  'test/e2e/console-accessibility.e2e-spec.ts',
  'test/e2e/webhooks-reliability.e2e-spec.ts',
  'test/e2e/console-terminals.e2e-spec.ts',
];

const [kind, name, ...paths] = process.argv.slice(2);
if (!['unit', 'integration', 'e2e', 'e2e-alone'].includes(kind) || !name) {
  process.stderr.write('usage: vitest-task.mjs <unit|integration|e2e|e2e-alone> <name> [paths…]\n');
  process.exit(2);
}
const dir = path.join(root, 'tmp/vitest');
mkdirSync(dir, { recursive: true });
const vitest = path.join(root, 'node_modules/.bin/vitest');

function run(vitestProject, report, filters, env = {}) {
  rmSync(report, { force: true });
  const r = spawnSync(
    vitest,
    [
      'run',
      '--project',
      vitestProject,
      '--passWithNoTests',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
      ...filters,
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false', ...env } },
  );
  // The report decides, not only the exit code: an e2e run with a failed test has been seen to
  // exit 0 (after its global teardown), and Nx caches whatever exits 0 as a pass.
  if (!existsSync(report)) return 1;
  const json = JSON.parse(readFileSync(report, 'utf8'));
  const failed = json.numFailedTests > 0 || json.numFailedTestSuites > 0 || !json.success;
  return r.status || (failed ? 1 : 0);
}

if (kind === 'e2e' || kind === 'e2e-alone') {
  // The second stack keeps its logs and artifacts apart (CONDUIT_E2E_OUT, test/setup/artifacts.ts).
  const env = kind === 'e2e-alone' ? { CONDUIT_E2E_OUT: `tmp/${name}` } : {};
  const filters =
    kind === 'e2e-alone'
      ? E2E_ALONE.map((f) => path.resolve(root, f))
      : E2E_ALONE.flatMap((f) => ['--exclude', f]);
  const status = run('e2e', path.join(dir, `${name}.json`), filters, env);
  const audit = run('audit', path.join(dir, `${name}-audit.json`), [], { ...env, CONDUIT_AUDIT: '1' });
  process.exit(status || audit);
}

const SUFFIX = { unit: '.spec.ts', integration: '.int-spec.ts' }[kind];
const hasCandidates = (d) =>
  readdirSync(d, { withFileTypes: true }).some((e) =>
    e.isDirectory()
      ? e.name !== 'node_modules' && hasCandidates(path.join(d, e.name))
      : e.name.endsWith(SUFFIX) && !(kind === 'unit' && e.name.endsWith('.int-spec.ts')),
  );
const roots = paths.map((p) => path.resolve(root, p)).filter((p) => statSync(p).isDirectory());
// A project with no test files of this kind: an empty report, without starting Vitest (and, for
// integration, its PostgreSQL and Redis). Any such file appearing later is found here, so every
// project keeps both targets.
if (!roots.some(hasCandidates)) {
  writeFileSync(
    path.join(dir, `${name}.json`),
    JSON.stringify({
      success: true,
      numTotalTests: 0,
      numPassedTests: 0,
      numFailedTests: 0,
      testResults: [],
    }),
  );
  process.stdout.write(`no ${kind} tests under ${paths.join(', ')}\n`);
  process.exit(0);
}
// A directory filter, absolute and with a trailing slash, so `scripts/` does not also match
// `packages/sdk/scripts/`.
process.exit(
  run(
    kind,
    path.join(dir, `${name}.json`),
    roots.map((p) => `${p}/`),
  ),
);
