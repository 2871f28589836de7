import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');
const bin = (name) => path.join(root, 'node_modules/.bin', name);

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, {
    cwd: root,
    stdio: 'inherit',
    ...opts,
    env: { ...process.env, ...opts.env },
  });
  if (r.status !== 0) throw new Error(`${path.basename(cmd)} ${args.join(' ')} failed (exit ${r.status})`);
}

/** npm ci when dependencies are missing or older than the lockfile. */
export function ensureDependencies(log) {
  const marker = path.join(root, 'node_modules/.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  log('Installing dependencies (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error']);
}

/**
 * Prisma Client generation needs no engine, but the CLI looks for one unless told where it is;
 * any existing file will do (TOOLCHAIN.md).
 */
export function generatePrismaClient() {
  run(bin('prisma'), ['generate'], {
    env: {
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? '/bin/true',
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export function buildServer() {
  run(bin('tsc'), ['-p', 'tsconfig.build.json']);
  run(bin('tsc-alias'), ['-p', 'tsconfig.build.json']);
}

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const p = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return latest;
}

/** Builds the console unless its output is newer than every source file. */
export function buildConsole({ force = false } = {}) {
  const out = path.join(root, 'dist/console/index.html');
  if (!force && existsSync(out) && statSync(out).mtimeMs > newest(path.join(root, 'apps/console')))
    return false;
  run(bin('vite'), ['build', '--config', 'apps/console/vite.config.ts', '--logLevel', 'warn']);
  return true;
}

/** The vendor SDK (packages/sdk): its types from the compiled api's OpenAPI document, then dist/. */
export function buildSdk() {
  run(process.execPath, ['packages/sdk/scripts/build.mjs']);
}

/** The device SDK (packages/devices): needs nothing of the api, so it builds on its own. */
export function buildDevices() {
  run(process.execPath, ['packages/devices/scripts/build.mjs']);
}

export function buildAll(log = () => {}) {
  log('Generating the Prisma client and building the api, worker, SDK and device SDK…');
  generatePrismaClient();
  buildServer();
  buildSdk();
  buildDevices();
  if (buildConsole()) log('Built the console.');
}
