import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { CONDUIT_CONFIG, type ConduitConfig } from '@conduit/config';
import { createPrismaClient, type DbClient } from './client';
import { UnitOfWork } from './unit-of-work';

export const DB_CLIENT = Symbol('DB_CLIENT');

@Injectable()
class DbShutdown implements OnApplicationShutdown {
  constructor(@Inject(DB_CLIENT) private readonly client: DbClient) {}
  async onApplicationShutdown() {
    await this.client.$disconnect();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: DB_CLIENT,
      useFactory: (c: ConduitConfig) =>
        createPrismaClient(c.databaseUrl, c.databasePoolSize, c.databaseSynchronousCommit),
      inject: [CONDUIT_CONFIG],
    },
    { provide: UnitOfWork, useFactory: (client: DbClient) => new UnitOfWork(client), inject: [DB_CLIENT] },
    DbShutdown,
  ],
  exports: [DB_CLIENT, UnitOfWork],
})
export class DbModule {}
