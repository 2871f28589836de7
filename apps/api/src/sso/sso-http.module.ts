import { Module } from '@nestjs/common';
import { PaymentsModule } from '@conduit/payments';
import { loggerProvider } from '../http/logger.provider';
import { CredentialRateLimitGuard } from '../payments-http/rate-limit.guard';
import { SsoNvpController } from './sso-nvp.controller';
import { SsoPageController } from './sso-page.controller';
import { SsoRestController } from './sso-rest.controller';
import { SsoStatusRoute } from './sso-status.route';

/** Single sign-on: token creation (NVP, REST), polling, and the hosted pages. */
@Module({
  imports: [PaymentsModule],
  controllers: [SsoNvpController, SsoRestController, SsoPageController],
  providers: [loggerProvider, CredentialRateLimitGuard, SsoStatusRoute],
})
export class SsoHttpModule {}
