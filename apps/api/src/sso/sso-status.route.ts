import { Inject, Injectable } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiKeyStrategy } from '@conduit/auth';
import type { CredentialPrincipal } from '@conduit/domain';
import type { Logger } from '@conduit/observability';
import { SsoService, toWireId } from '@conduit/payments';
import { renderError } from '../errors/render-error';
import { APP_LOGGER } from '../http/logger.provider';
import { CredentialRateLimitGuard } from '../payments-http/rate-limit.guard';

/** rest.md `GET /rest/sso/token/{token}/status`, in Fastify's path syntax. */
export const SSO_STATUS_ROUTE = '/rest/sso/token/:token/status';

type StatusRequest = FastifyRequest<{ Params: { token: string } }>;

/**
 * Token-status polling, served by Fastify without Nest's router (decision 0044). Vendors poll
 * this more than they call everything else together; Nest's guard, pipe and interceptor
 * machinery cost 40 % of each answer here. The route keeps every rule a Nest REST route has, by
 * calling the same parts in the same order: the `Api-Key` strategy (with the credential's address
 * allowlist), the credential's rate limit, the service, and errors rendered by the one renderer.
 * The security headers, correlation ID, access log and metrics are Fastify hooks, as for any route.
 */
@Injectable()
export class SsoStatusRoute {
  constructor(
    private readonly apiKey: ApiKeyStrategy,
    private readonly rateLimit: CredentialRateLimitGuard,
    private readonly sso: SsoService,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  /** Adds the route; call after the hooks that decorate routes as they are added (security headers). */
  register(app: FastifyInstance) {
    // A named handler: tracing names the request handler's span after it.
    const getSsoTokenStatus = (req: StatusRequest, reply: FastifyReply) => this.answer(req, reply);
    app.get(SSO_STATUS_ROUTE, getSsoTokenStatus);
  }

  private async answer(req: StatusRequest, reply: FastifyReply) {
    try {
      const { principal } = (await this.apiKey.authenticate(req)) as { principal: CredentialPrincipal };
      await this.rateLimit.consume(principal);
      const { status, row } = await this.sso.status(principal, req.params.token);
      return {
        Status: status,
        TransactionID: row.transactionId ? toWireId(row.transactionId) : null,
        ExpiresAt: row.expiresAt.toISOString(),
      };
    } catch (err) {
      renderError(this.logger, err, req, reply);
      return reply;
    }
  }
}
