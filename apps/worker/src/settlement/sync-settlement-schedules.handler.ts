import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { UnitOfWork } from '@conduit/db';
import { parseCutoff } from '@conduit/domain';
import { JobName, QueueName, REDIS } from '@conduit/queues';
import type { JobHandler } from '../jobs/job-handler';
import { WorkerQueues } from '../jobs/worker-queues.service';

/** What each merchant's schedule was last set to, so a sync touches only what changed. */
const SCHEDULES_KEY = 'conduit:settlement:schedules';
const PAGE = 500;

export const closeSchedulerId = (merchantRef: string) => `settlement-close:${merchantRef}`;
export const planChargeSchedulerId = (merchantRef: string) => `plan-charges:${merchantRef}`;

/**
 * Keeps one BullMQ job scheduler per active merchant firing `settlement.close` at the
 * merchant's cut-off, and one firing `payment-plans.charge` at its plan charge hour, in the
 * merchant's own time zone (a cron pattern with `tz`, so 20:00 stays
 * 20:00 local across daylight-saving changes). Runs every minute: a changed cut-off or zone is
 * picked up within a minute; a merchant that is no longer active loses its schedule.
 */
@Injectable()
export class SyncSettlementSchedulesHandler implements JobHandler<JobName.SYNC_SETTLEMENT_SCHEDULES> {
  readonly jobName = JobName.SYNC_SETTLEMENT_SCHEDULES;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly queues: WorkerQueues,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async handle() {
    const known = await this.redis.hgetall(SCHEDULES_KEY);
    const seen = new Set<string>();
    const queue = this.queues.queue(QueueName.SETTLEMENT);
    const plans = this.queues.queue(QueueName.PAYMENT_PLANS);
    let changed = 0;
    let after: string | null = null;
    for (;;) {
      const merchants = await this.uow.read.settlementSchedule.merchants(after, PAGE);
      for (const m of merchants) {
        seen.add(m.id);
        const spec = `${m.settlementCutoff}|${m.timeZone}|plans@${m.planChargeHour}`;
        if (known[m.id] === spec) continue;
        const { hour, minute } = parseCutoff(m.settlementCutoff);
        await queue.upsertJobScheduler(
          closeSchedulerId(m.id),
          { pattern: `0 ${minute} ${hour} * * *`, tz: m.timeZone },
          { name: JobName.CLOSE_SETTLEMENT, data: { merchantRef: m.id } },
        );
        // Payment plans are charged at the merchant's own charge hour, in its zone, too.
        await plans.upsertJobScheduler(
          planChargeSchedulerId(m.id),
          { pattern: `0 0 ${m.planChargeHour} * * *`, tz: m.timeZone },
          { name: JobName.CHARGE_PAYMENT_PLANS, data: { merchantRef: m.id } },
        );
        await this.redis.hset(SCHEDULES_KEY, m.id, spec);
        changed++;
      }
      if (merchants.length < PAGE) break;
      after = merchants[merchants.length - 1].id;
    }
    let removed = 0;
    for (const ref of Object.keys(known)) {
      if (seen.has(ref)) continue;
      await queue.removeJobScheduler(closeSchedulerId(ref));
      await plans.removeJobScheduler(planChargeSchedulerId(ref));
      await this.redis.hdel(SCHEDULES_KEY, ref);
      removed++;
    }
    return { merchants: seen.size, changed, removed };
  }
}
