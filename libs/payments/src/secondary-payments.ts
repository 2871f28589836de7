import { Inject, Injectable } from '@nestjs/common';
import {
  assertCapture,
  assertMove,
  assertRefund,
  DomainError,
  ErrorCode,
  parseAmount,
  refundableCents,
  responseMessage,
  TenderType,
  TransactionAction,
  TransactionStatus,
} from '@conduit/domain';
import { type MerchantRepositories, type TransactionRow, UnitOfWork } from '@conduit/db';
import type { ProcessorConnector, ProcessorOutcome } from '@conduit/processor';
import { fromWireId, newId } from './ids';
import { commonColumns, outletNumbers, type PaymentContext, record } from './payment-context';
import type { PaymentInput } from './payment-input';
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

const tenderKind = (t: TransactionRow) => (t.tender === TenderType.ECheck ? 'echeck' : 'card');

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

  execute(ctx: PaymentContext, input: PaymentInput, action: TransactionAction): Promise<PaymentResult> {
    const primaryId = fromWireId(input.primaryTransactionId, 'Primary transaction');
    const requested =
      input.amount === undefined || input.amount === '' ? undefined : parseAmount(input.amount);
    return this.uow.run(async (r) => {
      const at = r.atMerchant(ctx.merchant);
      const primary = await at.transactions.primaryForUpdate(primaryId);
      if (!primary) throw DomainError.notFound('Primary transaction');
      const status = primary.status as TransactionStatus;
      const authorized = Number(primary.amountCents);
      const merchantId = ctx.merchant.merchantId;
      const reference = primary.processorReference ?? '';
      let amountCents: number;
      let outcome: ProcessorOutcome;
      let primaryChange: Parameters<MerchantRepositories['transactions']['update']>[1];
      if (action === TransactionAction.Capture) {
        if (primary.tender === TenderType.ECheck)
          throw new DomainError(
            ErrorCode.ILLEGAL_STATE,
            'eCheck transactions are settled as sales and are not captured',
          );
        amountCents = requested ?? authorized;
        assertCapture({ status, authorizedCents: authorized, amountCents });
        outcome = await this.processor.capture({ merchantId, reference, amountCents });
        primaryChange = {
          status: TransactionStatus.Captured,
          amountCents: BigInt(amountCents),
          capturedAt: new Date(),
        };
      } else if (action === TransactionAction.Void) {
        assertMove(status, TransactionStatus.Voided, tenderKind(primary));
        amountCents = authorized - Number(primary.refundedCents);
        outcome = await this.processor.void({ merchantId, reference });
        primaryChange = { status: TransactionStatus.Voided };
      } else {
        const remaining = refundableCents(authorized, Number(primary.refundedCents));
        amountCents = requested ?? remaining;
        assertRefund({
          status,
          capturedAt: primary.capturedAt ?? primary.createdAt,
          now: new Date(),
          amountCents,
          capturedCents: authorized,
          refundedCents: Number(primary.refundedCents),
        });
        outcome =
          primary.tender === TenderType.ECheck
            ? await this.processor.refundECheck({ merchantId, reference, amountCents })
            : await this.processor.refund({ merchantId, reference, amountCents });
        primaryChange = { refundedCents: primary.refundedCents + BigInt(amountCents) };
      }
      const updated = outcome.approved ? await at.transactions.update(primary.id, primaryChange) : primary;
      const primaryView = viewOf(updated);
      const view = await record(
        at,
        {
          id: newId(),
          ...inherit(commonColumns(ctx, input), primary),
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
          cardBrand: primary.cardBrand,
          cardBin: primary.cardBin,
          cardLast4: primary.cardLast4,
          cardExpMonth: primary.cardExpMonth,
          cardExpYear: primary.cardExpYear,
          cardHolderName: primary.cardHolderName,
          paymentCardType: primary.paymentCardType,
          entryMode: primary.entryMode,
          cardPresentStatus: primary.cardPresentStatus,
          routingNumber: primary.routingNumber,
          accountLast4: primary.accountLast4,
          accountType: primary.accountType,
          checkNumber: primary.checkNumber,
          capturedAt: outcome.approved && action !== TransactionAction.Void ? new Date() : null,
        },
        outletNumbers(ctx),
        primaryView,
      );
      return { transaction: view, primaryTransactionStatus: primaryView.status };
    });
  }
}
