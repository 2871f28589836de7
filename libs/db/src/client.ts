import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient, type Prisma } from './generated/client';

export type DbClient = PrismaClient;
/** The client inside `$transaction`, or the root client: repositories accept either. */
export type Db = PrismaClient | Prisma.TransactionClient;

/** The process's connection pools, for the pool-use metrics (conduit_db_pool_*). */
const pools = new Set<pg.Pool>();
/**
 * Each root client's own pool, for the one hot-path statement that goes to pg directly (a named
 * prepared statement, transaction-insert.ts). A transaction client is never in the map, so a
 * statement inside a unit of work always runs on that transaction's connection.
 */
const poolOfClient = new WeakMap<object, pg.Pool>();

/** The pool behind a root client; undefined inside `$transaction` (or for a foreign client). */
export function rootPoolOf(db: Db): pg.Pool | undefined {
  return poolOfClient.get(db);
}

/** A parameterised statement (`Prisma.sql` gives one); `name` prepares it per pooled connection. */
export interface PoolStatement {
  text: string;
  values: unknown[];
  name?: string;
}

/**
 * Runs a hot-path statement straight on a root client's pg pool, bypassing Prisma's raw-query
 * path (decisions 0041, 0042); inside `$transaction` it runs on that transaction's connection.
 */
export async function queryOnPool<T>(db: Db, statement: PoolStatement): Promise<T[]> {
  const pool = rootPoolOf(db);
  if (pool) return (await pool.query(statement)).rows as T[];
  return db.$queryRawUnsafe<T[]>(statement.text, ...statement.values);
}

export function createPrismaClient(
  databaseUrl: string,
  poolSize = 20,
  synchronousCommit = true,
): PrismaClient {
  // The pool is made here rather than by the adapter so its counts can be read.
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: poolSize,
    ...(synchronousCommit ? {} : { options: '-c synchronous_commit=off' }),
  });
  pools.add(pool);
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const client = new PrismaClient({ adapter });
  poolOfClient.set(client, pool);
  return client;
}

/** Connections open, idle, and queries waiting for one, over every pool of this process. */
export function databasePoolStats(): { total: number; idle: number; waiting: number } {
  let total = 0;
  let idle = 0;
  let waiting = 0;
  for (const pool of pools) {
    if (pool.ended) {
      pools.delete(pool);
      continue;
    }
    total += pool.totalCount;
    idle += pool.idleCount;
    waiting += pool.waitingCount;
  }
  return { total, idle, waiting };
}
