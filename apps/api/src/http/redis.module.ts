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
    {
      provide: REDIS,
      // Auto-pipelining: the commands of concurrent requests (rate limits, throttles) issued in
      // one event-loop tick go out in one socket write — the single largest cost under polling.
      useFactory: (c: ConduitConfig) => createRedis(c.redisUrl, { enableAutoPipelining: true }),
      inject: [CONDUIT_CONFIG],
    },
    RedisShutdown,
  ],
  exports: [REDIS],
})
export class RedisModule {}
