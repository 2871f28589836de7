import { randomBytes } from 'node:crypto';
import { Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '@conduit/auth';
import type { SsoTokenRow } from '@conduit/db';
import { type PageOutcome, SSO_PAGE_PATH, SSO_PLAN_PAGE_PATH, SsoPageService } from '@conduit/payments';
import { formBody, messageBody, page, receiptBody, returnUrl } from './page-html';

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
 * The hosted payment pages (sso-and-polling.md §2): server-rendered, one small inline script.
 * The token in the URL (GET) or the form (POST) is the only credential.
 */
@Public()
@Controller('providers/Form/PatientPayments')
export class SsoPageController {
  constructor(private readonly pages: SsoPageService) {}

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

  private render(reply: FastifyReply, outcome: PageOutcome, token: string, path: string) {
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
          formBody(outcome.token, path, token, outcome.errors),
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
      case 'done': {
        const next = returnUrl(outcome.token, token, outcome.result);
        if (outcome.token.suppressReceipt && next)
          return reply.header('cache-control', 'no-store').redirect(next, 303);
        return this.send(
          reply,
          200,
          outcome.token,
          'Payment receipt',
          receiptBody(outcome.token, token, outcome.result),
        );
      }
    }
  }

  @Get('NewPaymentSimpleSSO')
  async show(@Query('token') token: string, @Res() reply: FastifyReply) {
    return this.render(reply, await this.pages.view(token), token, SSO_PAGE_PATH);
  }

  @Get('NewPaymentPlanSimpleSSO')
  async showPlan(@Query('token') token: string, @Res() reply: FastifyReply) {
    return this.render(reply, await this.pages.view(token), token, SSO_PLAN_PAGE_PATH);
  }

  @Post('NewPaymentSimpleSSO')
  async submit(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const token = postedToken(req.body);
    return this.render(reply, await this.pages.submit(token, req.body), token, SSO_PAGE_PATH);
  }

  @Post('NewPaymentPlanSimpleSSO')
  async submitPlan(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const token = postedToken(req.body);
    return this.render(reply, await this.pages.submit(token, req.body), token, SSO_PLAN_PAGE_PATH);
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
