#!/usr/bin/env node
// Writes a new migration from the change in prisma/schema.prisma, offline.
//   npm run db:migration -- <name>     write prisma/migrations/<timestamp>_<name>/
//   npm run db:migration -- --check    exit 1 if the schema has changes no migration holds
// Prisma 7's CLI needs a native schema engine that cannot be downloaded here, so the SQL comes
// from Prisma 6.19's WebAssembly engine (tools/prisma-diff), diffing the schema snapshot kept
// beside the newest migration against the current schema. docs/decisions/0002-offline-migrations.md
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
  copyFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listMigrations } from './lib/migrate.mjs';
import { startEmbeddedPostgres, ensureDatabase } from './lib/postgres.mjs';
import { freePort } from './lib/ports.mjs';

const root = path.resolve(import.meta.dirname, '..');
const tool = path.join(root, 'tools/prisma-diff');
const migrationsDir = path.join(root, 'prisma/migrations');
const SNAPSHOT = 'schema.snapshot.prisma';
const arg = process.argv[2];
const check = arg === '--check';
if (!arg || (!check && !/^[a-z0-9_]+$/.test(arg))) {
  console.error('usage: npm run db:migration -- <snake_case_name> | --check');
  process.exit(2);
}

if (!existsSync(path.join(tool, 'node_modules/prisma'))) {
  const r = spawnSync('npm', ['ci', '--prefix', tool, '--no-audit', '--no-fund', '--loglevel=error'], {
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'conduit-diff-'));
const withUrl = (file, out) => {
  const text = readFileSync(file, 'utf8').replace(
    /provider\s*=\s*"postgresql"/,
    '$&\n  url = env("PRISMA_DIFF_DATABASE_URL")',
  );
  writeFileSync(out, text);
  return out;
};

const pgDir = path.join(tmp, 'pg');
const port = await freePort();
const { server, url } = await startEmbeddedPostgres({ dir: pgDir, port });
let code = 0;
try {
  await ensureDatabase(url('postgres'), 'diff');
  const last = listMigrations(migrationsDir).at(-1);
  const from = last
    ? [
        '--from-schema-datamodel',
        withUrl(path.join(migrationsDir, last.name, SNAPSHOT), path.join(tmp, 'from.prisma')),
      ]
    : ['--from-empty'];
  const to = withUrl(path.join(root, 'prisma/schema.prisma'), path.join(tmp, 'to.prisma'));
  const r = spawnSync(
    path.join(tool, 'node_modules/.bin/prisma'),
    ['migrate', 'diff', ...from, '--to-schema-datamodel', to, '--script'],
    {
      cwd: tool,
      encoding: 'utf8',
      env: {
        ...process.env,
        PRISMA_DIFF_DATABASE_URL: url('diff'),
        PRISMA_QUERY_ENGINE_LIBRARY: path.join(tool, 'package.json'),
        PRISMA_HIDE_UPDATE_MESSAGE: '1',
      },
    },
  );
  if (r.status !== 0) throw new Error(r.stderr || r.stdout);
  const sql = r.stdout.trim();
  const empty = sql === '' || sql === '-- This is an empty migration.';
  if (check) {
    if (!empty) {
      console.error(
        'prisma/schema.prisma has changes that no migration holds. Run: npm run db:migration -- <name>\n' +
          sql,
      );
      code = 1;
    } else console.log('schema and migrations agree');
  } else if (empty) {
    console.log('No schema changes: nothing to write.');
  } else {
    const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${arg}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'migration.sql'), sql + '\n');
    copyFileSync(path.join(root, 'prisma/schema.prisma'), path.join(dir, SNAPSHOT));
    if (!existsSync(path.join(migrationsDir, 'migration_lock.toml'))) {
      writeFileSync(path.join(migrationsDir, 'migration_lock.toml'), 'provider = "postgresql"\n');
    }
    console.log(
      `Wrote ${path.relative(root, dir)}/migration.sql — review it, add hand-written SQL if needed, commit.`,
    );
  }
} finally {
  await server.stop();
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(code);
