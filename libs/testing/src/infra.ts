import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrate } from '@conduit/scripts/migrate';
import { startEmbeddedPostgres, ensureDatabase } from '@conduit/scripts/postgres';
import { freePort } from '@conduit/scripts/ports';
import { ensureRedisInstalled, startRedis } from '@conduit/scripts/redis';

export const TEMPLATE_DB = 'conduit_template';

export interface TestInfrastructure {
  /** A URL for database `db` on the test server. */
  pgUrl: (db: string) => string;
  redisUrl: string;
  stop: () => Promise<void>;
}

/**
 * A private PostgreSQL and Redis on free ports in a temporary folder, so tests never touch
 * `npm start`'s data and can run beside it. The migrated template database lets each test file
 * get its own copy in milliseconds.
 */
export async function startTestInfrastructure(): Promise<TestInfrastructure> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'conduit-test-'));
  const [pgPort, redisPort] = [await freePort(), await freePort()];
  const postgres = await startEmbeddedPostgres({
    dir: path.join(dir, 'postgres'),
    port: pgPort,
    // A throwaway cluster in a temporary folder: no test needs a commit to survive a power cut,
    // and not waiting for fsync on every commit is most of what a database-bound test spends.
    // synchronous_commit stays the server's default: tests check that the api's connections
    // keep it on and the worker's turn it off (decision 0008); with fsync off it costs nothing.
    settings: { fsync: 'off', full_page_writes: 'off' },
  });
  ensureRedisInstalled();
  const redis = await startRedis({ port: redisPort, dir: path.join(dir, 'redis'), persistent: false });
  await ensureDatabase(postgres.url('postgres'), TEMPLATE_DB);
  await migrate(postgres.url(TEMPLATE_DB), path.resolve(__dirname, '../../../prisma/migrations'));
  return {
    pgUrl: postgres.url,
    redisUrl: redis.url,
    stop: async () => {
      await redis.stop();
      await postgres.server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh, migrated database copied from the template; drop it when done. */
export async function createTestDatabase(
  pgUrl: (db: string) => string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: pgUrl('postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DB}"`);
  } finally {
    await admin.end();
  }
  return {
    url: pgUrl(name),
    drop: async () => {
      const c = new pg.Client({ connectionString: pgUrl('postgres') });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/** `pgUrl` from the template string the global setup provides (`…/{db}`). */
export function pgUrlFrom(template: string): (db: string) => string {
  return (db) => template.replace('{db}', db);
}
