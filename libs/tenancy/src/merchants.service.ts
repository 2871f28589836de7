import { Injectable, Optional } from '@nestjs/common';
import {
  type Actor,
  assertCan,
  DomainError,
  isValidTimeZone,
  owningOrganization,
  Permission,
  scopeOf,
} from '@conduit/domain';
import { type ListQuery, type MerchantWrite, UnitOfWork } from '@conduit/db';
import { auditOf } from './audit';
import { cleanAllowlist } from './cidr-list';
import { merchantView } from './views';
import { authChange, CredentialCache } from './credential-cache';

export type MerchantInput = MerchantWrite & { merchantId?: string; organizationId?: string };

function checkTimeZone(zone: string | undefined) {
  if (zone !== undefined && !isValidTimeZone(zone)) {
    throw DomainError.validation([
      { field: 'timeZone', message: `timeZone "${zone}" is not an IANA time zone` },
    ]);
  }
}

@Injectable()
export class MerchantsService {
  constructor(
    private readonly uow: UnitOfWork,
    @Optional() private readonly cache?: CredentialCache,
  ) {}

  async list(actor: Actor, query: ListQuery) {
    assertCan(actor, Permission.MERCHANTS_READ);
    const { rows, total } = await this.uow.read.merchants.list(scopeOf(actor), query);
    return { rows: rows.map(merchantView), total };
  }

  async get(actor: Actor, merchantId: string) {
    assertCan(actor, Permission.MERCHANTS_READ);
    const merchant = await this.uow.read.merchants.getReadable(scopeOf(actor), merchantId);
    if (!merchant) throw DomainError.notFound('Merchant');
    return merchantView(merchant);
  }

  async create(actor: Actor, input: MerchantInput & { merchantId: string; name: string }) {
    assertCan(actor, Permission.MERCHANTS_WRITE);
    checkTimeZone(input.timeZone);
    const organizationId = owningOrganization(actor, input.organizationId);
    const data = { ...input, ipAllowlist: cleanAllowlist(input.ipAllowlist) ?? [] };
    return authChange(this.uow, this.cache, async (r) => {
      const org = await r.organizations.get(scopeOf(actor), organizationId);
      if (!org)
        throw DomainError.validation([
          { field: 'organizationId', message: 'organizationId names no organization' },
        ]);
      if (org.kind !== 'PRACTICE')
        throw DomainError.validation([
          { field: 'organizationId', message: 'only practice organizations have merchants' },
        ]);
      if (await r.merchants.merchantIdTaken(input.merchantId))
        throw DomainError.conflict(`merchantId ${input.merchantId} is already in use`);
      const { merchantId, organizationId: _ignored, ...rest } = data;
      const merchant = await r.merchants.create(organizationId, merchantId, rest);
      await r.audit.record(auditOf(actor, organizationId, 'create', 'merchants', merchantId, data));
      return merchantView(merchant);
    });
  }

  async update(actor: Actor, merchantId: string, input: MerchantInput) {
    assertCan(actor, Permission.MERCHANTS_WRITE);
    checkTimeZone(input.timeZone);
    const { merchantId: _id, organizationId: _org, ...rest } = input;
    const data = { ...rest, ipAllowlist: cleanAllowlist(input.ipAllowlist) };
    return authChange(this.uow, this.cache, async (r) => {
      const existing = await r.merchants.getOwned(scopeOf(actor), merchantId);
      if (!existing) throw DomainError.notFound('Merchant');
      const merchant = await r.merchants.update(existing.id, data);
      await r.audit.record(auditOf(actor, existing.organizationId, 'update', 'merchants', merchantId, data));
      return merchantView(merchant);
    });
  }
}
