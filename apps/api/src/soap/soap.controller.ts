import { Controller, Get, HttpCode, Inject, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccountAuth, Public } from '@conduit/auth';
import { CONDUIT_CONFIG, type ConduitConfig } from '@conduit/config';
import { type CredentialPrincipal, DomainError } from '@conduit/domain';
import {
  IdempotencyService,
  parsePaymentCommand,
  PaymentPlansService,
  PaymentsService,
  SsoService,
} from '@conduit/payments';
import {
  decodeXmlBody,
  eligibilityInquiry,
  lowerKeys,
  NotX12,
  parseSoapRequest,
  type SoapCall,
  soapContentType,
  soapEnvelope,
  SoapRequestError,
  soapVersionOf,
  type WsdlService,
  wsdlFor,
  xmlEscape,
} from '@conduit/wire';
import { nvpInput } from '../nvp/nvp-input';
import { resultFields } from '../nvp/nvp-output';
import { type PlanAction, planActionOf, runPlanAction } from '../nvp/nvp-plan-input';
import { header, sendIdempotent } from '../payments-http/idempotent-send';
import { CredentialRateLimitGuard } from '../payments-http/rate-limit.guard';
import { soapPlanResult } from './soap-plan-output';
import { healthcareService, PAYMENT_OPERATIONS, paymentService, RESULT_FIELDS, ssoService } from './services';

type AuthedRequest = FastifyRequest & { user: { principal: CredentialPrincipal } };

function call(req: FastifyRequest, service: WsdlService): SoapCall {
  if (!Buffer.isBuffer(req.body))
    throw DomainError.validation([
      { field: 'body', message: 'A SOAP request is XML (text/xml or application/soap+xml)' },
    ]);
  let parsed: SoapCall;
  try {
    const xml = decodeXmlBody(req.body, req.headers['content-type']);
    (req as FastifyRequest & { rawBody?: string }).rawBody = xml; // idempotency compares repeats by it
    parsed = parseSoapRequest(xml, soapVersionOf(req.headers['content-type']));
  } catch (err) {
    if (err instanceof SoapRequestError)
      throw DomainError.validation([{ field: 'body', message: err.message }]);
    throw err;
  }
  if (parsed.namespace && parsed.namespace !== service.namespace)
    throw DomainError.validation([
      { field: 'body', message: `${parsed.operation} is not in ${service.namespace} (see the WSDL)` },
    ]);
  return parsed;
}

const responseXml = (s: WsdlService, op: string, inner: string) =>
  `<${op}Response xmlns="${s.namespace}">${inner}</${op}Response>`;

function respond(reply: FastifyReply, req: FastifyRequest, s: WsdlService, op: string, inner: string) {
  const version = soapVersionOf(req.headers['content-type']);
  reply
    .status(200)
    .header('content-type', soapContentType(version))
    .send(soapEnvelope(version, responseXml(s, op, inner)));
}

const wantsWsdl = (q: Record<string, unknown>) => Object.keys(q).some((k) => k.toLowerCase() === 'wsdl');

/** soap.md: `/payment/service.asmx` and `/SSOService.asmx`, SOAP 1.1 and 1.2, WSDL at `?wsdl`. */
@Controller()
export class SoapController {
  private readonly payment: WsdlService;
  private readonly sso: WsdlService;
  private readonly healthcare: WsdlService;

  constructor(
    private readonly payments: PaymentsService,
    private readonly tokens: SsoService,
    private readonly idempotency: IdempotencyService,
    private readonly plans: PaymentPlansService,
    @Inject(CONDUIT_CONFIG) config: ConduitConfig,
  ) {
    this.payment = paymentService(config.publicBaseUrl);
    this.sso = ssoService(config.publicBaseUrl);
    this.healthcare = healthcareService(config.publicBaseUrl);
  }

  private wsdl(reply: FastifyReply, q: Record<string, unknown>, s: WsdlService) {
    if (!wantsWsdl(q)) throw DomainError.notFound('Operation (POST a SOAP request, or GET ?wsdl)');
    reply.header('content-type', 'text/xml; charset=utf-8').send(wsdlFor(s));
  }

  @Public()
  @Get('payment/service.asmx')
  paymentWsdl(@Query() q: Record<string, unknown>, @Res() reply: FastifyReply) {
    this.wsdl(reply, q, this.payment);
  }

  @Public()
  @Get('SSOService.asmx')
  ssoWsdl(@Query() q: Record<string, unknown>, @Res() reply: FastifyReply) {
    this.wsdl(reply, q, this.sso);
  }

