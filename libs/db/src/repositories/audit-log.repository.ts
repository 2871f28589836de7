import type { TenantScope } from '@conduit/domain';
import type { Db } from '../client';
import type { Prisma } from '../generated/client';
import { type ListQuery, paging, str, strList } from '../list-query';
import { owned } from '../scope';

const SORTABLE = ['createdAt', 'action', 'resource', 'actorLabel', 'id'] as const;

export interface AuditEntry {
  organizationId: string | null;
  actorType: 'user' | 'credential' | 'anonymous' | 'system' | 'sftp-account' | 'terminal';
  actorId?: string | null;
  actorLabel?: string | null;
  action: string;
  resource: string;
  resourceId?: string | null;
  ip?: string | null;
  changes?: Prisma.InputJsonValue;
}

export class AuditLogRepository {
  constructor(private readonly db: Db) {}

  record(entry: AuditEntry) {
    return this.db.auditLogEntry.create({ data: entry });
  }

  async list(scope: TenantScope, query: ListQuery) {
    const f = query.filter;
    const q = str(f.q);
    const range: Prisma.DateTimeFilter = {};
    if (str(f.createdAt_gte)) range.gte = new Date(f.createdAt_gte as string);
    if (str(f.createdAt_lte)) range.lte = new Date(f.createdAt_lte as string);
    const where: Prisma.AuditLogEntryWhereInput = {
      ...owned(scope),
      ...(str(f.action) ? { action: f.action as string } : {}),
      ...(str(f.resource) ? { resource: f.resource as string } : {}),
      ...(str(f.resourceId) ? { resourceId: f.resourceId as string } : {}),
      ...(strList(f.id) ? { id: { in: strList(f.id) } } : {}),
      ...(range.gte || range.lte ? { createdAt: range } : {}),
      ...(q
        ? {
            OR: [
              { actorLabel: { contains: q, mode: 'insensitive' } },
              { action: { contains: q, mode: 'insensitive' } },
            ],
          }
        : {}),
    };
    const [rows, total] = await Promise.all([
      this.db.auditLogEntry.findMany({
        where,
        ...paging({ sort: { field: 'createdAt', order: 'DESC' }, ...query }, SORTABLE, 'createdAt'),
      }),
      this.db.auditLogEntry.count({ where }),
    ]);
    return { rows, total };
  }

  get(scope: TenantScope, id: string) {
    return this.db.auditLogEntry.findFirst({ where: { id, ...owned(scope) } });
  }
}
