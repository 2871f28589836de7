import { Injectable } from '@nestjs/common';
import { type Actor, assertCan, DomainError, Permission, scopeOf } from '@conduit/domain';
import { type AuditEntry, type ListQuery, UnitOfWork } from '@conduit/db';
import { auditView } from './views';

@Injectable()
export class AuditLogService {
  constructor(private readonly uow: UnitOfWork) {}

  async list(actor: Actor, query: ListQuery) {
    assertCan(actor, Permission.AUDIT_READ);
    const { rows, total } = await this.uow.read.audit.list(scopeOf(actor), query);
    return { rows: rows.map(auditView), total };
  }

  async get(actor: Actor, id: string) {
    assertCan(actor, Permission.AUDIT_READ);
    const entry = await this.uow.read.audit.get(scopeOf(actor), id);
    if (!entry) throw DomainError.notFound('Audit entry');
    return auditView(entry);
  }

  /** Refusals (bad logins, IP blocks, lockouts) are written on their own, outside any change. */
  record(entry: AuditEntry) {
    return this.uow.read.audit.record(entry);
  }
}
