import { Injectable } from '@nestjs/common';
import { type Actor, assertCan, DomainError, Permission, Role, scopeOf } from '@conduit/domain';
import { hashSecret } from '@conduit/crypto';
import { type ListQuery, type OrganizationKind, type Repositories, UnitOfWork } from '@conduit/db';
import { auditOf } from './audit';
import { userView } from './views';

export interface UserInput {
  email?: string;
  name?: string | null;
  role?: Role;
  password?: string;
  disabled?: boolean;
  organizationId?: string | null;
}

/** Which roles an organization of each kind can hold (platform admins belong to none). */
const rolesFor: Record<OrganizationKind, Role[]> = {
  PRACTICE: [Role.PRACTICE_ADMIN, Role.FINANCE],
  PARTNER: [Role.PARTNER_DEVELOPER],
};

@Injectable()
export class UsersService {
  constructor(private readonly uow: UnitOfWork) {}

  async list(actor: Actor, query: ListQuery) {
    assertCan(actor, Permission.USERS_READ);
    const { rows, total } = await this.uow.read.users.list(scopeOf(actor), query);
    return { rows: rows.map(userView), total };
  }

  async get(actor: Actor, id: string) {
    assertCan(actor, Permission.USERS_READ);
    const user = await this.uow.read.users.get(scopeOf(actor), id);
    if (!user) throw DomainError.notFound('User');
    return userView(user);
  }

  private async checkRole(r: Repositories, actor: Actor, role: Role, organizationId: string | null) {
    if (role === Role.PLATFORM_ADMIN) {
      if (actor.role !== Role.PLATFORM_ADMIN)
        throw DomainError.forbidden('Only platform admins can create platform admins');
      if (organizationId)
        throw DomainError.validation([
          { field: 'organizationId', message: 'platform admins belong to no organization' },
        ]);
      return;
    }
    const org = organizationId ? await r.organizations.get(scopeOf(actor), organizationId) : null;
    if (!org)
      throw DomainError.validation([
        { field: 'organizationId', message: 'organizationId names no organization' },
      ]);
    if (!rolesFor[org.kind].includes(role)) {
      throw DomainError.validation([
        {
          field: 'role',
          message: `role must be one of ${rolesFor[org.kind].join(', ')} in a ${org.kind} organization`,
        },
      ]);
    }
  }

  async create(actor: Actor, input: UserInput & { email: string; role: Role; password: string }) {
    assertCan(actor, Permission.USERS_WRITE);
    const organizationId =
      actor.role === Role.PLATFORM_ADMIN ? (input.organizationId ?? null) : actor.organizationId;
    const passwordHash = await hashSecret(input.password);
    return this.uow.run(async (r) => {
      await this.checkRole(r, actor, input.role, organizationId);
      const email = input.email.toLowerCase();
      if (await r.users.emailTaken(email))
        throw DomainError.conflict(`a user with email ${email} already exists`);
      const user = await r.users.create({
        organizationId,
        email,
        name: input.name ?? null,
        role: input.role,
        passwordHash,
      });
      await r.audit.record(auditOf(actor, organizationId, 'create', 'users', user.id, { ...input, email }));
      return userView(user);
    });
  }

  async update(actor: Actor, id: string, input: UserInput) {
    assertCan(actor, Permission.USERS_WRITE);
    const passwordHash = input.password ? await hashSecret(input.password) : undefined;
    return this.uow.run(async (r) => {
      const existing = await r.users.get(scopeOf(actor), id);
      if (!existing) throw DomainError.notFound('User');
      if (id === actor.userId && (input.disabled || (input.role && input.role !== actor.role))) {
        throw DomainError.validation([
          { field: 'role', message: 'you cannot disable yourself or change your own role' },
        ]);
      }
      if (input.role && input.role !== existing.role)
        await this.checkRole(r, actor, input.role, existing.organizationId);
      const user = await r.users.update(scopeOf(actor), id, {
        name: input.name,
        role: input.role,
        disabled: input.disabled,
        passwordHash,
      });
      if (input.disabled || passwordHash) await r.sessions.deleteForUser(id);
      await r.audit.record(
        auditOf(actor, existing.organizationId, 'update', 'users', id, { ...input, email: undefined }),
      );
      return userView(user);
    });
  }

  async remove(actor: Actor, id: string) {
    assertCan(actor, Permission.USERS_WRITE);
    if (id === actor.userId)
      throw DomainError.validation([{ field: 'id', message: 'you cannot delete yourself' }]);
    return this.uow.run(async (r) => {
      const existing = await r.users.get(scopeOf(actor), id);
      if (!existing) throw DomainError.notFound('User');
      await r.users.delete(scopeOf(actor), id);
      await r.audit.record(
        auditOf(actor, existing.organizationId, 'delete', 'users', id, { email: existing.email }),
      );
      return userView(existing);
    });
  }
}
