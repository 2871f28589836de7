import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, type Prisma } from './generated/client';

export type DbClient = PrismaClient;
/** The client inside `$transaction`, or the root client: repositories accept either. */
export type Db = PrismaClient | Prisma.TransactionClient;

export function createPrismaClient(
  databaseUrl: string,
  poolSize = 20,
  synchronousCommit = true,
): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: poolSize,
    ...(synchronousCommit ? {} : { options: '-c synchronous_commit=off' }),
  });
  return new PrismaClient({ adapter });
}
