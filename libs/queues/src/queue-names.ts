/**
 * Every queue and job name in one place. Names are persisted in Redis: never rename one, add a
 * new name and retire the old after its jobs drain.
 */
export enum QueueName {
  MAINTENANCE = 'maintenance',
  WEBHOOKS = 'webhooks',
}

export enum JobName {
  PURGE_EXPIRED_SESSIONS = 'sessions.purge-expired',
  PURGE_IDEMPOTENCY_KEYS = 'idempotency.purge-expired',
  EXPIRE_AUTHORIZATIONS = 'authorizations.expire',
  DELIVER_WEBHOOK = 'webhooks.deliver',
  EXPIRE_SSO_TOKENS = 'sso.expire-tokens',
}

/** The typed payload of each job. */
export interface JobPayloads {
  [JobName.PURGE_EXPIRED_SESSIONS]: { olderThanMs: number };
  [JobName.PURGE_IDEMPOTENCY_KEYS]: { olderThanMs: number };
  [JobName.EXPIRE_AUTHORIZATIONS]: { olderThanMs: number };
  /** Only the id: the payload stays in PostgreSQL (no card or patient data in Redis). */
  [JobName.DELIVER_WEBHOOK]: { deliveryId: string };
  [JobName.EXPIRE_SSO_TOKENS]: Record<string, never>;
}

export type JobOf<N extends JobName> = { name: N; data: JobPayloads[N] };

/** Which queue carries each job. */
export const queueOfJob: Record<JobName, QueueName> = {
  [JobName.PURGE_EXPIRED_SESSIONS]: QueueName.MAINTENANCE,
  [JobName.PURGE_IDEMPOTENCY_KEYS]: QueueName.MAINTENANCE,
  [JobName.EXPIRE_AUTHORIZATIONS]: QueueName.MAINTENANCE,
  [JobName.DELIVER_WEBHOOK]: QueueName.WEBHOOKS,
  [JobName.EXPIRE_SSO_TOKENS]: QueueName.MAINTENANCE,
};

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
