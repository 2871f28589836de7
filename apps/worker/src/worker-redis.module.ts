import { Global, Module } from '@nestjs/common';
import { CONDUIT_CONFIG, type ConduitConfig } from '@conduit/config';
import { createRedis, REDIS } from '@conduit/queues';

/** The worker's own Redis connection (heartbeat, OAuth2 token cache), visible to every module. */
@Global()
@Module({
  providers: [
    { provide: REDIS, useFactory: (c: ConduitConfig) => createRedis(c.redisUrl), inject: [CONDUIT_CONFIG] },
  ],
  exports: [REDIS],
})
export class WorkerRedisModule {}
