import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { BasicStrategy } from 'passport-http';
import { Strategy as CustomStrategy } from 'passport-custom';
import { DomainError, ErrorCode } from '@conduit/domain';
import { AdminAuthService, CredentialAuthService } from '@conduit/tenancy';
import { clientIp, header, type HttpRequestLike, sessionToken } from './request';

/** NVP, SOAP and SSO: HTTP Basic with an account credential (`name@org-slug:password`). */
@Injectable()
export class AccountBasicStrategy extends PassportStrategy(BasicStrategy, 'account-basic') {
  constructor(private readonly credentials: CredentialAuthService) {
    super({ passReqToCallback: true });
  }

  async validate(req: HttpRequestLike, accountId: string, password: string) {
    return { principal: await this.credentials.authenticate('ACCOUNT', accountId, password, clientIp(req)) };
  }
}

/** REST: the `Api-Key` and `Api-Secret` headers. */
@Injectable()
export class ApiKeyStrategy extends PassportStrategy(CustomStrategy, 'api-key') {
  constructor(private readonly credentials: CredentialAuthService) {
    super();
  }

  async validate(req: HttpRequestLike) {
    const key = header(req, 'api-key');
    const secret = header(req, 'api-secret');
    if (!key || !secret)
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Api-Key and Api-Secret headers are required.');
    return { principal: await this.credentials.authenticate('API_KEY', key, secret, clientIp(req)) };
  }
}

/** Console and admin API: `Authorization: Bearer <token>` or the httpOnly session cookie. */
@Injectable()
export class AdminSessionStrategy extends PassportStrategy(CustomStrategy, 'admin-session') {
  constructor(private readonly auth: AdminAuthService) {
    super();
  }

  async validate(req: HttpRequestLike) {
    const token = sessionToken(req);
    const session = token ? await this.auth.authenticate(token, clientIp(req)) : null;
    if (!session)
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Sign in to continue (session missing or expired)');
    return { ...session, token };
  }
}
