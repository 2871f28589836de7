import { Module } from '@nestjs/common';
import { PaymentsModule } from '@conduit/payments';
import { CredentialRateLimitGuard } from '../payments-http/rate-limit.guard';
import { SsoNvpController } from './sso-nvp.controller';
import { SsoPageController } from './sso-page.controller';
import { SsoRestController } from './sso-rest.controller';

/** Single sign-on: token creation (NVP, REST), polling, and the hosted pages. */
@Module({
  imports: [PaymentsModule],
  controllers: [SsoNvpController, SsoRestController, SsoPageController],
  providers: [CredentialRateLimitGuard],
})
export class SsoHttpModule {}
