import type { DbClient } from './client';
import { repositoriesFor, type Repositories } from './repositories';

/**
 * Repositories bound to the root client for reads, and `run` for one database transaction per
 * state change: everything `fn` writes (the change, its audit entry, later its outbox event)
 * commits together or not at all.
 */
export class UnitOfWork {
  readonly read: Repositories;

  constructor(private readonly client: DbClient) {
    this.read = repositoriesFor(client);
  }

  /** `timeoutMs` raises Prisma's 5-second limit for the few long transactions (a batch close). */
  run<T>(fn: (repos: Repositories) => Promise<T>, options: { timeoutMs?: number } = {}): Promise<T> {
    return this.client.$transaction(
      (tx) => fn(repositoriesFor(tx)),
      options.timeoutMs ? { timeout: options.timeoutMs, maxWait: 10_000 } : undefined,
    );
  }
}
