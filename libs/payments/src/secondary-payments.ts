import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  planSecondary,
  type PrimaryMoney,
  type SecondaryAction,
  responseMessage,
  TenderType,
  TransactionAction,
  TransactionStatus,
} from '@conduit/domain';
import { type MerchantRepositories, type TransactionRow, UnitOfWork } from '@conduit/db';
import type { ProcessorConnector, ProcessorOutcome } from '@conduit/processor';
import { newId } from './ids';
import { commonColumns, instrumentOf, outletNumbers, type PaymentContext, record } from './payment-context';
import type { SecondaryCommand } from './commands/payment-command';
import { PROCESSOR } from './processor.token';
import { type PaymentResult, viewOf } from './transaction-view';

/** A secondary keeps its primary's patient and free fields unless the request gives its own. */
function inherit(own: ReturnType<typeof commonColumns>, primary: TransactionRow) {
  return {
    ...own,
    patientId: own.patientId ?? primary.patientId,
    patientAccountNumber: own.patientAccountNumber ?? primary.patientAccountNumber,
    patientFirstName: own.patientFirstName ?? primary.patientFirstName,
    patientLastName: own.patientLastName ?? primary.patientLastName,
    patientBirthDate: own.patientBirthDate ?? primary.patientBirthDate,
    additionalInfo: own.additionalInfo.map((v, i) => v || primary.additionalInfo[i] || ''),
  };
}

/** The money a primary row records, for the rules in libs/domain (planSecondary). */
function moneyOf(t: TransactionRow): PrimaryMoney {
  return {
    status: t.status as TransactionStatus,
    tender: t.tender === TenderType.ECheck ? 'echeck' : 'card',
    amountCents: Number(t.amountCents),
    refundedCents: Number(t.refundedCents),
    capturedAt: t.capturedAt ?? t.createdAt,
  };
}

/** The columns of the primary that an accepted secondary changes. */
function changeOf(
  t: TransactionRow,
  next: PrimaryMoney,
): Parameters<MerchantRepositories['transactions']['update']>[1] {
  const change: Parameters<MerchantRepositories['transactions']['update']>[1] = {};
  if (next.status !== t.status) change.status = next.status;
  if (next.amountCents !== Number(t.amountCents)) change.amountCents = BigInt(next.amountCents);
  if (next.refundedCents !== Number(t.refundedCents)) change.refundedCents = BigInt(next.refundedCents);
  if (next.status === TransactionStatus.Captured && t.status === TransactionStatus.Authorized)
    change.capturedAt = next.capturedAt;
  return change;
}

/**
 * Capture, Void and SimpleRefund. Each locks the primary row for its database transaction, so
 * two captures (or a void racing a refund) of one authorization cannot both succeed.
 */
@Injectable()
export class SecondaryPayments {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(PROCESSOR) private readonly processor: ProcessorConnector,
  ) {}

  execute(ctx: PaymentContext, command: SecondaryCommand): Promise<PaymentResult> {
    const { action, primaryId, amountCents: requested } = command;
    return this.uow.run(async (r) => {
      const at = r.atMerchant(ctx.merchant);
      const primary = await at.transactions.primaryForUpdate(primaryId);
      if (!primary) throw DomainError.notFound('Primary transaction');
      const merchantId = ctx.merchant.merchantId;
      const reference = primary.processorReference ?? '';
      const plan = planSecondary(moneyOf(primary), action as SecondaryAction, requested, new Date());
      const amountCents = plan.amountCents;
      let outcome: ProcessorOutcome;
      if (action === TransactionAction.Capture)
        outcome = await this.processor.capture({ merchantId, reference, amountCents });
      else if (action === TransactionAction.Void)
        outcome = await this.processor.void({ merchantId, reference });
      else if (primary.tender === TenderType.ECheck)
        outcome = await this.processor.refundECheck({ merchantId, reference, amountCents });
      else outcome = await this.processor.refund({ merchantId, reference, amountCents });
      const primaryChange = changeOf(primary, plan.next);
      const updated = outcome.approved ? await at.transactions.update(primary.id, primaryChange) : primary;
      const primaryView = viewOf(updated);
      const view = await record(
        at,
        {
          id: newId(),
          ...inherit(commonColumns(ctx, command), primary),
          primaryId: primary.id,
          action,
          tender: primary.tender,
          status: !outcome.approved
            ? TransactionStatus.Declined
            : action === TransactionAction.Void
              ? TransactionStatus.Voided
              : TransactionStatus.Captured,
          responseCode: outcome.responseCode,
          responseMessage: responseMessage(outcome.responseCode),
          requestCents: BigInt(amountCents),
          amountCents: BigInt(outcome.approved ? amountCents : 0),
          authorizationNumber: outcome.authorizationNumber ?? primary.authorizationNumber,
          processorReference: outcome.reference,
          paymentMethodId: primary.paymentMethodId,
          ...instrumentOf(primary),
          capturedAt: outcome.approved && action !== TransactionAction.Void ? new Date() : null,
        },
        outletNumbers(ctx),
        primaryView,
      );
      return { transaction: view, primaryTransactionStatus: primaryView.status };
    });
  }
}
