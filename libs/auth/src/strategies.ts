import { Injectable, UnauthorizedException } from '@nestjs/common';
import { DomainError, ErrorCode } from '@conduit/domain';
import { AdminAuthService, CredentialAuthService } from '@conduit/tenancy';
import { clientIp, header, type HttpRequestLike, sessionToken } from './request';

/** What an authenticator puts on `req.user` for the route. */
export type Authenticated = Record<string, unknown>;

/** One way a route authenticates its caller (`@Auth(kind)`); the global guard picks it. */
export interface Authenticator {
  authenticate(req: HttpRequestLike): Promise<Authenticated>;
}

/**
 * HTTP Basic credentials (RFC 7617): the user-id ends at the FIRST colon, so a password may hold
 * colons. Undefined when the header is missing or is not Basic with base64 of `id:password`.
 */
export function basicCredentials(
  authorization: string | undefined,
): { id: string; password: string } | undefined {
  const m = authorization && /^Basic[ \t]+([A-Za-z0-9+/]+={0,2})[ \t]*$/i.exec(authorization);
  if (!m) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  return { id: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/**
 * NVP, SOAP and SSO: HTTP Basic with an account credential (`name@org-slug:password`). A missing
 * or malformed header is the same 401 as before Passport was removed (decision 0041).
 */
@Injectable()
export class AccountBasicStrategy implements Authenticator {
  constructor(private readonly credentials: CredentialAuthService) {}

  async authenticate(req: HttpRequestLike) {
    const basic = basicCredentials(header(req, 'authorization'));
    if (!basic) throw new UnauthorizedException();
    return {
      principal: await this.credentials.authenticate('ACCOUNT', basic.id, basic.password, clientIp(req)),
    };
  }
}

/** REST: the `Api-Key` and `Api-Secret` headers. */
@Injectable()
export class ApiKeyStrategy implements Authenticator {
  constructor(private readonly credentials: CredentialAuthService) {}

  async authenticate(req: HttpRequestLike) {
    const key = header(req, 'api-key');
    const secret = header(req, 'api-secret');
    if (!key || !secret)
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Api-Key and Api-Secret headers are required.');
    return { principal: await this.credentials.authenticate('API_KEY', key, secret, clientIp(req)) };
  }
}

/** Console and admin API: `Authorization: Bearer <token>` or the httpOnly session cookie. */
@Injectable()
export class AdminSessionStrategy implements Authenticator {
  constructor(private readonly auth: AdminAuthService) {}

  async authenticate(req: HttpRequestLike) {
    const token = sessionToken(req);
    const session = token ? await this.auth.authenticate(token, clientIp(req)) : null;
    if (!session)
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Sign in to continue (session missing or expired)');
    return { ...session, token };
  }
}