  @Public()
  @Get('healthcare/service.asmx')
  healthcareWsdl(@Query() q: Record<string, unknown>, @Res() reply: FastifyReply) {
    this.wsdl(reply, q, this.healthcare);
  }

  /** EDI pass-through: a whole X12 270 in, the sandbox payer's 271 (or a 999) out, as strings. */
  @AccountAuth()
  @UseGuards(CredentialRateLimitGuard)
  @Post('healthcare/service.asmx')
  @HttpCode(200)
  eligibility(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const c = call(req, this.healthcare);
    if (c.operation !== 'DoEligibilityInquiryEDI')
      throw DomainError.validation([{ field: 'body', message: `Unknown operation ${c.operation}` }]);
    let answer: string;
    try {
      answer = eligibilityInquiry(c.fields.requestEDI ?? '');
    } catch (err) {
      if (err instanceof NotX12)
        throw DomainError.validation([{ field: 'requestEDI', message: err.message }]);
      throw err;
    }
    respond(
      reply,
      req,
      this.healthcare,
      c.operation,
      `<DoEligibilityInquiryEDIResult>${xmlEscape(answer)}</DoEligibilityInquiryEDIResult>`,
    );
  }

  @AccountAuth()
  @UseGuards(CredentialRateLimitGuard)
  @Post('payment/service.asmx')
  @HttpCode(200)
  async pay(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const c = call(req, this.payment);
    const planAction = planActionOf(c.operation);
    if (planAction && planAction === c.operation) return this.plan(req, reply, c, planAction);
    const op = PAYMENT_OPERATIONS[c.operation];
    if (!op) throw DomainError.validation([{ field: 'body', message: `Unknown operation ${c.operation}` }]);
    const fields: Record<string, string> = { ...lowerKeys(c.fields), transactionaction: op.action };
    if (op.tender) fields.transactiontype = op.tender;
    const principal = (req as AuthedRequest).user.principal;
    // rest.md "Idempotency (all three interfaces)": the header, or idempotencyKey in the Request.
    const key = header(req, 'idempotency-key') ?? fields.idempotencykey;
    const version = soapVersionOf(req.headers['content-type']);
    await sendIdempotent(this.idempotency, req, reply, principal.organizationId, key, async () => {
      const command = parsePaymentCommand({ ...nvpInput(fields), channel: 'SOAP' });
      const result = await this.payments.execute(principal, command);
      const values = new Map(
        resultFields(result).filter(([, v]) => v !== null && v !== undefined && v !== ''),
      );
      const inner = RESULT_FIELDS.filter((f) => values.has(f))
        .map((f) => `<${f}>${xmlEscape(String(values.get(f)))}</${f}>`)
        .join('');
      const op = c.operation;
      return {
        status: 200,
        contentType: soapContentType(version),
        body: soapEnvelope(version, responseXml(this.payment, op, `<${op}Result>${inner}</${op}Result>`)),
      };
    });
  }

  /** payment-plans.md's operations: the NVP plan actions, answered as PaymentPlanResult/List. */
  private async plan(req: FastifyRequest, reply: FastifyReply, c: SoapCall, action: PlanAction) {
    const fields = lowerKeys(c.fields);
    const principal = (req as AuthedRequest).user.principal;
    const key = header(req, 'idempotency-key') ?? fields.idempotencykey;
    const version = soapVersionOf(req.headers['content-type']);
    await sendIdempotent(this.idempotency, req, reply, principal.organizationId, key, async () => {
      const inner = soapPlanResult(await runPlanAction(this.plans, principal, action, fields, 'SOAP'));
      const op = c.operation;
      return {
        status: 200,
        contentType: soapContentType(version),
        body: soapEnvelope(version, responseXml(this.payment, op, `<${op}Result>${inner}</${op}Result>`)),
      };
    });
  }

  @AccountAuth()
  @UseGuards(CredentialRateLimitGuard)
  @Post('SSOService.asmx')
  @HttpCode(200)
  async ssoStatus(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const c = call(req, this.sso);
    if (c.operation !== 'GetSSOTokenStatus')
      throw DomainError.validation([{ field: 'body', message: `Unknown operation ${c.operation}` }]);
    const { status } = await this.tokens.status((req as AuthedRequest).user.principal, c.fields.token);
    respond(
      reply,
      req,
      this.sso,
      c.operation,
      `<GetSSOTokenStatusResult>${status}</GetSSOTokenStatusResult>`,
    );
  }
}
