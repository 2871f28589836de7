import { Module } from '@nestjs/common';
import { IdempotencyService } from './idempotency.service';
import { PaymentsService } from './payments.service';
import { PrimaryPayments } from './primary-payments';
import { CheckImageStore } from './check-images/check-image-store';
import { CheckImagesReviewService } from './check-images/check-images-review.service';
import { SecondaryPayments } from './secondary-payments';
import { VaultService } from './vault.service';
import { PaymentsCoreModule } from './payments-core.module';
import { TransactionsReviewService } from './review/transactions-review.service';
import { TransactionPageService } from './review/transaction-page.service';
import { SsoService } from './sso/sso.service';
import { SsoPageService } from './sso/sso-page.service';
import { SsoReviewService } from './sso/sso-review.service';
import { TakePaymentService } from './sso/take-payment.service';
import { SsoPlanPageService } from './sso/sso-plan-page.service';
import { PlanCardReplacementService } from './sso/plan-card-replacement.service';
import { BankAccountVault } from './plans/bank-account-vault';
import { PaymentPlansService } from './plans/payment-plans.service';
import { PlanChargesService } from './plans/plan-charges.service';
import { TerminalsAdminService } from './terminals/terminals-admin.service';
import { TerminalActionsService } from './terminals/terminal-actions.service';
import { TerminalDevicesService } from './terminals/terminal-devices.service';

/** The credential-facing payment services (api): the core plus what needs API principals. */
@Module({
  imports: [PaymentsCoreModule],
  providers: [
    VaultService,
    CheckImageStore,
    PrimaryPayments,
    SecondaryPayments,
    PaymentsService,
    IdempotencyService,
    TransactionsReviewService,
    CheckImagesReviewService,
    TransactionPageService,
    SsoService,
    SsoPageService,
    SsoReviewService,
    TakePaymentService,
    SsoPlanPageService,
    PlanCardReplacementService,
    BankAccountVault,
    PaymentPlansService,
    PlanChargesService,
    TerminalsAdminService,
    TerminalActionsService,
    TerminalDevicesService,
  ],
  exports: [
    TerminalsAdminService,
    TerminalActionsService,
    TerminalDevicesService,
    PaymentsCoreModule,
    PaymentsService,
    IdempotencyService,
    VaultService,
    TransactionsReviewService,
    CheckImagesReviewService,
    TransactionPageService,
    SsoService,
    SsoPageService,
    SsoReviewService,
    TakePaymentService,
    SsoPlanPageService,
    PlanCardReplacementService,
    PaymentPlansService,
    PlanChargesService,
  ],
})
export class PaymentsModule {}
