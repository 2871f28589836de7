import { randomBytes } from 'node:crypto';
import { Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '@conduit/auth';
import type { SsoTokenRow } from '@conduit/db';
import { type PageOutcome, pagePathOf, type PlanPageOutcome, SsoPlanPageService } from '@conduit/payments';
import { formBody, messageBody, page, receiptBody, returnUrl } from './page-html';
import {
  methodDoneBody,
  methodFormBody,
  planDeclinedBody,
  planDoneBody,
  planFormBody,
  planReturnUrl,
} from './plan-page-html';

export const SSO_ERROR_PATH = '/providers/Form/PatientPayments/Error';

function origin(url: string | null): string | null {
  try {
    return url ? new URL(url).origin : null;
  } catch {
    return null;
  }
}

/** The error page's text by `respCode` (sso-and-polling.md §1): fixed, never the request's. */
const ERROR_PAGE_TEXT: Record<string, string> = {
  '401': 'Invalid AccountID or Password. (401)',
};
const ERROR_PAGE_DEFAULT = 'Ask the practice for a new payment link.';

/** The form's token, when it was posted once as text (anything else finds no token). */
function postedToken(body: unknown): string {
  const token = body && typeof body === 'object' ? (body as { token?: unknown }).token : undefined;
  return typeof token === 'string' ? token : '';
}

/** Only what the page needs; framing only by the merchant's configured origins. */
function csp(nonce: string, t: SsoTokenRow | null): string {
  const ancestors = t?.merchant.allowedFrameOrigins.length
    ? t.merchant.allowedFrameOrigins.join(' ')
    : "'none'";
  const targets = [origin(t?.confirmUrl ?? null), origin(t?.cancelUrl ?? null)].filter(Boolean).join(' ');
  return [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    "img-src 'self' data:",
    `form-action 'self' ${targets}`.trim(),
    `frame-ancestors ${ancestors}`,
    "base-uri 'none'",
  ].join('; ');
}

/**
 * The hosted payment pages (sso-and-polling.md §2; payment-plans.md "Hosted page"):
 * server-rendered, one small inline script. The token in the URL (GET) or the form (POST) is the
 * only credential, and its action decides the page (a form always posts to its token's page).
 */
@Public()
@Controller('providers/Form/PatientPayments')
export class SsoPageController {
  constructor(private readonly pages: SsoPlanPageService) {}

  private send(reply: FastifyReply, status: number, t: SsoTokenRow | null, title: string, body: string) {
    const nonce = randomBytes(16).toString('base64');
    reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', csp(nonce, t))
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .header('x-content-type-options', 'nosniff')
      .send(page({ nonce, title, body, lightWeight: t?.lightWeight }));
  }

  /** After a submission: the receipt, or straight on to confirmURL when the receipt is suppressed. */
  private finish(reply: FastifyReply, t: SsoTokenRow, next: string | null, title: string, body: string) {
    if (t.suppressReceipt && next) return reply.header('cache-control', 'no-store').redirect(next, 303);
    return this.send(reply, 200, t, title, body);
  }

  private render(reply: FastifyReply, outcome: PageOutcome | PlanPageOutcome, token: string) {
    switch (outcome.kind) {
      case 'unknown':
        return this.send(
          reply,
          404,
          null,
          'Payment link not valid',
          messageBody('This payment link is not valid', 'Ask the practice for a new payment link.'),
        );
      case 'used':
        return this.send(
          reply,
          410,
          outcome.token,
          'Payment link already used',
          messageBody(
            'This payment link has already been used',
            'Nothing more was charged. Ask the practice for a new link if you need to pay again.',
          ),
        );
      case 'expired':
        return this.send(
          reply,
          410,
          outcome.token,
          'Payment link expired',
          messageBody(
            'This payment link has expired',
            'Payment links are valid for 15 minutes. Ask the practice for a new one.',
          ),
        );
      case 'invalid':
        return this.send(
          reply,
          outcome.errors.length ? 400 : 200,
          outcome.token,
          'Secure payment',
          formBody(outcome.token, pagePathOf(outcome.token.action), token, outcome.errors),
        );
      case 'planForm':
        return this.send(
          reply,
          outcome.errors.length ? 400 : 200,
          outcome.token,
          'Secure payment plan',
          planFormBody(
            outcome.token,
            pagePathOf(outcome.token.action),
            token,
            outcome.schedule,
            outcome.authorization,
            outcome.errors,
          ),
        );
      case 'methodForm':
        return this.send(
          reply,
          outcome.errors.length ? 400 : 200,
          outcome.token,
          'Replace the payment method',
          methodFormBody(
            outcome.token,
            pagePathOf(outcome.token.action),
            token,
            outcome.plan,
            outcome.authorization,
            outcome.errors,
          ),
        );
      case 'planDone':
        return this.finish(
          reply,
          outcome.token,
          planReturnUrl(outcome.token, token, outcome.transaction, outcome.plan.plan.paymentPlanId),
          'Payment plan set up',
          planDoneBody(outcome.token, token, outcome.plan, outcome.transaction),
        );
      case 'planDeclined':
        return this.finish(
          reply,
          outcome.token,
          planReturnUrl(outcome.token, token, outcome.transaction, null),
          'Payment plan not set up',
          planDeclinedBody(outcome.token, token, outcome.transaction),
        );
      case 'methodDone':
        return this.finish(
          reply,
          outcome.token,
          planReturnUrl(outcome.token, token, null, outcome.plan.plan.paymentPlanId),
          'Payment method replaced',
          methodDoneBody(outcome.token, token, outcome.plan),
        );
      case 'refused':
        return this.send(
          reply,
          403,
          outcome.token,
          'Payment link not usable',
          messageBody(
            'This payment link can no longer be used',
            'Nothing was charged. Ask the practice for a new payment link.',
          ),
        );
      case 'done':
        return this.finish(
          reply,
          outcome.token,
          returnUrl(outcome.token, token, outcome.result),
          'Payment receipt',
          receiptBody(outcome.token, token, outcome.result),
        );
    }
  }

  @Get(['NewPaymentSimpleSSO', 'NewPaymentPlanSimpleSSO', 'UpdatePaymentPlanSimpleSSO'])
  async show(@Query('token') token: string, @Res() reply: FastifyReply) {
    return this.render(reply, await this.pages.view(token), token);
  }

  @Post(['NewPaymentSimpleSSO', 'NewPaymentPlanSimpleSSO', 'UpdatePaymentPlanSimpleSSO'])
  async submit(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const token = postedToken(req.body);
    return this.render(reply, await this.pages.submit(token, req.body), token);
  }

  /**
   * The page the NVP `/sso` redirect sends a failed sign-on to. Its text is ours, chosen by
   * `respCode`: `respMessage` is in the URL for the spec's sake and never shown, so a crafted link
   * cannot make this page say anything.
   */
  @Get('Error')
  error(@Query('respCode') code: unknown, @Res() reply: FastifyReply) {
    const text = (typeof code === 'string' && ERROR_PAGE_TEXT[code]) || ERROR_PAGE_DEFAULT;
    return this.send(
      reply,
      200,
      null,
      'Payment page error',
      messageBody('The payment page could not be opened', text),
    );
  }
}
