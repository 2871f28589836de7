/**
 * Every queue and job in one place: each job's name, its queue, its payload type and its fixed
 * schedule, declared together (`JOBS`). Names are persisted in Redis: never rename one, add a
 * new name and retire the old after its jobs drain. Handlers bind to a name in the worker, which
 * refuses to start unless every job has exactly one (`checkHandlers`).
 */
export enum QueueName {
  MAINTENANCE = 'maintenance',
  SETTLEMENT = 'settlement',
  BATCH_FILES = 'batch-files',
  PAYMENT_PLANS = 'payment-plans',
}

export enum JobName {
  PURGE_EXPIRED_SESSIONS = 'sessions.purge-expired',
  PURGE_IDEMPOTENCY_KEYS = 'idempotency.purge-expired',
  EXPIRE_AUTHORIZATIONS = 'authorizations.expire',
  EXPIRE_SSO_TOKENS = 'sso.expire-tokens',
  SYNC_SETTLEMENT_SCHEDULES = 'settlement.sync-schedules',
  CLOSE_SETTLEMENT = 'settlement.close',
  RENDER_POSTING_FILES = 'settlement.render-posting-files',
  SETTLEMENT_SWEEP = 'settlement.sweep',
  IMPORT_BATCH_FILE = 'batch-files.import',
  BATCH_FILES_SWEEP = 'batch-files.sweep',
  CHARGE_PAYMENT_PLANS = 'payment-plans.charge',
  PAYMENT_PLANS_SWEEP = 'payment-plans.sweep',
}

/** The typed payload of each job. Only ids: card and patient data stay in PostgreSQL. */
export interface JobPayloads {
  [JobName.PURGE_EXPIRED_SESSIONS]: { olderThanMs: number };
  [JobName.PURGE_IDEMPOTENCY_KEYS]: { olderThanMs: number };
  [JobName.EXPIRE_AUTHORIZATIONS]: { olderThanMs: number };
  [JobName.EXPIRE_SSO_TOKENS]: Record<string, never>;
  [JobName.SYNC_SETTLEMENT_SCHEDULES]: Record<string, never>;
  /** Fired by the merchant's own schedule (its cut-off in its zone), or by the sweep. */
  [JobName.CLOSE_SETTLEMENT]: { merchantRef: string };
  [JobName.RENDER_POSTING_FILES]: { batchRef: string };
  [JobName.SETTLEMENT_SWEEP]: Record<string, never>;
  /** An uploaded payment import file (its job id is the file's id: one job per file). */
  [JobName.IMPORT_BATCH_FILE]: { batchFileId: string };
  [JobName.BATCH_FILES_SWEEP]: Record<string, never>;
  /** Fired at the merchant's plan charge hour in its zone (its own schedule): its due plans. */
  [JobName.CHARGE_PAYMENT_PLANS]: { merchantRef: string };
  [JobName.PAYMENT_PLANS_SWEEP]: Record<string, never>;
}

export type JobOf<N extends JobName> = { name: N; data: JobPayloads[N] };

export interface JobSpec<N extends JobName> {
  queue: QueueName;
  /** A fixed schedule the worker keeps (BullMQ job scheduler); per-merchant ones are dynamic. */
  schedule?: { every: number; data: JobPayloads[N] };
}

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Each job's queue and schedule. */
export const JOBS: { readonly [N in JobName]: JobSpec<N> } = {
  [JobName.PURGE_EXPIRED_SESSIONS]: {
    queue: QueueName.MAINTENANCE,
    schedule: { every: HOUR, data: { olderThanMs: DAY } },
  },
  [JobName.PURGE_IDEMPOTENCY_KEYS]: {
    queue: QueueName.MAINTENANCE,
    // Kept at least 24 hours (rest.md); removed after 48.
    schedule: { every: HOUR, data: { olderThanMs: 2 * DAY } },
  },
  [JobName.EXPIRE_AUTHORIZATIONS]: {
    queue: QueueName.MAINTENANCE,
    schedule: { every: 15 * MINUTE, data: { olderThanMs: 7 * DAY } },
  },
  // sso-and-polling.md: tokens expire on time even when nobody reads them (within 5 s).
  [JobName.EXPIRE_SSO_TOKENS]: { queue: QueueName.MAINTENANCE, schedule: { every: 5000, data: {} } },
  [JobName.SYNC_SETTLEMENT_SCHEDULES]: { queue: QueueName.SETTLEMENT, schedule: { every: MINUTE, data: {} } },
  [JobName.CLOSE_SETTLEMENT]: { queue: QueueName.SETTLEMENT },
  [JobName.RENDER_POSTING_FILES]: { queue: QueueName.SETTLEMENT },
  [JobName.SETTLEMENT_SWEEP]: { queue: QueueName.SETTLEMENT, schedule: { every: 5 * MINUTE, data: {} } },
  [JobName.IMPORT_BATCH_FILE]: { queue: QueueName.BATCH_FILES },
  // Re-queues import files whose job is gone (Redis lost it, or its attempts ran out).
  [JobName.BATCH_FILES_SWEEP]: { queue: QueueName.BATCH_FILES, schedule: { every: 5 * MINUTE, data: {} } },
  [JobName.CHARGE_PAYMENT_PLANS]: { queue: QueueName.PAYMENT_PLANS },
  // Charges what a merchant's own schedule missed (worker down at the hour, a plan made due
  // later that day) and resumes charges a dead worker left in flight.
  [JobName.PAYMENT_PLANS_SWEEP]: {
    queue: QueueName.PAYMENT_PLANS,
    schedule: { every: 5 * MINUTE, data: {} },
  },
};

/** Which queue carries each job. */
export const queueOfJob = Object.fromEntries(
  Object.entries(JOBS).map(([name, spec]) => [name, spec.queue]),
) as Record<JobName, QueueName>;

/** Handlers are registered per job name; the worker refuses to start unless each has exactly one. */
export function checkHandlers(registered: readonly string[]): string[] {
  const problems: string[] = [];
  for (const name of Object.values(JobName)) {
    const count = registered.filter((r) => r === name).length;
    if (count !== 1) problems.push(`job "${name}" has ${count} handlers (needs exactly 1)`);
  }
  for (const name of registered) {
    if (!(Object.values(JobName) as string[]).includes(name))
      problems.push(`handler for unknown job "${name}"`);
  }
  return problems;
}
