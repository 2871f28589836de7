import { inject } from 'vitest';
import { Redis } from 'ioredis';
import { createPrismaClient, type DbClient, UnitOfWork } from '@conduit/db';
import { RedisLoginThrottle } from '@conduit/auth';
import { DataKeys } from '@conduit/payments';
import { AdminAuthService, type LoginThrottle, type SignedIn, TwoFactorService } from '@conduit/tenancy';
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

export const TEST_MASTER_KEYS = `1:${Buffer.alloc(32, 9).toString('base64')}`;

export function testTwoFactor(uow: UnitOfWork, throttle: LoginThrottle) {
  return new TwoFactorService(uow, new DataKeys({ vaultMasterKeys: TEST_MASTER_KEYS } as never), throttle);
}

/** Console sign-in as the api wires it: throttle, two-factor and sealed TOTP secrets. */
export function testAdminAuth(uow: UnitOfWork, throttle: LoginThrottle, adminSessionIdleMs = 60_000) {
  return new AdminAuthService(uow, throttle, testTwoFactor(uow, throttle), { adminSessionIdleMs });
}

/** A login answer that is a session, not a second-step challenge. */
export function asSession(answer: SignedIn | object): SignedIn {
  if (!('token' in answer)) throw new Error(`expected a session, got ${JSON.stringify(answer)}`);
  return answer;
}
