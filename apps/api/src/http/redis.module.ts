import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { CONDUIT_CONFIG, type ConduitConfig } from '@conduit/config';
import { createRedis, REDIS } from '@conduit/queues';

@Injectable()
class RedisShutdown implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}
  async onApplicationShutdown() {
    // quit() waits for Redis; if Redis is already gone it would wait forever.
    const quit = this.redis.quit().catch(() => undefined);
    await Promise.race([quit, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
    this.redis.disconnect();
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
