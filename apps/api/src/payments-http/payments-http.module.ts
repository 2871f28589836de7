import { Module } from '@nestjs/common';
import { PaymentsModule } from '@conduit/payments';
import { NvpController } from '../nvp/nvp.controller';
import { NvpReferenceController } from '../nvp/nvp-reference.controller';
import { RestPaymentsController } from '../rest/rest-payments.controller';
import { RestPlansController } from '../rest/rest-plans.controller';
import { SoapController } from '../soap/soap.controller';
import { CredentialRateLimitGuard } from './rate-limit.guard';

/** The vendor-facing payment interfaces: NVP, REST and SOAP, over the one payments core. */
@Module({
  imports: [PaymentsModule],
  controllers: [
    NvpController,
    NvpReferenceController,
    RestPaymentsController,
    RestPlansController,
    SoapController,
  ],
  providers: [CredentialRateLimitGuard],
})
export class PaymentsHttpModule {}
