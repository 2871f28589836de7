#!/usr/bin/env node
// One cached Nx test task (nx.json, tools/workspace/project.json): runs one Vitest project over
// some paths and leaves its JSON report in tmp/vitest/<name>.json, which Nx keeps with the
// cached result so `npm test` can count a replayed task's tests too.
//   node scripts/lib/vitest-task.mjs <unit|integration|e2e> <name> [paths…]
// The e2e task also runs the card-data audit afterwards (its own report, <name>-audit.json): the
// audit reads what that e2e run left in the database, Redis and the logs, so the two are one
// task and can only be cached (or re-run) together.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './build.mjs';

const [project, name, ...paths] = process.argv.slice(2);
if (!project || !name) {
  process.stderr.write('usage: vitest-task.mjs <unit|integration|e2e> <name> [paths…]\n');
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
      // A directory filter, absolute and with a trailing slash, so `scripts/` does not also
      // match `packages/sdk/scripts/`.
      ...filters.map((p) => `${path.resolve(root, p)}/`),
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false', ...env } },
  );
  return r.status ?? 1;
}

const SUFFIX = { unit: '.spec.ts', integration: '.int-spec.ts', e2e: '.e2e-spec.ts' }[project];
const hasCandidates = (dir) =>
  readdirSync(dir, { withFileTypes: true }).some((e) =>
    e.isDirectory()
      ? e.name !== 'node_modules' && hasCandidates(path.join(dir, e.name))
      : e.name.endsWith(SUFFIX) && !(project === 'unit' && e.name.endsWith('.int-spec.ts')),
  );
// A project with no test files of this kind: an empty report, without starting Vitest (and, for
// integration, its PostgreSQL and Redis). Any such file appearing later is found here, so every
// project keeps both targets.
if (paths.length > 0 && !paths.some((p) => hasCandidates(path.resolve(root, p)))) {
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
  process.stdout.write(`no ${project} tests under ${paths.join(', ')}\n`);
  process.exit(0);
}

let status = run(project, path.join(dir, `${name}.json`), paths);
if (project === 'e2e') {
  const audit = run('audit', path.join(dir, `${name}-audit.json`), [], { CONDUIT_AUDIT: '1' });
  status ||= audit;
}
process.exit(status);
