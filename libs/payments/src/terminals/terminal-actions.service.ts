import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  CANCELLABLE_STATES,
  type CredentialPrincipal,
  DomainError,
  ErrorCode,
  OPEN_STATES,
  type TerminalActionRequest,
} from '@conduit/domain';
import { type TerminalActionRow, type TerminalRow, UnitOfWork } from '@conduit/db';
import { CredentialAuthService } from '@conduit/tenancy';
import { newId, toWireId } from '../ids';
import { PaymentsService } from '../payments.service';
import type { PaymentResult } from '../transaction-view';
import { terminalAudit } from './terminal-audit';
import { TERMINAL_SIGNAL, type TerminalSignal } from './terminal-signal';
import { type ActionView, actionView } from './terminal-view';

/** An action and, once it made one, its transaction as the caller may see it. */
export interface ActionResult {
  action: ActionView;
  payment: PaymentResult | null;
}

export interface TerminalListing {
  TerminalDeviceID: string;
  Label: string;
  Model: string | null;
  SerialNumber: string | null;
  Status: string;
  Online: boolean;
  LastSeenAt: string | null;
  Outlet: { MerchantID: string; StoreID: string; TerminalID: string };
}

/**
 * A vendor's server driving terminals (devices.md "Server-driven terminals"): ask one for a
 * payment, read the action, cancel it. The credential must be allowed to transact at the
 * terminal's merchant; any other terminal is a 404, as if it did not exist. Each change is one
 * database transaction with its audit entry; the replica holding the socket is then woken.
 */
@Injectable()
export class TerminalActionsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: CredentialAuthService,
    private readonly payments: PaymentsService,
    @Optional() @Inject(TERMINAL_SIGNAL) private readonly signal?: TerminalSignal,
  ) {}

  private async terminal(principal: CredentialPrincipal, terminalDeviceId: string): Promise<TerminalRow> {
    const reach = await this.access.reach(principal);
    const row = /^tmd_[0-9a-z]{24}$/.test(terminalDeviceId)
      ? await this.uow.read.forScope(reach.scope).terminals.byDeviceId(terminalDeviceId)
      : null;
    if (!row || !reach.mayTransact(row.merchantRef)) throw DomainError.notFound('Terminal');
    return row;
  }

  async list(principal: CredentialPrincipal): Promise<TerminalListing[]> {
    const reach = await this.access.reach(principal);
    const rows = (await this.uow.read.forScope(reach.scope).terminals.active()).filter((t) =>
      reach.mayTransact(t.merchantRef),
    );
    const online = (await this.signal?.online(rows.map((t) => t.terminalDeviceId))) ?? new Set<string>();
    return rows.map((t) => ({
      TerminalDeviceID: t.terminalDeviceId,
      Label: t.label,
      Model: t.model,
      SerialNumber: t.serialNumber,
      Status: t.status === 'PAIRED' ? 'Paired' : 'PendingPairing',
      Online: t.status === 'PAIRED' && online.has(t.terminalDeviceId),
      LastSeenAt: t.lastSeenAt?.toISOString() ?? null,
      Outlet: {
        MerchantID: t.merchant.merchantId,
        StoreID: t.outlet.storeId,
        TerminalID: t.outlet.terminalId,
      },
    }));
  }

  /** Queues a payment on the terminal: 409 when it is offline or already has an open action. */
  async process(
    principal: CredentialPrincipal,
    terminalDeviceId: string,
    request: TerminalActionRequest,
  ): Promise<ActionResult> {
    const t = await this.terminal(principal, terminalDeviceId);
    const online =
      t.status === 'PAIRED' && (await this.signal?.online([terminalDeviceId]))?.has(terminalDeviceId);
    if (!online) throw DomainError.conflict('Terminal is offline');
    const id = newId();
    const merchant = { id: t.merchantRef, organizationId: t.organizationId };
    const row = await this.uow.run(async (r) => {
      const repo = r.atMerchant(merchant).terminals;
      const inserted = await repo.insertAction({
        id,
        terminalRef: t.id,
        credentialId: principal.credentialId,
        action: request.action,
        amountCents: BigInt(request.amountCents),
        entryModes: request.entryModes,
        timeoutSeconds: request.timeoutSeconds,
        request: { patient: request.patient, additionalInfo: request.additionalInfo },
        state: 'PENDING',
        expiresAt: new Date(Date.now() + request.timeoutSeconds * 1000),
      });
      if (!inserted) return null;
      await r.audit.record(
        terminalAudit(principal, t.organizationId, 'terminal-action.requested', id, {
          terminalDeviceId,
          action: request.action,
          amountCents: request.amountCents,
        }),
      );
      return repo.action(id);
    });
    if (!row) {
      const open = await this.uow.read.forScope(await this.scopeOf(principal)).terminals.currentAction(t.id);
      throw new DomainError(
        ErrorCode.CONFLICT,
        `Terminal already has an open action${open ? ` ${toWireId(open.id)}` : ''}; cancel it or wait for its result`,
      );
    }
    await this.signal?.wake(terminalDeviceId);
    return { action: actionView(row, terminalDeviceId), payment: null };
  }

  /** The terminal's open action, else its latest; 404 when it never had one. */
  async current(principal: CredentialPrincipal, terminalDeviceId: string): Promise<ActionResult> {
    const t = await this.terminal(principal, terminalDeviceId);
    const row = await this.uow.read.forScope(await this.scopeOf(principal)).terminals.currentAction(t.id);
    if (!row) throw DomainError.notFound('Terminal action');
    return this.withPayment(principal, row, terminalDeviceId);
  }

  /** Cancels the open action before a card reached the server; 409 once it is processing or done. */
  async cancel(principal: CredentialPrincipal, terminalDeviceId: string): Promise<ActionResult> {
    const t = await this.terminal(principal, terminalDeviceId);
    const current = await this.uow.read.forScope(await this.scopeOf(principal)).terminals.currentAction(t.id);
    if (!current) throw DomainError.notFound('Terminal action');
    const merchant = { id: t.merchantRef, organizationId: t.organizationId };
    const moved = await this.uow.run(async (r) => {
      const row = await r.atMerchant(merchant).terminals.move(current.id, CANCELLABLE_STATES, {
        state: 'CANCELLED',
        completedAt: new Date(),
        errorMessage: 'Cancelled by the vendor',
      });
      if (row)
        await r.audit.record(
          terminalAudit(principal, t.organizationId, 'terminal-action.cancelled', current.id, {
            terminalDeviceId,
          }),
        );
      return row;
    });
    if (!moved) {
      const now = await this.uow.read.atMerchant(merchant).terminals.action(current.id);
      throw DomainError.conflict(
        now && OPEN_STATES.includes(now.state as never)
          ? 'The card is already being processed; the action can no longer be cancelled'
          : 'The action is already finished',
      );
    }
    await this.signal?.wake(terminalDeviceId);
    return { action: actionView(moved, terminalDeviceId), payment: null };
  }

  private async scopeOf(principal: CredentialPrincipal) {
    return (await this.access.reach(principal)).scope;
  }

  private async withPayment(
    principal: CredentialPrincipal,
    row: TerminalActionRow,
    terminalDeviceId: string,
  ): Promise<ActionResult> {
    const payment = row.transactionId
      ? await this.payments.viewReceipt(principal, {
          kind: 'viewReceipt',
          channel: 'REST',
          by: { transactionId: row.transactionId },
        })
      : null;
    return { action: actionView(row, terminalDeviceId), payment };
  }
}
