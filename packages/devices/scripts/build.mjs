#!/usr/bin/env node
// Builds the device SDK (dist/) with tsc and marks the simulated terminal's bin executable. It
// needs nothing of the api: run it from the repository (scripts/lib/build.mjs calls it).
import { spawnSync } from 'node:child_process';
import { chmodSync, rmSync } from 'node:fs';
import path from 'node:path';

const pkg = path.resolve(import.meta.dirname, '..');
const repo = path.resolve(pkg, '../..');

rmSync(path.join(pkg, 'dist'), { recursive: true, force: true });
const tsc = spawnSync(path.join(repo, 'node_modules/.bin/tsc'), ['-p', path.join(pkg, 'tsconfig.json')], {
  stdio: 'inherit',
});
if (tsc.status !== 0) throw new Error(`tsc -p packages/devices failed (exit ${tsc.status})`);
chmodSync(path.join(pkg, 'dist/bin/sim-terminal.js'), 0o755);
