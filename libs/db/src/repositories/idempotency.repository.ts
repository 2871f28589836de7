import type { Db } from '../client';

export interface StoredResponse {
  status: number;
  contentType: string;
  body: string;
}

/** Idempotency keys per organization, in PostgreSQL so every api replica sees the same ones. */
export class IdempotencyRepository {
  constructor(private readonly db: Db) {}

  /**
   * Claims a key; true when this request is the first to use it (INSERT … ON CONFLICT DO NOTHING).
   * The request is stored only as its keyed fingerprint (decision 0019), never as text.
   */
  async claim(
    organizationId: string,
    key: string,
    request: { fingerprint: string; keyVersion: number },
  ): Promise<boolean> {
    const { count } = await this.db.idempotencyKey.createMany({
      data: [
        {
          organizationId,
          key,
          requestFingerprint: request.fingerprint,
          fingerprintKeyVersion: request.keyVersion,
          state: 'IN_FLIGHT',
        },
      ],
      skipDuplicates: true,
    });
    return count === 1;
  }

  find(organizationId: string, key: string) {
    return this.db.idempotencyKey.findUnique({ where: { organizationId_key: { organizationId, key } } });
  }

  complete(organizationId: string, key: string, response: StoredResponse) {
    return this.db.idempotencyKey.update({
      where: { organizationId_key: { organizationId, key } },
      data: {
        state: 'DONE',
        responseStatus: response.status,
        responseType: response.contentType,
        responseBody: response.body,
        completedAt: new Date(),
      },
    });
  }

  release(organizationId: string, key: string) {
    return this.db.idempotencyKey.deleteMany({ where: { organizationId, key, state: 'IN_FLIGHT' } });
  }

  /** An expired key (older than the retention) is removed so it can be used afresh. */
  removeIfOlder(organizationId: string, key: string, before: Date) {
    return this.db.idempotencyKey.deleteMany({ where: { organizationId, key, createdAt: { lt: before } } });
  }

  purgeOlderThan(before: Date) {
    return this.db.idempotencyKey.deleteMany({ where: { createdAt: { lt: before } } });
  }
}
