import { Injectable } from '@nestjs/common';
import { type CredentialPrincipal, DomainError } from '@conduit/domain';
import { UnitOfWork } from '@conduit/db';
import { CredentialAuthService } from '@conduit/tenancy';
import { type TransactionView, visibleTo } from '../transaction-view';

const MAX = 200;

/** A vendor's transaction list (REST `GET /rest/payment/transactions`): newest first, filtered, keyset cursor. */
@Injectable()
export class TransactionPageService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: CredentialAuthService,
  ) {}

  async page(
    principal: CredentialPrincipal,
    raw: Record<string, string>,
  ): Promise<{ transactions: TransactionView[]; nextCursor: string | null }> {
    const q = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.toLowerCase(), v]));
    const limit = q.limit === undefined ? 50 : Number(q.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX)
      throw DomainError.validation([{ field: 'Limit', message: `Limit must be 1 to ${MAX}` }]);
    const cursor = q.cursor ? decodeCursor(q.cursor) : null;
    const filter: Record<string, unknown> = {
      merchantId: q.merchantid,
      storeId: q.storeid,
      terminalId: q.terminalid,
      status: q.status,
      patient: q.patientid,
      createdAt_gte: q.from,
      createdAt_lte: q.to,
    };
    for (const [field, value] of [
      ['From', q.from],
      ['To', q.to],
    ] as const) {
      if (value !== undefined && Number.isNaN(Date.parse(value)))
        throw DomainError.validation([{ field, message: `${field} must be an ISO 8601 date` }]);
    }
    // The reach leaves out merchants the credential is restricted from or whose allowlist refuses
    // this caller: naming one lists nothing.
    const reach = await this.access.reach(principal);
    const rows = await this.uow.read.forScope(reach.scope).transactions.listAfter(filter, cursor, limit + 1);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      transactions: page.map((t) => visibleTo(reach, t)),
      nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null,
    };
  }
}

function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString('base64url');
}

function decodeCursor(raw: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(raw, 'base64url').toString().split('|');
  const createdAt = new Date(at);
  if (!id || Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id))
    throw DomainError.validation([{ field: 'Cursor', message: 'Cursor is not one this API gave out' }]);
  return { createdAt, id };
}
