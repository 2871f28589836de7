import { Module } from '@nestjs/common';
import { PaymentsModule } from '@conduit/payments';
import { NvpController } from '../nvp/nvp.controller';
import { RestPaymentsController } from '../rest/rest-payments.controller';
import { CredentialRateLimitGuard } from './rate-limit.guard';

/** The vendor-facing payment interfaces: NVP and REST, over the one payments core. */
@Module({
  imports: [PaymentsModule],
  controllers: [NvpController, RestPaymentsController],
  providers: [CredentialRateLimitGuard],
})
export class PaymentsHttpModule {}
