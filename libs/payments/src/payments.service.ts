import { Injectable, Optional } from '@nestjs/common';
import { type PaymentPrincipal, DomainError } from '@conduit/domain';
import { type ScopedRepositories, UnitOfWork } from '@conduit/db';
import { OutboxSignal } from '@conduit/queues';
import { sha256Hex } from '@conduit/crypto';
import { CredentialAuthService } from '@conduit/tenancy';
import { fromWireId } from './ids';
import { resolveContext } from './payment-context';
import { countPayments, outcomeOf, type PaymentOutcome } from './payment-metrics';
import type { OutletIds, PaymentCommand, ViewReceiptCommand } from './commands/payment-command';
import { PrimaryPayments } from './primary-payments';
import { SecondaryPayments } from './secondary-payments';
import { type PaymentResult, visibleTo } from './transaction-view';

/**
 * The one implementation of every payment action, whatever interface the request came in on
 * (payments.md). Transports parse and render; everything in between happens here.
 */
@Injectable()
export class PaymentsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: CredentialAuthService,
    private readonly primary: PrimaryPayments,
    private readonly secondary: SecondaryPayments,
    @Optional() private readonly outbox?: OutboxSignal,
  ) {}

  /** Runs a parsed payment command (`parsePaymentCommand` at the transport's edge). */
  async execute(principal: PaymentPrincipal, command: PaymentCommand): Promise<PaymentResult> {
    if (command.kind === 'viewReceipt') return this.viewReceipt(principal, command);
    try {
      const ctx = await resolveContext(this.access, principal, command.outlet);
      const result =
        command.kind === 'secondary'
          ? await this.secondary.execute(ctx, command)
          : command.kind === 'echeck'
            ? await this.primary.eCheck(ctx, command)
            : await this.primary.card(ctx, command);
      this.outbox?.wake(); // committed: its webhook event can go now
      count(command, outcomeOf(result.transaction.status));
      return result;
    } catch (err) {
      count(command, err instanceof DomainError ? 'refused' : 'error');
      throw err;
    }
  }

  /**
   * Whether the outlet's merchant opted out of NVP's refusal of unknown fields (a legacy sender's
   * setting, decision 0025). False when the outlet is not one this principal may use: the request
   * then fails on its own merits.
   */
  async ignoresUnknownNvpFields(principal: PaymentPrincipal, outlet: Record<keyof OutletIds, unknown>) {
    const { merchantId, storeId, terminalId } = outlet;
    if (typeof merchantId !== 'string' || typeof storeId !== 'string' || typeof terminalId !== 'string')
      return false;
    try {
      const { merchant } = await this.access.paymentTarget(principal, merchantId, storeId, terminalId);
      return merchant.ignoreUnknownNvpFields;
    } catch {
      return false;
    }
  }

  /**
   * ViewReceipt by transactionID or single sign-on token, through the principal's reach: another
   * tenant's, a restricted credential's other merchants' and an allowlist-refused merchant's
   * transactions are all a 404.
   */
  async viewReceipt(principal: PaymentPrincipal, command: ViewReceiptCommand): Promise<PaymentResult> {
    const reach = await this.access.reach(principal);
    const repos = this.uow.read.forScope(reach.scope);
    const id =
      'ssoToken' in command.by
        ? await this.transactionOfToken(repos, command.by.ssoToken)
        : command.by.transactionId;
    const row = await repos.transactions.get(id);
    if (!row) throw DomainError.notFound('Transaction');
    const result: PaymentResult = { transaction: visibleTo(reach, row) };
    if (row.primaryId) {
      const primary = await repos.transactions.get(row.primaryId);
      if (primary) result.primaryTransactionStatus = primary.status;
    }
    return result;
  }

  /** ViewReceipt by `singleSignOnToken` (sso-and-polling.md §4): the token's transaction. */
  private async transactionOfToken(repos: ScopedRepositories, token: string): Promise<string> {
    const row = /^[A-Za-z0-9_-]{32,128}$/.test(token) ? await repos.ssoTokens.byHash(sha256Hex(token)) : null;
    if (!row) throw DomainError.notFound('Single sign-on token');
    if (!row.transactionId) throw DomainError.notFound('Transaction for this token');
    return row.transactionId;
  }

  /** A transaction with its secondaries (REST `GET /rest/payment/transaction/{id}`). */
  async transactionWithSecondaries(principal: PaymentPrincipal, wireId: unknown) {
    const id = fromWireId(wireId, 'Transaction');
    const reach = await this.access.reach(principal);
    const repos = this.uow.read.forScope(reach.scope);
    const row = await repos.transactions.get(id);
    if (!row) throw DomainError.notFound('Transaction');
    const [rows, workflow] = await Promise.all([
      repos.transactions.secondariesOf(id),
      repos.webhookDeliveries.workflowOf([id]),
    ]);
    return {
      transaction: visibleTo(reach, row),
      secondaries: rows.map((s) => visibleTo(reach, s)),
      workflowStatus: workflow.get(id) ?? null,
    };
  }
}

/** Approved or declined by the processor; `refused` (a domain error) and `error` never reached it. */
function count(command: Exclude<PaymentCommand, ViewReceiptCommand>, outcome: PaymentOutcome) {
  countPayments(String(command.channel), String(command.action), outcome);
}
