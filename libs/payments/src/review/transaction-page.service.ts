import { Injectable } from '@nestjs/common';
import { type CredentialPrincipal, DomainError, organizationScope } from '@conduit/domain';
import { UnitOfWork } from '@conduit/db';
import { type TransactionView, viewOf } from '../transaction-view';

const MAX = 200;

/** A vendor's transaction list (REST `GET /rest/payment/transactions`): newest first, filtered, keyset cursor. */
@Injectable()
export class TransactionPageService {
  constructor(private readonly uow: UnitOfWork) {}

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
    if (principal.merchantIds.length) {
      if (q.merchantid && !principal.merchantIds.includes(q.merchantid))
        return { transactions: [], nextCursor: null };
      if (!q.merchantid) filter.merchantIdIn = principal.merchantIds;
    }
    const rows = await this.uow.read.transactions.listAfter(
      organizationScope(principal.organizationId),
      filter,
      cursor,
      limit + 1,
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      transactions: page.map(viewOf),
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
