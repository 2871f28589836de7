import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { CONDUIT_CONFIG, type ConduitConfig } from '@conduit/config';
import { JobName, JobQueues, QueueName, queueOptions, redisOptions } from '@conduit/queues';

/**
 * The producer side of the import job, for processes that are not the worker (the file
 * gateway): one BullMQ queue, opened on first use and closed on shutdown.
 */
@Injectable()
export class BatchFilesQueue implements OnApplicationShutdown {
  private queue: Queue | null = null;
  private readonly jobs = new JobQueues((name) => this.open(name));

  constructor(@Inject(CONDUIT_CONFIG) private readonly config: ConduitConfig) {}

  private open(name: QueueName): Queue {
    if (name !== QueueName.BATCH_FILES)
      throw new Error(`BatchFilesQueue only carries ${QueueName.BATCH_FILES}`);
    this.queue ??= new Queue(name, queueOptions(name, { url: this.config.redisUrl, ...redisOptions() }));
    return this.queue;
  }

  /** One job per file: its id is the file's, so enqueueing twice is harmless. */
  async importFile(batchFileId: string): Promise<void> {
    await this.jobs.enqueue(
      JobName.IMPORT_BATCH_FILE,
      { batchFileId },
      { jobId: batchFileId, attempts: 5, backoff: { type: 'exponential', delay: 5000 } },
    );
  }

  async onApplicationShutdown() {
    await this.queue?.close();
  }
}
