import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type Actor, assertCan, DomainError, ErrorCode, type Permission } from '@conduit/domain';
import { AUTH_KIND, type AuthKind, REQUIRED_PERMISSION } from './decorators';
import { AccountBasicStrategy, AdminSessionStrategy, ApiKeyStrategy, type Authenticator } from './strategies';

/**
 * The one global guard: authenticates each route with the strategy it declares, then checks the
 * role permission it requires. A route that declares nothing is refused, so a new controller is
 * never accidentally open.
 */
@Injectable()
export class ConduitAuthGuard implements CanActivate {
  private readonly logger = new Logger(ConduitAuthGuard.name);
  private readonly authenticators: Record<Exclude<AuthKind, 'public'>, Authenticator>;

  constructor(
    private readonly reflector: Reflector,
    account: AccountBasicStrategy,
    apiKey: ApiKeyStrategy,
    admin: AdminSessionStrategy,
  ) {
    this.authenticators = { account, 'api-key': apiKey, admin };
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const kind = this.reflector.getAllAndOverride<AuthKind | undefined>(AUTH_KIND, targets);
    if (kind === 'public') return true;
    if (!kind) {
      this.logger.error(
        `Route ${context.getClass().name}.${context.getHandler().name} declares no authentication; refused`,
      );
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Authentication required');
    }
    const req = context.switchToHttp().getRequest();
    req.user = await this.authenticators[kind].authenticate(req);
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    if (permission) {
      const actor: Actor | undefined = req.user?.actor;
      if (!actor) throw new DomainError(ErrorCode.FORBIDDEN, 'This route is for console users');
      assertCan(actor, permission);
    }
    return true;
  }
}
