import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@conduit/domain';
import { type StoredResponse, UnitOfWork } from '@conduit/db';
import type { RequestFingerprints } from '@conduit/crypto';
import { DataKeys } from './data-keys.service';

export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;
const KEY = /^[\x21-\x7e]{1,255}$/;

export type Claim = { kind: 'new' } | { kind: 'replay'; response: StoredResponse };

/** The transaction a stored answer is about, under the name the caller's interface gives it. */
export interface OriginalTransaction {
  field: string;
  id: string;
}

/** A request as the interface's edge compares repeats (decision 0030). */
export interface IdempotentRequest {
  /** What is fingerprinted and stored: the request in its interface's canonical form. */
  canonical: string;
  /** The request as keys claimed before canonical forms were fingerprinted; still compared. */
  legacy?: string;
  /** Names the stored answer's transaction in the 409 for a different request. */
  originalOf?: (stored: StoredResponse) => OriginalTransaction | null;
}

/**
 * Idempotency (rest.md), shared by every interface and every api replica: the first request
 * with a key claims it with an INSERT that only one of any number of concurrent duplicates can
 * win; the rest get the stored answer, or 409 while the first is still running. The request is
 * kept only as a keyed fingerprint: its body may hold a card number and CVN (decision 0019).
 */
@Injectable()
export class IdempotencyService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly dataKeys: DataKeys,
  ) {}

  static validKey(key: string): boolean {
    return KEY.test(key);
  }

  async claim(organizationId: string, key: string, request: string | IdempotentRequest): Promise<Claim> {
    const r = typeof request === 'string' ? { canonical: request } : request;
    if (!IdempotencyService.validKey(key)) {
      throw DomainError.validation([
        { field: 'Idempotency-Key', message: 'Idempotency-Key must be 1-255 printable characters' },
      ]);
    }
    const fingerprints = this.dataKeys.fingerprints;
    const repo = this.uow.read.idempotency;
    await repo.removeIfOlder(organizationId, key, new Date(Date.now() - IDEMPOTENCY_RETENTION_MS));
    if (await repo.claim(organizationId, key, fingerprints.of(r.canonical))) return { kind: 'new' };
    const existing = await repo.find(organizationId, key);
    if (!existing) return this.claim(organizationId, key, request);
    // A row that cannot be compared (written before keyed fingerprints, or under a master version
    // no longer configured) is taken as the same request: replaying its answer moves no money,
    // whereas treating it as new could charge twice.
    const same =
      existing.requestFingerprint === null || existing.fingerprintKeyVersion === null
        ? null
        : sameRequest(fingerprints, existing.fingerprintKeyVersion, existing.requestFingerprint, r);
    if (same === false) throw differentRequest(existing, r.originalOf);
    if (existing.state !== 'DONE' || existing.responseStatus === null) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        'A request with this Idempotency-Key is still in progress; retry later',
      );
    }
    return {
      kind: 'replay',
      response: {
        status: existing.responseStatus,
        contentType: existing.responseType ?? 'text/plain',
        body: existing.responseBody ?? '',
      },
    };
  }

  complete(organizationId: string, key: string, response: StoredResponse) {
    return this.uow.read.idempotency.complete(organizationId, key, response);
  }

  /** After an unexpected failure the key is released, so the client can retry it. */
  release(organizationId: string, key: string) {
    return this.uow.read.idempotency.release(organizationId, key);
  }
}

/** Whether `r` is the request fingerprinted; null when the row's key version is gone. */
function sameRequest(
  fingerprints: RequestFingerprints,
  version: number,
  fingerprint: string,
  r: IdempotentRequest,
): boolean | null {
  const canonical = fingerprints.matches(version, fingerprint, r.canonical);
  if (canonical !== false || r.legacy === undefined) return canonical;
  return fingerprints.matches(version, fingerprint, r.legacy);
}

/**
 * 409 for another request under a used key, naming the transaction the first one made (when it
 * is done and made one), so the client can find it instead of guessing which request won.
 */
function differentRequest(
  existing: {
    state: string;
    responseStatus: number | null;
    responseType: string | null;
    responseBody: string | null;
  },
  originalOf: IdempotentRequest['originalOf'],
): DomainError {
  const message = 'Idempotency-Key was already used with a different request';
  const original =
    existing.state === 'DONE' && existing.responseStatus !== null && originalOf
      ? originalOf({
          status: existing.responseStatus,
          contentType: existing.responseType ?? 'text/plain',
          body: existing.responseBody ?? '',
        })
      : null;
  if (!original) return new DomainError(ErrorCode.CONFLICT, message);
  return new DomainError(ErrorCode.CONFLICT, `${message}; it made ${original.field} ${original.id}`, {
    transactionId: original.id,
  });
}
