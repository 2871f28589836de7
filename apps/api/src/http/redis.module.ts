import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { CONDUIT_CONFIG, type ConduitConfig } from '@conduit/config';
import { createRedis, REDIS } from '@conduit/queues';

@Injectable()
class RedisShutdown implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}
  async onApplicationShutdown() {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

@Global()
@Module({
  providers: [
    { provide: REDIS, useFactory: (c: ConduitConfig) => createRedis(c.redisUrl), inject: [CONDUIT_CONFIG] },
    RedisShutdown,
  ],
  exports: [REDIS],
})
export class RedisModule {}
