import { Module } from '@nestjs/common';
import {
  CredentialAuthService,
  CredentialCache,
  ListeningCredentialCache,
  LOGIN_THROTTLE,
  type LoginThrottle,
} from '@conduit/tenancy';
import { DomainError } from '@conduit/domain';
import { PaymentsCoreModule } from '../payments-core.module';
import { PaymentsService } from '../payments.service';
import { PrimaryPayments } from '../primary-payments';
import { SecondaryPayments } from '../secondary-payments';
import { VaultService } from '../vault.service';
import { BatchFilesQueue } from './batch-files-queue';
import { BatchImportService } from './batch-import.service';
import { ImportSales } from './import-sales';
import { BankAccountVault } from '../plans/bank-account-vault';
import { PaymentPlansService } from '../plans/payment-plans.service';
import { PlanChargesService } from '../plans/plan-charges.service';

/**
 * A batch principal never signs in through the API's credential check, so the payments engine
 * outside the api needs no login throttle: this one refuses, should anything ever try.
 */
const noSignIn: LoginThrottle = {
  attempt: () => Promise.reject(DomainError.forbidden('No API sign-in in this process')),
  succeeded: () => Promise.resolve(),
};

/**
 * The payments engine for processes that are not the api (the worker's import files, the file
 * gateway's uploads): PaymentsService on the shared core, without the api's auth module. The
 * credential cache listens for changes as in the api (decision 0010), so a record's merchant
 * and outlet are not read again for each of 100,000 lines.
 */
@Module({
  imports: [PaymentsCoreModule],
  providers: [
    { provide: LOGIN_THROTTLE, useValue: noSignIn },
    { provide: CredentialCache, useClass: ListeningCredentialCache },
    CredentialAuthService,
    VaultService,
    PrimaryPayments,
    SecondaryPayments,
    PaymentsService,
    ImportSales,
    BatchFilesQueue,
    BatchImportService,
    BankAccountVault,
    PaymentPlansService,
    PlanChargesService,
  ],
  exports: [BatchImportService, BatchFilesQueue, PaymentPlansService, PlanChargesService],
})
export class BatchImportModule {}
