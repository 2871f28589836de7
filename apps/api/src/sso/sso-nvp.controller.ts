import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '@conduit/auth';
import { DomainError, ErrorCode } from '@conduit/domain';
import { SsoService } from '@conduit/payments';
import { CredentialAuthService } from '@conduit/tenancy';
import { encodeNvp, lowerKeys, type NvpFields } from '@conduit/wire';
import { requireContentType } from '../payments-http/idempotent-send';
import { CredentialRateLimitGuard } from '../payments-http/rate-limit.guard';
import { SSO_ERROR_PATH } from './sso-page.controller';

const NVP_TYPE = 'application/x-www-form-urlencoded; charset=utf-8';

function basicCredentials(req: FastifyRequest): [string, string] | null {
  const m = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? '');
  if (!m) return null;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : [decoded.slice(0, colon), decoded.slice(colon + 1)];
}

export function ssoInputOf(f: NvpFields) {
  return {
    merchantId: f.merchantid,
    storeId: f.storeid,
    terminalId: f.terminalid,
    transactionAction: f.transactionaction,
    amount: f.amount,
    isReadOnly: f.isreadonly,
    patientId: f.patientid,
    patientFirstName: f.patientfirstname,
    patientLastName: f.patientlastname,
    additionalInfo: [1, 2, 3, 4, 5, 6].map((i) => f[`additionalinfo${i}`]),
    preventCheck: f.preventcheck,
    preventCard: f.preventcard,
    suppressReceipt: f.suppressreceipt,
    lightWeight: f.lightweight,
    confirmUrl: f.confirmurl,
    cancelUrl: f.cancelurl,
    returnUrl: f.returnurl,
    relayState: f.relaystate,
    responseActionType: f.responseactiontype,
    paymentPlanType: f.paymentplantype,
    totalAmount: f.totalamount,
    downPaymentAmount: f.downpaymentamount,
    installmentAmount: f.installmentamount,
    installmentCount: f.installmentcount,
    frequency: f.frequency,
    startDate: f.startdate,
    dayOfMonth: f.dayofmonth,
    endDate: f.enddate,
  };
}

/**
 * `POST /sso` (sso-and-polling.md §1): Basic authentication or `accountID` + `securityKey` fields.
 * Redirect mode answers 302 to the page; `responseActionType=header` answers the token as NVP.
 */
@Public()
@Controller('sso')
export class SsoNvpController {
  constructor(
    private readonly sso: SsoService,
    private readonly access: CredentialAuthService,
    private readonly rateLimit: CredentialRateLimitGuard,
  ) {}

  @Post()
  @HttpCode(200)
  async create(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    requireContentType(req, 'application/x-www-form-urlencoded');
    const f = lowerKeys(req.body);
    const redirectMode = (f.responseactiontype ?? 'redirect').toLowerCase() !== 'header';
    const [id, secret] = basicCredentials(req) ?? [f.accountid ?? '', f.securitykey ?? ''];
    let principal;
    try {
      if (!id || !secret) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Invalid AccountID or Password.');
      principal = await this.access.authenticate('ACCOUNT', id, secret, req.ip ?? null);
    } catch (err) {
      if (redirectMode && err instanceof DomainError && /AccountID/.test(err.message)) {
        const q = new URLSearchParams({ respCode: '401', respMessage: 'Invalid AccountID or Password.' });
        return reply.redirect(`${SSO_ERROR_PATH}?${q.toString()}`, 302);
      }
      throw err;
    }
    await this.rateLimit.consume(principal);
    const created = await this.sso.create(principal, ssoInputOf(f), 'NVP');
    if (created.responseActionType === 'header') {
      return reply
        .status(200)
        .header('content-type', NVP_TYPE)
        .header('cache-control', 'no-store')
        .send(
          encodeNvp([
            ['token', created.token],
            // responseCode as every other NVP answer says it; respCode kept for the senders that
            // read it (sso-and-polling.md §1 names it; decision 0030).
            ['responseCode', '000'],
            ['responseMessage', 'Success'],
            ['respCode', '000'],
            ['respMessage', 'Success'],
            ['pageURL', created.pageUrl],
          ]),
        );
    }
    return reply.header('cache-control', 'no-store').redirect(created.pageUrl, 302);
  }
}
