import { inject } from 'vitest';
import { Redis } from 'ioredis';
import { createPrismaClient, type DbClient, UnitOfWork } from '@conduit/db';
import { RedisLoginThrottle } from '@conduit/auth';
import { createTestDatabase, pgUrlFrom } from '@conduit/testing';

/** A fresh migrated database for one test file, with a client and a unit of work on it. */
export async function testDatabase(): Promise<{
  url: string;
  db: DbClient;
  uow: UnitOfWork;
  close: () => Promise<void>;
}> {
  const { url, drop } = await createTestDatabase(pgUrlFrom(inject('pgUrlTemplate')));
  const db = createPrismaClient(url, 5);
  return {
    url,
    db,
    uow: new UnitOfWork(db),
    close: async () => {
      await db.$disconnect();
      await drop();
    },
  };
}

export function testRedis(): Redis {
  return new Redis(inject('redisUrl'), { maxRetriesPerRequest: null });
}

/** A throttle with test-sized limits and no slow-down delays worth waiting for. */
export function testThrottle(
  redis: Redis,
  overrides: Partial<ConstructorParameters<typeof RedisLoginThrottle>[1]> = {},
) {
  return new RedisLoginThrottle(redis, {
    maxFailuresPerAccountAddress: 5,
    maxFailuresPerIp: 1000,
    lockoutSeconds: 30,
    slowdownAfter: 100,
    ...overrides,
  });
}
