import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { CONDUIT_CONFIG, type ConduitConfig } from '@conduit/config';
import { JobQueues, QueueName, queueOptions, redisOptions } from '@conduit/queues';

/**
 * The worker's producer side: one BullMQ Queue per queue name, made on first use, and the typed
 * `jobs.enqueue`. Handlers that start other jobs inject this (not the runner, which depends on
 * every handler).
 */
@Injectable()
export class WorkerQueues implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();
  readonly jobs = new JobQueues((name) => this.queue(name));

  constructor(@Inject(CONDUIT_CONFIG) private readonly config: ConduitConfig) {}

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, queueOptions(name, { url: this.config.redisUrl, ...redisOptions() }));
      this.queues.set(name, queue);
    }
    return queue;
  }

  all(): Queue[] {
    return Object.values(QueueName).map((n) => this.queue(n));
  }

  async onApplicationShutdown() {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
