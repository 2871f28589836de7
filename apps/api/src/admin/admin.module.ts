import { Module } from '@nestjs/common';
import {
  AuditLogService,
  CredentialsService,
  MerchantsService,
  OrganizationsService,
  OutletsService,
  PartnerGrantsService,
  PlatformInfoService,
  UsersService,
} from '@conduit/tenancy';
import { AuditLogController } from './audit-log.controller';
import { AuthController } from './auth.controller';
import { CredentialsController } from './credentials.controller';
import { MerchantsController } from './merchants.controller';
import { OrganizationsController } from './organizations.controller';
import { OutletsController } from './outlets.controller';
import { PartnerGrantsController } from './partner-grants.controller';
import { PlatformInfoController } from './platform-info.controller';
import { UsersController } from './users.controller';
import { TransactionsController } from './transactions.controller';
import { PaymentsModule } from '@conduit/payments';
import { WebhooksAdminModule } from '@conduit/webhooks';
import { WebhookDeliveriesController } from './webhook-deliveries.controller';
import { WebhookEndpointsController } from './webhook-endpoints.controller';
import { SsoTokensController } from './sso-tokens.controller';
import { SettlementsController } from './settlements.controller';
import { DisputesController } from './disputes.controller';
import { SftpAccountsController } from './sftp-accounts.controller';
import { PaymentPlansController } from './payment-plans.controller';
import { TerminalsController } from './terminals.controller';
import { PaymentPlansAdminService } from './payment-plans-admin.service';

@Module({
  imports: [PaymentsModule, WebhooksAdminModule],
  controllers: [
    AuthController,
    OrganizationsController,
    MerchantsController,
    OutletsController,
    UsersController,
    CredentialsController,
    PartnerGrantsController,
    AuditLogController,
    PlatformInfoController,
    TransactionsController,
    WebhookEndpointsController,
    WebhookDeliveriesController,
    SsoTokensController,
    SettlementsController,
    DisputesController,
    SftpAccountsController,
    PaymentPlansController,
    TerminalsController,
  ],
  providers: [
    OrganizationsService,
    MerchantsService,
    OutletsService,
    UsersService,
    CredentialsService,
    PartnerGrantsService,
    AuditLogService,
    PlatformInfoService,
    PaymentPlansAdminService,
  ],
})
export class AdminModule {}
