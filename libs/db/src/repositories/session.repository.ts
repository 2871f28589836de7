import type { Db } from '../client';

/** Console sessions, keyed by the SHA-256 of the bearer token (the token itself is never stored). */
export class SessionRepository {
  constructor(private readonly db: Db) {}

  create(data: { tokenHash: string; userId: string; ip: string | null; expiresAt: Date }) {
    return this.db.adminSession.create({ data });
  }

  find(tokenHash: string) {
    return this.db.adminSession.findUnique({ where: { tokenHash } });
  }

  touch(id: string, now: Date, expiresAt: Date) {
    return this.db.adminSession.update({ where: { id }, data: { lastSeenAt: now, expiresAt } });
  }

  delete(tokenHash: string) {
    return this.db.adminSession.deleteMany({ where: { tokenHash } });
  }

  deleteForUser(userId: string) {
    return this.db.adminSession.deleteMany({ where: { userId } });
  }

  /** Housekeeping (worker): sessions idle past their expiry. Not tenant data; no scope. */
  deleteExpired(before: Date) {
    return this.db.adminSession.deleteMany({ where: { expiresAt: { lt: before } } });
  }
}
