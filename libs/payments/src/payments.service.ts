import { Injectable, Optional } from '@nestjs/common';
import {
  type PaymentPrincipal,
  DomainError,
  resolveAction,
  resolveTender,
  TenderType,
  TransactionAction,
} from '@conduit/domain';
import { type ScopedRepositories, UnitOfWork } from '@conduit/db';
import { OutboxSignal } from '@conduit/queues';
import { sha256Hex } from '@conduit/crypto';
import { CredentialAuthService } from '@conduit/tenancy';
import { fromWireId } from './ids';
import { resolveContext } from './payment-context';
import { type PaymentInput, text } from './payment-input';
import { PrimaryPayments } from './primary-payments';
import { SecondaryPayments } from './secondary-payments';
import { type PaymentResult, visibleTo } from './transaction-view';

const CARD_ONLY = new Set([
  TransactionAction.Authorization,
  TransactionAction.Capture,
  TransactionAction.Refund,
  TransactionAction.SaveOnFile,
]);

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

  async execute(principal: PaymentPrincipal, input: PaymentInput): Promise<PaymentResult> {
    const action = resolveAction(input.transactionAction);
    if (action === TransactionAction.ViewReceipt) return this.viewReceipt(principal, input);
    const result = await this.transact(principal, input, action);
    this.outbox?.wake(); // committed: its webhook event can go now
    return result;
  }

  private async transact(
    principal: PaymentPrincipal,
    input: PaymentInput,
    action: TransactionAction,
  ): Promise<PaymentResult> {
    const ctx = await resolveContext(this.access, principal, input);
    if (
      action === TransactionAction.Capture ||
      action === TransactionAction.Void ||
      action === TransactionAction.SimpleRefund
    ) {
      return this.secondary.execute(ctx, input, action);
    }
    const tender = resolveTender(input.transactionType);
    if (tender === TenderType.ECheck) {
      if (CARD_ONLY.has(action))
        throw DomainError.validation([
          { field: 'transactionAction', message: `${action} is not available for eCheck` },
        ]);
      return this.primary.eCheck(ctx, input);
    }
    return this.primary.card(ctx, input, action, tender);
  }

  /**
   * ViewReceipt by transactionID or single sign-on token, through the principal's reach: another
   * tenant's, a restricted credential's other merchants' and an allowlist-refused merchant's
   * transactions are all a 404.
   */
  async viewReceipt(principal: PaymentPrincipal, input: PaymentInput): Promise<PaymentResult> {
    const reach = await this.access.reach(principal);
    const repos = this.uow.read.forScope(reach.scope);
    const token = text(input.singleSignOnToken, 200);
    const id =
      token && !text(input.transactionId)
        ? await this.transactionOfToken(repos, token)
        : fromWireId(input.transactionId, 'Transaction');
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
