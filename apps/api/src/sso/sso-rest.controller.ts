import { Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiOperation } from '@nestjs/swagger';
import { ApiKeyAuth } from '@conduit/auth';
import { type CredentialPrincipal, DomainError } from '@conduit/domain';
import { SsoService } from '@conduit/payments';
import { canonicalize, type Shape } from '@conduit/wire';
import { shapeOf } from '../rest/openapi/field-table';
import { requireContentType } from '../payments-http/idempotent-send';
import { CredentialRateLimitGuard } from '../payments-http/rate-limit.guard';
import { JsonBody, JsonAnswer, RestErrors, RestSecurity } from '../rest/openapi/decorators';
import { SSO_TOKEN_FIELDS } from './sso-fields';

type AuthedRequest = FastifyRequest & { user: { principal: CredentialPrincipal } };
type Obj = Record<string, unknown>;

const SSO_SHAPE: Shape = shapeOf(SSO_TOKEN_FIELDS);

/** rest.md `POST /rest/sso/token`; its status route is sso-status.route.ts (decision 0044). */
@RestSecurity()
@ApiKeyAuth()
@UseGuards(CredentialRateLimitGuard)
@Controller('rest/sso/token')
export class SsoRestController {
  constructor(private readonly sso: SsoService) {}

  @ApiOperation({
    operationId: 'createSsoToken',
    summary: 'Create a single sign-on token for a hosted payment page',
    description:
      'The token is valid 15 minutes and for one payment. Send the payer to PageURL; learn the outcome from the webhook, the confirm URL, or by polling the token status.',
  })
  @JsonBody('SsoTokenRequest')
  @JsonAnswer('SsoTokenResponse', 'The token and the page to send the payer to')
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
}
