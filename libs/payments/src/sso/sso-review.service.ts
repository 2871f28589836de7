import { Injectable } from '@nestjs/common';
import { type Actor, assertCan, DomainError, formatAmount, Permission, scopeOf } from '@conduit/domain';
import { type ListQuery, type SsoTokenRow, UnitOfWork } from '@conduit/db';
import { toWireId } from '../ids';
import { statusOf } from './sso.service';

/** admin-api.md `sso-tokens`: read-only, the token itself is never shown (only its hash is kept). */
function view(t: SsoTokenRow) {
  return {
    id: t.id,
    merchantId: t.merchant.merchantId,
    storeId: t.storeId,
    terminalId: t.terminalId,
    channel: t.channel,
    action: t.action,
    status: statusOf(t),
    amount: t.amountCents === null ? null : formatAmount(Number(t.amountCents)),
    isReadOnly: t.isReadOnly,
    patientId: t.patientId,
    transactionId: t.transactionId ? toWireId(t.transactionId) : null,
    createdBy: t.credentialIdentifier,
    createdAt: t.createdAt,
    expiresAt: t.expiresAt,
    completedAt: t.completedAt,
  };
}

@Injectable()
export class SsoReviewService {
  constructor(private readonly uow: UnitOfWork) {}

  async list(actor: Actor, query: ListQuery) {
    assertCan(actor, Permission.TRANSACTIONS_READ);
    const { rows, total } = await this.uow.read.forScope(scopeOf(actor)).ssoTokens.list(query);
    return { rows: rows.map(view), total };
  }

  async get(actor: Actor, id: string) {
    assertCan(actor, Permission.TRANSACTIONS_READ);
    const row = await this.uow.read.forScope(scopeOf(actor)).ssoTokens.get(id);
    if (!row) throw DomainError.notFound('Single sign-on token');
    return view(row);
  }
}
