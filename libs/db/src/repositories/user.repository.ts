import type { TenantScope } from '@conduit/domain';
import type { Db } from '../client';
import type { Prisma, UserRole } from '../generated/client';
import { bool, type ListQuery, paging, str, strList } from '../list-query';
import { owned } from '../scope';

const SORTABLE = ['email', 'name', 'role', 'disabled', 'lastLoginAt', 'createdAt', 'id'] as const;

export class UserRepository {
  constructor(private readonly db: Db) {}

  async list(scope: TenantScope, query: ListQuery) {
    const f = query.filter;
    const q = str(f.q);
    const where: Prisma.UserWhereInput = {
      ...owned(scope),
      ...(str(f.role) ? { role: f.role as UserRole } : {}),
      ...(bool(f.disabled) !== undefined ? { disabled: bool(f.disabled) } : {}),
      ...(strList(f.id) ? { id: { in: strList(f.id) } } : {}),
      ...(q
        ? {
            OR: [
              { email: { contains: q, mode: 'insensitive' } },
              { name: { contains: q, mode: 'insensitive' } },
            ],
          }
        : {}),
    };
    const [rows, total] = await Promise.all([
      this.db.user.findMany({ where, ...paging(query, SORTABLE, 'email') }),
      this.db.user.count({ where }),
    ]);
    return { rows, total };
  }

  get(scope: TenantScope, id: string) {
    return this.db.user.findFirst({ where: { id, ...owned(scope) } });
  }

  /** Login looks a user up by email before any tenant is known. */
  findForLogin(email: string) {
    return this.db.user.findUnique({ where: { email }, include: { organization: true } });
  }

  findForSession(id: string) {
    return this.db.user.findUnique({ where: { id }, include: { organization: true } });
  }

  emailTaken(email: string) {
    return this.db.user.count({ where: { email } }).then((n) => n > 0);
  }

  create(data: {
    organizationId: string | null;
    email: string;
    name?: string | null;
    role: UserRole;
    passwordHash: string;
  }) {
    return this.db.user.create({ data });
  }

  update(
    scope: TenantScope,
    id: string,
    data: {
      name?: string | null;
      role?: UserRole;
      disabled?: boolean;
      passwordHash?: string;
      lastLoginAt?: Date;
    },
  ) {
    return this.db.user.update({ where: { id, ...owned(scope) }, data });
  }

  delete(scope: TenantScope, id: string) {
    return this.db.user.delete({ where: { id, ...owned(scope) } });
  }

  /** Sign-in bookkeeping for the user who just proved who they are. */
  markSignedIn(id: string, at: Date) {
    return this.db.user.update({ where: { id }, data: { lastLoginAt: at } });
  }
}
