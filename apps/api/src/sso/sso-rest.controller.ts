import { Controller, Get, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiKeyAuth } from '@conduit/auth';
import { type CredentialPrincipal, DomainError } from '@conduit/domain';
import { SsoService, toWireId } from '@conduit/payments';
import { canonicalize, type Shape } from '@conduit/wire';
import { requireContentType } from '../payments-http/idempotent-send';
import { CredentialRateLimitGuard } from '../payments-http/rate-limit.guard';
import { RestErrors } from '../rest/openapi/decorators';
import { SsoTokenRequest, SsoTokenResponse, SsoTokenStatusResponse } from '../rest/openapi/sso-schemas';

type AuthedRequest = FastifyRequest & { user: { principal: CredentialPrincipal } };
type Obj = Record<string, unknown>;

const SSO_SHAPE: Shape = {
  Outlet: { MerchantID: true, StoreID: true, TerminalID: true },
  TransactionAction: true,
  Amount: true,
  IsReadOnly: true,
  Patient: { PatientID: true, FirstName: true, LastName: true },
  PreventCheck: true,
  PreventCard: true,
  SuppressReceipt: true,
  LightWeight: true,
  ConfirmURL: true,
  CancelURL: true,
  ReturnURL: true,
  RelayState: true,
  PaymentPlanType: true,
  TotalAmount: true,
  DownPaymentAmount: true,
  InstallmentAmount: true,
  InstallmentCount: true,
  Frequency: true,
  StartDate: true,
  DayOfMonth: true,
  EndDate: true,
  ...Object.fromEntries([1, 2, 3, 4, 5, 6].map((i) => [`AdditionalInfo${i}`, true])),
};

/** rest.md `POST /rest/sso/token` and `GET /rest/sso/token/{token}/status`. */
@ApiTags('sso')
@ApiSecurity('Api-Key')
@ApiSecurity('Api-Secret')
@ApiKeyAuth()
@UseGuards(CredentialRateLimitGuard)
@Controller('rest/sso/token')
export class SsoRestController {
  constructor(private readonly sso: SsoService) {}

  @ApiOperation({
    summary: 'Create a single sign-on token for a hosted payment page (valid 15 minutes, single use)',
  })
  @ApiBody({ type: SsoTokenRequest })
  @ApiOkResponse({ type: SsoTokenResponse })
  @RestErrors()
  @Post()
  @HttpCode(200)
  async create(@Req() req: FastifyRequest) {
    requireContentType(req, 'application/json');
    if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body))
      throw DomainError.validation([{ field: 'body', message: 'Request body must be a JSON object' }]);
    const { value: b, unknown } = canonicalize(req.body, SSO_SHAPE);
    if (unknown.length) throw DomainError.validation(unknown);
    const outlet = (b.Outlet ?? {}) as Obj;
    const patient = (b.Patient ?? {}) as Obj;
    const created = await this.sso.create(
      (req as AuthedRequest).user.principal,
      {
        merchantId: outlet.MerchantID,
        storeId: outlet.StoreID,
        terminalId: outlet.TerminalID,
        transactionAction: b.TransactionAction,
        amount: b.Amount,
        isReadOnly: b.IsReadOnly,
        patientId: patient.PatientID,
        patientFirstName: patient.FirstName,
        patientLastName: patient.LastName,
        additionalInfo: [1, 2, 3, 4, 5, 6].map((i) => b[`AdditionalInfo${i}`]),
        preventCheck: b.PreventCheck,
        preventCard: b.PreventCard,
        suppressReceipt: b.SuppressReceipt,
        lightWeight: b.LightWeight,
        confirmUrl: b.ConfirmURL,
        cancelUrl: b.CancelURL,
        returnUrl: b.ReturnURL,
        relayState: b.RelayState,
        paymentPlanType: b.PaymentPlanType,
        totalAmount: b.TotalAmount,
        downPaymentAmount: b.DownPaymentAmount,
        installmentAmount: b.InstallmentAmount,
        installmentCount: b.InstallmentCount,
        frequency: b.Frequency,
        startDate: b.StartDate,
        dayOfMonth: b.DayOfMonth,
        endDate: b.EndDate,
      },
      'REST',
    );
    return {
      Token: created.token,
      PageURL: created.pageUrl,
      ExpiresAt: created.expiresAt.toISOString(),
      ResponseCode: '000',
      ResponseMessage: 'Success',
    };
  }

  @ApiOperation({ summary: 'Token status for polling: NEW, COMPLETE or EXPIRED' })
  @ApiParam({ name: 'token' })
  @ApiOkResponse({ type: SsoTokenStatusResponse })
  @RestErrors()
  @Get(':token/status')
  async status(@Req() req: FastifyRequest, @Param('token') token: string) {
    const { status, row } = await this.sso.status((req as AuthedRequest).user.principal, token);
    return {
      Status: status,
      TransactionID: row.transactionId ? toWireId(row.transactionId) : null,
      ExpiresAt: row.expiresAt.toISOString(),
    };
  }
}
