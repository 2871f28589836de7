import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { listMigrations, migrate } from '../../scripts/lib/migrate.mjs';
import { ensureDatabase } from '../../scripts/lib/postgres.mjs';
import { pgUrlFrom } from '@conduit/testing';

const migrationsDir = path.resolve(__dirname, '../../prisma/migrations');

describe('migration runner (real PostgreSQL)', () => {
  const pgUrl = pgUrlFrom(inject('pgUrlTemplate'));
  const db = `migrations_${Date.now()}`;
  let client: pg.Client;

  beforeAll(async () => {
    await ensureDatabase(pgUrl('postgres'), db);
    client = new pg.Client({ connectionString: pgUrl(db) });
    await client.connect();
  });
  afterAll(() => client.end());

  it('applies every migration once and records it as Prisma Migrate does', async () => {
    const first = await migrate(pgUrl(db), migrationsDir);
    expect(first).toEqual(listMigrations(migrationsDir).map((m: { name: string }) => m.name));
    expect(await migrate(pgUrl(db), migrationsDir)).toEqual([]);
    const { rows } = await client.query(
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations"',
    );
    expect(rows).toHaveLength(first.length);
    for (const row of rows) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
    }
    const tables = await client.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        'organizations',
        'merchants',
        'outlets',
        'users',
        'api_credentials',
        'audit_log',
      ]),
    );
  });

  it('enforces that platform admins, and only they, have no organization', async () => {
    await expect(
      client.query(
        `INSERT INTO users (id, email, role, password_hash, updated_at) VALUES (gen_random_uuid(), 'x@y', 'FINANCE', 'h', now())`,
      ),
    ).rejects.toThrow(/users_role_organization_check/);
  });

  it('refuses a migration that was edited after it was applied', async () => {
    const copy = mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
    cpSync(migrationsDir, copy, { recursive: true });
    const first = listMigrations(copy)[0].name;
    writeFileSync(path.join(copy, first, 'migration.sql'), '-- edited\nSELECT 1;');
    await expect(migrate(pgUrl(db), copy)).rejects.toThrow(/was changed after it was applied/);
  });

  it('rolls back a failing migration and records nothing for it', async () => {
    const copy = mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
    cpSync(migrationsDir, copy, { recursive: true });
    const bad = path.join(copy, '99990101000000_broken');
    cpSync(path.join(copy, listMigrations(copy)[0].name), bad, { recursive: true });
    writeFileSync(
      path.join(bad, 'migration.sql'),
      'CREATE TABLE half_done (id int); SELECT no_such_function();',
    );
    await expect(migrate(pgUrl(db), copy)).rejects.toThrow(/99990101000000_broken failed/);
    const half = await client.query(`SELECT to_regclass('public.half_done') AS t`);
    expect(half.rows[0].t).toBeNull();
    const { rowCount } = await client.query(
      `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '99990101000000_broken'`,
    );
    expect(rowCount).toBe(0);
  });
});
