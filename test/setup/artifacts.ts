import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';

/**
 * Where an e2e run leaves its logs and artifacts: tmp/, or `CONDUIT_E2E_OUT` (relative to the
 * repository) for a run beside another one with its own stack (scripts/lib/vitest-task.mjs).
 */
export const E2E_OUT = path.resolve(__dirname, '../..', process.env.CONDUIT_E2E_OUT ?? 'tmp');
export const ARTIFACTS = path.join(E2E_OUT, 'e2e-artifacts');

/**
 * Everything the e2e run left behind, for the audit that looks for card numbers in clear: every
 * row of every table (as JSON), and every Redis key and value (queue payloads included).
 */
export async function dumpArtifacts(databaseUrl: string, redisUrl: string): Promise<void> {
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const lines: string[] = [];
  try {
    const { rows: tables } = await client.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
    );
    for (const { tablename } of tables) {
      const { rows } = await client.query(`SELECT row_to_json(t)::text AS j FROM "${tablename}" t`);
      for (const r of rows) lines.push(`${tablename}\t${r.j}`);
    }
  } finally {
    await client.end();
  }
  writeFileSync(path.join(ARTIFACTS, 'database.jsonl'), lines.join('\n'));
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  const out: string[] = [];
  try {
    for (const key of await redis.keys('*')) {
      const type = await redis.type(key);
      const value =
        type === 'string'
          ? await redis.get(key)
          : type === 'hash'
            ? JSON.stringify(await redis.hgetall(key))
            : type === 'list'
              ? JSON.stringify(await redis.lrange(key, 0, -1))
              : type === 'set'
                ? JSON.stringify(await redis.smembers(key))
                : type === 'zset'
                  ? JSON.stringify(await redis.zrange(key, 0, -1))
                  : type === 'stream'
                    ? JSON.stringify(await redis.xrange(key, '-', '+'))
                    : '';
      out.push(`${key}\t${value}`);
    }
  } finally {
    redis.disconnect();
  }
  writeFileSync(path.join(ARTIFACTS, 'redis.txt'), out.join('\n'));
}
