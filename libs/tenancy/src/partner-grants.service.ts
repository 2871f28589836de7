import { Injectable, Optional } from '@nestjs/common';
import { type Actor, assertCan, DomainError, Permission, scopeOf } from '@conduit/domain';
import { type GrantScope, type ListQuery, UnitOfWork } from '@conduit/db';
import { auditOf } from './audit';
import { grantView } from './views';
import { authChange, CredentialCache } from './credential-cache';

export interface GrantInput {
  merchantId: string;
  partnerOrganizationId?: string;
  partnerOrganizationSlug?: string;
  scope: GrantScope;
}

@Injectable()
export class PartnerGrantsService {
  constructor(
    private readonly uow: UnitOfWork,
    @Optional() private readonly cache?: CredentialCache,
  ) {}

  async list(actor: Actor, query: ListQuery) {
    assertCan(actor, Permission.GRANTS_READ);
    const { rows, total } = await this.uow.read.grants.list(scopeOf(actor), query);
    return { rows: rows.map(grantView), total };
  }

  async get(actor: Actor, id: string) {
    assertCan(actor, Permission.GRANTS_READ);
    const grant = await this.uow.read.grants.get(scopeOf(actor), id);
    if (!grant) throw DomainError.notFound('Partner grant');
    return grantView(grant);
  }

  async create(actor: Actor, input: GrantInput) {
    assertCan(actor, Permission.GRANTS_WRITE);
    return authChange(this.uow, this.cache, async (r) => {
      const merchant = await r.merchants.getOwned(scopeOf(actor), input.merchantId);
      if (!merchant)
        throw DomainError.validation([
          { field: 'merchantId', message: 'merchantId names no merchant of yours' },
        ]);
      const partner = input.partnerOrganizationSlug
        ? await r.organizations.findPartnerBySlug(input.partnerOrganizationSlug)
        : input.partnerOrganizationId
          ? await r.organizations.getOwn(input.partnerOrganizationId)
          : null;
      if (!partner || partner.kind !== 'PARTNER') {
        throw DomainError.validation([
          { field: 'partnerOrganizationSlug', message: 'names no partner organization' },
        ]);
      }
      if (await r.grants.findActive(merchant.id, partner.id)) {
        throw DomainError.conflict(
          `${partner.slug} already holds a grant on merchant ${merchant.merchantId}; revoke it first`,
        );
      }
      const grant = await r.grants.create({
        organizationId: merchant.organizationId,
        merchantRef: merchant.id,
        partnerOrganizationId: partner.id,
        scope: input.scope,
      });
      await r.audit.record(
        auditOf(actor, merchant.organizationId, 'create', 'partner-grants', grant.id, {
          ...input,
          partnerOrganizationId: partner.id,
        }),
      );
      return grantView(grant);
    });
  }

  /** Revocation takes effect at once: every access check reads grants from the database. */
  async revoke(actor: Actor, id: string) {
    assertCan(actor, Permission.GRANTS_WRITE);
    return authChange(this.uow, this.cache, async (r) => {
      const existing = await r.grants.getOwned(scopeOf(actor), id);
      if (!existing) throw DomainError.notFound('Partner grant');
      if (existing.revokedAt) return grantView(existing);
      const grant = await r.grants.revoke(scopeOf(actor), id, new Date());
      await r.audit.record(auditOf(actor, existing.organizationId, 'revoke', 'partner-grants', id));
      return grantView(grant);
    });
  }
}
