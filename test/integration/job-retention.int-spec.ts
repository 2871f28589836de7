import { randomBytes } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import { afterAll, describe, expect, inject, it, vi } from 'vitest';
import type { ConduitConfig } from '@conduit/config';
import type { Logger } from '@conduit/observability';
import {
  JOB_RETENTION,
  JobName,
  QueueName,
  queueOptions,
  redisOptions,
  trimFinishedJobs,
  workerOptions,
} from '@conduit/queues';
import { QueueRunner } from '../../apps/worker/src/jobs/queue-runner.service';
import { WorkerQueues } from '../../apps/worker/src/jobs/worker-queues.service';
import type { JobHandler } from '../../apps/worker/src/jobs/job-handler';
import { testRedis } from './helpers';

/**
 * Issue 10 item 13: Redis runs noeviction, so a finished job record kept forever fills it
 * (the 5 s SSO expiry alone finished 17,280 jobs a day, all kept). Real Redis, real workers.
 */
describe('finished job records stay bounded (real Redis)', () => {
  const redis = testRedis();
  const connection = { url: inject('redisUrl'), ...redisOptions() };
  const closers: Array<() => Promise<unknown>> = [];
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
    await redis.quit();
  });

  /** A queue and a worker as the worker app builds them, under a prefix of this test's own. */
  function pair(name: QueueName, process: () => Promise<unknown>, concurrency = 1) {
    const prefix = `t${randomBytes(4).toString('hex')}`;
    const queue = new Queue(name, { ...queueOptions(name, connection), prefix });
    const worker = new Worker(name, process, { ...workerOptions(name, connection, concurrency), prefix });
    closers.push(
      () => queue.close(),
      () => worker.close(),
    );
    return { queue, worker, base: `${prefix}:${name}:` };
  }

  async function keys(match: string): Promise<string[]> {
    const found: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', match, 'COUNT', 1000);
      found.push(...batch);
      cursor = next;
    } while (cursor !== '0');
    return found;
  }

  it('keeps at most the bound of a job scheduler run many times over', async () => {
    const bound = (JOB_RETENTION[QueueName.MAINTENANCE].removeOnComplete as { count: number }).count;
    let runs = 0;
    const { queue, base } = pair(QueueName.MAINTENANCE, async () => void runs++);
    await queue.upsertJobScheduler('tick', { every: 10 }, { name: JobName.EXPIRE_SSO_TOKENS, data: {} });
    await vi.waitFor(() => expect(runs).toBeGreaterThan(bound + 60), { timeout: 25_000, interval: 50 });
    await queue.removeJobScheduler('tick');
    expect(await redis.zcard(`${base}completed`)).toBeLessThanOrEqual(bound);
    // The records themselves (job hashes), not only the index: the bound, plus the one running
    // and the next one waiting.
    const records = (await keys(`${base}repeat:tick:*`)).filter((k) => /:\d+$/.test(k));
    expect(records.length).toBeLessThanOrEqual(bound + 2);
  });

  it('keeps at most the bound of failed jobs', async () => {
    const bound = (JOB_RETENTION[QueueName.MAINTENANCE].removeOnFail as { count: number }).count;
    let failures = 0;
    const { queue, base } = pair(
      QueueName.MAINTENANCE,
      async () => {
        failures++;
        throw new Error('database away');
      },
      50,
    );
    const jobs = Array.from({ length: bound + 100 }, () => ({
      name: JobName.PURGE_EXPIRED_SESSIONS,
      data: { olderThanMs: 1 },
    }));
    await queue.addBulk(jobs);
    await vi.waitFor(() => expect(failures).toBe(jobs.length), { timeout: 25_000, interval: 50 });
    expect(await redis.zcard(`${base}failed`)).toBeLessThanOrEqual(bound);
    const records = (await keys(`${base}*`)).filter((k) => /^\d+$/.test(k.slice(base.length)));
    expect(records.length).toBeLessThanOrEqual(bound);
  });

  it('trims a backlog kept before the bounds, in batches, to the bound', async () => {
    const bound = (JOB_RETENTION[QueueName.MAINTENANCE].removeOnComplete as { count: number }).count;
    const prefix = `t${randomBytes(4).toString('hex')}`;
    // As before decision 0017: nothing removed.
    const old = new Queue(QueueName.MAINTENANCE, { connection, prefix });
    let done = 0;
    const worker = new Worker(QueueName.MAINTENANCE, async () => void done++, {
      connection,
      prefix,
      concurrency: 50,
    });
    closers.push(
      () => old.close(),
      () => worker.close(),
    );
    const backlog = bound + 2100;
    await old.addBulk(Array.from({ length: backlog }, () => ({ name: JobName.EXPIRE_SSO_TOKENS, data: {} })));
    await vi.waitFor(() => expect(done).toBe(backlog), { timeout: 25_000, interval: 50 });
    await worker.close();
    const base = `${prefix}:${QueueName.MAINTENANCE}:`;
    await vi.waitFor(async () => expect(await redis.zcard(`${base}completed`)).toBe(backlog));
    const newest = await redis.zrevrange(`${base}completed`, 0, bound - 1);
    expect(await trimFinishedJobs(old, QueueName.MAINTENANCE)).toBe(backlog - bound);
    const kept = await redis.zrange(`${base}completed`, 0, -1);
    expect(kept).toHaveLength(bound);
    for (const id of kept) expect(newest).toContain(id);
    const records = (await keys(`${base}*`)).filter((k) => /^\d+$/.test(k.slice(base.length)));
    expect(records.length).toBe(kept.length);
  });

  it('bounds every queue and every job scheduler the worker declares, by count and age', async () => {
    const handlers: JobHandler[] = Object.values(JobName).map((jobName) => ({
      jobName,
      handle: async () => undefined,
    }));
    const quiet = {
      info: () => undefined,
      warn: () => undefined,
      error: () => undefined,
    } as unknown as Logger;
    const config = {
      redisUrl: inject('redisUrl'),
      workerConcurrency: 1,
      webhooks: { concurrency: 1 },
    } as ConduitConfig;
    const queues = new WorkerQueues(config);
    const runner = new QueueRunner(handlers, quiet, config, queues);
    closers.push(async () => {
      await runner.onApplicationShutdown();
      await queues.onApplicationShutdown();
    });
    await runner.onApplicationBootstrap();
    const bounded = expect.objectContaining({ count: expect.any(Number), age: expect.any(Number) });
    for (const name of Object.values(QueueName)) {
      expect(runner.queue(name).defaultJobOptions).toMatchObject({
        removeOnComplete: bounded,
        removeOnFail: bounded,
      });
    }
    const maintenance = runner.queue(QueueName.MAINTENANCE);
    const schedulers = await maintenance.getJobSchedulers();
    // Every fixed schedule JOBS declares, keyed by its job's name, on its job's queue.
    expect(schedulers.map((s) => s.key).sort()).toEqual(
      [
        JobName.EXPIRE_AUTHORIZATIONS,
        JobName.PURGE_IDEMPOTENCY_KEYS,
        JobName.PURGE_EXPIRED_SESSIONS,
        JobName.EXPIRE_SSO_TOKENS,
      ].sort(),
    );
    const settlement = await runner.queue(QueueName.SETTLEMENT).getJobSchedulers();
    expect(settlement.map((s) => s.key).sort()).toEqual(
      [JobName.SYNC_SETTLEMENT_SCHEDULES, JobName.SETTLEMENT_SWEEP].sort(),
    );
    for (const s of schedulers)
      expect(s.template?.opts, s.key).toMatchObject({ removeOnComplete: bounded, removeOnFail: bounded });
    // The jobs they have already queued carry it too.
    const queued = await maintenance.getJobs(['delayed', 'wait', 'active', 'completed']);
    expect(queued.length).toBeGreaterThan(0);
    for (const job of queued)
      expect(job.opts, job.id).toMatchObject({ removeOnComplete: bounded, removeOnFail: bounded });
  });
});
