import { Injectable, Optional } from '@nestjs/common';
import {
  type PaymentPrincipal,
  DomainError,
  organizationScope,
  resolveAction,
  resolveTender,
  TenderType,
  TransactionAction,
} from '@conduit/domain';
import { UnitOfWork } from '@conduit/db';
import { OutboxSignal } from '@conduit/queues';
import { sha256Hex } from '@conduit/crypto';
import { CredentialAuthService } from '@conduit/tenancy';
import { fromWireId } from './ids';
import { resolveContext } from './payment-context';
import { type PaymentInput, text } from './payment-input';
import { PrimaryPayments } from './primary-payments';
import { SecondaryPayments } from './secondary-payments';
import { type PaymentResult, viewOf } from './transaction-view';

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

  /** ViewReceipt by transactionID (another tenant's is a 404). */
  async viewReceipt(principal: PaymentPrincipal, input: PaymentInput): Promise<PaymentResult> {
    const scope = organizationScope(principal.organizationId);
    const token = text(input.singleSignOnToken, 200);
    const id =
      token && !text(input.transactionId)
        ? await this.transactionOfToken(principal, token)
        : fromWireId(input.transactionId, 'Transaction');
    const row = await this.uow.read.transactions.get(scope, id);
    if (!row) throw DomainError.notFound('Transaction');
    if (principal.merchantIds.length && !principal.merchantIds.includes(row.merchant.merchantId))
      throw DomainError.notFound('Transaction');
    const result: PaymentResult = { transaction: viewOf(row) };
    if (row.primaryId) {
      const primary = await this.uow.read.transactions.get(scope, row.primaryId);
      if (primary) result.primaryTransactionStatus = primary.status;
    }
    return result;
  }

  /** ViewReceipt by `singleSignOnToken` (sso-and-polling.md §4): the token's transaction. */
  private async transactionOfToken(principal: PaymentPrincipal, token: string): Promise<string> {
    const row = /^[A-Za-z0-9_-]{32,128}$/.test(token)
      ? await this.uow.read.ssoTokens.byHashFor(organizationScope(principal.organizationId), sha256Hex(token))
      : null;
    if (!row || (principal.merchantIds.length && !principal.merchantIds.includes(row.merchant.merchantId)))
      throw DomainError.notFound('Single sign-on token');
    if (!row.transactionId) throw DomainError.notFound('Transaction for this token');
    return row.transactionId;
  }

  /** A transaction with its secondaries (REST `GET /rest/payment/transaction/{id}`). */
  async transactionWithSecondaries(principal: PaymentPrincipal, wireId: unknown) {
    const { transaction } = await this.viewReceipt(principal, { channel: 'REST', transactionId: wireId });
    const id = fromWireId(wireId, 'Transaction');
    const [rows, workflow] = await Promise.all([
      this.uow.read.transactions.secondariesOf(id),
      this.uow.read.webhookDeliveries.workflowOf([id]),
    ]);
    return { transaction, secondaries: rows.map(viewOf), workflowStatus: workflow.get(id) ?? null };
  }
}
