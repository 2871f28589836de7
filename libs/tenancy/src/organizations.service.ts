import { Injectable, Optional } from '@nestjs/common';
import { type Actor, assertCan, DomainError, Permission, scopeOf } from '@conduit/domain';
import { type ListQuery, type OrganizationKind, UnitOfWork } from '@conduit/db';
import { auditOf } from './audit';
import { cleanAllowlist } from './cidr-list';
import { organizationView } from './views';
import { authChange, CredentialCache } from './credential-cache';

export interface OrganizationInput {
  name?: string;
  slug?: string;
  kind?: OrganizationKind;
  ipAllowlist?: string[];
  /** Every console user of the organization signs in with a second factor (decision 0014). */
  requireTwoFactor?: boolean;
}

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly uow: UnitOfWork,
    @Optional() private readonly cache?: CredentialCache,
  ) {}

  async list(actor: Actor, query: ListQuery) {
    assertCan(actor, Permission.ORGANIZATIONS_READ);
    const { rows, total } = await this.uow.read.organizations.list(scopeOf(actor), query);
    return { rows: rows.map(organizationView), total };
  }

  async get(actor: Actor, id: string) {
    assertCan(actor, Permission.ORGANIZATIONS_READ);
    const org = await this.uow.read.organizations.get(scopeOf(actor), id);
    if (!org) throw DomainError.notFound('Organization');
    return organizationView(org);
  }

  async create(
    actor: Actor,
    input: Required<Pick<OrganizationInput, 'name' | 'slug' | 'kind'>> & OrganizationInput,
  ) {
    assertCan(actor, Permission.ORGANIZATIONS_CREATE);
    const ipAllowlist = cleanAllowlist(input.ipAllowlist) ?? [];
    return authChange(this.uow, this.cache, async (r) => {
      if (await r.organizations.slugTaken(input.slug))
        throw DomainError.conflict(`slug "${input.slug}" is already taken`);
      const org = await r.organizations.create({
        name: input.name,
        slug: input.slug,
        kind: input.kind,
        ipAllowlist,
      });
      await r.audit.record(
        auditOf(actor, org.id, 'create', 'organizations', org.id, { ...input, ipAllowlist }),
      );
      return organizationView(org);
    });
  }

  async update(actor: Actor, id: string, input: OrganizationInput) {
    assertCan(actor, Permission.ORGANIZATIONS_UPDATE);
    const ipAllowlist = cleanAllowlist(input.ipAllowlist);
    return authChange(this.uow, this.cache, async (r) => {
      const existing = await r.organizations.get(scopeOf(actor), id);
      if (!existing) throw DomainError.notFound('Organization');
      const { requireTwoFactor } = input;
      const org = await r.organizations.update(scopeOf(actor), id, {
        name: input.name,
        ipAllowlist,
        requireTwoFactor,
      });
      await r.audit.record(
        auditOf(actor, id, 'update', 'organizations', id, {
          name: input.name,
          ipAllowlist,
          requireTwoFactor,
        }),
      );
      return organizationView(org);
    });
  }
}
