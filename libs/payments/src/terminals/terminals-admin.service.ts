import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  type Actor,
  assertCan,
  DomainError,
  formatPairingCode,
  PAIRING_CODE_TTL_MS,
  Permission,
  scopeOf,
} from '@conduit/domain';
import { type ListQuery, type TerminalRow, UnitOfWork } from '@conduit/db';
import { auditOf } from '@conduit/tenancy';
import { DataKeys } from '../data-keys.service';
import { newId } from '../ids';
import { newPairingCode, newTerminalDeviceId } from './terminal-credentials';
import { TERMINAL_SIGNAL, type TerminalSignal } from './terminal-signal';
import { type TerminalRecord, terminalRecord } from './terminal-view';

export interface NewTerminalInput {
  outletId: string;
  label: string;
}

/**
 * Terminals in the console (admin API): everyone who may read lists them; practice admins (and
 * platform admins) create them for their outlets, issue pairing codes and revoke them. Each
 * change is one database transaction with its audit entry.
 */
@Injectable()
export class TerminalsAdminService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly dataKeys: DataKeys,
    @Optional() @Inject(TERMINAL_SIGNAL) private readonly signal?: TerminalSignal,
  ) {}

  private async records(rows: TerminalRow[]): Promise<TerminalRecord[]> {
    const online = (await this.signal?.online(rows.map((t) => t.terminalDeviceId))) ?? new Set<string>();
    return rows.map((t) => terminalRecord(t, online.has(t.terminalDeviceId)));
  }

  async list(actor: Actor, query: ListQuery) {
    assertCan(actor, Permission.TERMINALS_READ);
    const { rows, total } = await this.uow.read.forScope(scopeOf(actor)).terminals.list(query);
    return { rows: await this.records(rows), total };
  }

  async get(actor: Actor, id: string): Promise<TerminalRecord> {
    assertCan(actor, Permission.TERMINALS_READ);
    const row = await this.uow.read.forScope(scopeOf(actor)).terminals.get(id);
    if (!row) throw DomainError.notFound('Terminal');
    return (await this.records([row]))[0];
  }

  /** A terminal the actor manages: its own organization's (any, for a platform admin). */
  private async managed(actor: Actor, id: string): Promise<TerminalRow> {
    assertCan(actor, Permission.TERMINALS_MANAGE);
    const row = await this.uow.read.forScope(scopeOf(actor)).terminals.get(id);
    if (!row || (actor.organizationId && row.organizationId !== actor.organizationId))
      throw DomainError.notFound('Terminal');
    return row;
  }

  async create(actor: Actor, input: NewTerminalInput): Promise<TerminalRecord & { pairingCode: string }> {
    assertCan(actor, Permission.TERMINALS_MANAGE);
    const outlet = await this.uow.read.outlets.getOwned(scopeOf(actor), input.outletId);
    if (!outlet) throw DomainError.notFound('Outlet');
    if (!outlet.active) throw DomainError.forbidden('This outlet is deactivated');
    const code = newPairingCode();
    const row = await this.uow.run(async (r) => {
      const created = await r
        .atMerchant({ id: outlet.merchantRef, organizationId: outlet.organizationId })
        .terminals.insert({
          id: newId(),
          terminalDeviceId: newTerminalDeviceId(),
          outletRef: outlet.id,
          label: input.label,
          status: 'PENDING_PAIRING',
          pairingCodeHash: this.dataKeys.pairingCodes.of(code).fingerprint,
          pairingCodeExpiresAt: new Date(Date.now() + PAIRING_CODE_TTL_MS),
        });
      await r.audit.record(
        auditOf(actor, created.organizationId, 'terminal.created', 'terminal', created.id, {
          terminalDeviceId: created.terminalDeviceId,
          outletId: outlet.id,
          label: input.label,
        }),
      );
      return created;
    });
    return { ...(await this.records([row]))[0], pairingCode: formatPairingCode(code) };
  }

  /** A new pairing code; the old device secret stops working (the device must pair again). */
  async newPairingCode(actor: Actor, id: string): Promise<TerminalRecord & { pairingCode: string }> {
    const current = await this.managed(actor, id);
    if (current.status === 'REVOKED') throw DomainError.conflict('This terminal is revoked');
    const code = newPairingCode();
    const row = await this.uow.run(async (r) => {
      const updated = await r
        .atMerchant({ id: current.merchantRef, organizationId: current.organizationId })
        .terminals.update(id, {
          status: 'PENDING_PAIRING',
          pairingCodeHash: this.dataKeys.pairingCodes.of(code).fingerprint,
          pairingCodeExpiresAt: new Date(Date.now() + PAIRING_CODE_TTL_MS),
          secretHash: null,
        });
      await r.audit.record(auditOf(actor, updated.organizationId, 'terminal.pairing-code', 'terminal', id));
      return updated;
    });
    await this.signal?.disconnect(row.terminalDeviceId);
    return { ...(await this.records([row]))[0], pairingCode: formatPairingCode(code) };
  }

  async revoke(actor: Actor, id: string): Promise<TerminalRecord> {
    const current = await this.managed(actor, id);
    const row = await this.uow.run(async (r) => {
      const updated = await r
        .atMerchant({ id: current.merchantRef, organizationId: current.organizationId })
        .terminals.update(id, {
          status: 'REVOKED',
          pairingCodeHash: null,
          pairingCodeExpiresAt: null,
          secretHash: null,
        });
      await r.audit.record(auditOf(actor, updated.organizationId, 'terminal.revoked', 'terminal', id));
      return updated;
    });
    await this.signal?.disconnect(row.terminalDeviceId);
    return (await this.records([row]))[0];
  }
}
