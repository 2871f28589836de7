import { Injectable, Optional } from '@nestjs/common';
import { type Actor, assertCan, DomainError, Permission, scopeOf } from '@conduit/domain';
import { type ListQuery, UnitOfWork } from '@conduit/db';
import { auditOf } from './audit';
import { outletView } from './views';
import { authChange, CredentialCache } from './credential-cache';

export interface OutletInput {
  merchantId: string;
  storeId: string;
  terminalId: string;
  name?: string | null;
  active?: boolean;
}

@Injectable()
export class OutletsService {
  constructor(
    private readonly uow: UnitOfWork,
    @Optional() private readonly cache?: CredentialCache,
  ) {}

  async list(actor: Actor, query: ListQuery) {
    assertCan(actor, Permission.MERCHANTS_READ);
    const { rows, total } = await this.uow.read.outlets.list(scopeOf(actor), query);
    return { rows: rows.map(outletView), total };
  }

  async get(actor: Actor, id: string) {
    assertCan(actor, Permission.MERCHANTS_READ);
    const outlet = await this.uow.read.outlets.getReadable(scopeOf(actor), id);
    if (!outlet) throw DomainError.notFound('Outlet');
    return outletView(outlet);
  }

  async create(actor: Actor, input: OutletInput) {
    assertCan(actor, Permission.MERCHANTS_WRITE);
    return authChange(this.uow, this.cache, async (r) => {
      const merchant = await r.merchants.getOwned(scopeOf(actor), input.merchantId);
      if (!merchant)
        throw DomainError.validation([
          { field: 'merchantId', message: 'merchantId names no merchant of yours' },
        ]);
      if (await r.outlets.exists(merchant.id, input.storeId, input.terminalId)) {
        throw DomainError.conflict(
          `outlet ${input.storeId}/${input.terminalId} already exists on merchant ${input.merchantId}`,
        );
      }
      const outlet = await r.outlets.create({
        organizationId: merchant.organizationId,
        merchantRef: merchant.id,
        storeId: input.storeId,
        terminalId: input.terminalId,
        name: input.name ?? null,
      });
      await r.audit.record(
        auditOf(actor, merchant.organizationId, 'create', 'outlets', outlet.id, { ...input }),
      );
      return outletView(outlet);
    });
  }

  async update(actor: Actor, id: string, input: Partial<OutletInput>) {
    assertCan(actor, Permission.MERCHANTS_WRITE);
    return authChange(this.uow, this.cache, async (r) => {
      const existing = await r.outlets.getOwned(scopeOf(actor), id);
      if (!existing) throw DomainError.notFound('Outlet');
      const outlet = await r.outlets.update(scopeOf(actor), id, { name: input.name, active: input.active });
      await r.audit.record(
        auditOf(actor, existing.organizationId, 'update', 'outlets', id, {
          name: input.name,
          active: input.active,
        }),
      );
      return outletView(outlet);
    });
  }

  async remove(actor: Actor, id: string) {
    assertCan(actor, Permission.MERCHANTS_WRITE);
    return authChange(this.uow, this.cache, async (r) => {
      const existing = await r.outlets.getOwned(scopeOf(actor), id);
      if (!existing) throw DomainError.notFound('Outlet');
      const outlet = await r.outlets.delete(scopeOf(actor), id);
      await r.audit.record(auditOf(actor, existing.organizationId, 'delete', 'outlets', id));
      return outletView(outlet);
    });
  }
}
