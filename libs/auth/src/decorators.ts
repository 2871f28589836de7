import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Permission } from '@conduit/domain';

export type AuthKind = 'public' | 'admin' | 'account' | 'api-key';
export const AUTH_KIND = 'conduit:auth-kind';
export const REQUIRED_PERMISSION = 'conduit:permission';

/** Every route declares how it is authenticated; the global guard refuses routes that do not. */
export const Public = () => SetMetadata(AUTH_KIND, 'public');
export const AdminAuth = () => SetMetadata(AUTH_KIND, 'admin');
export const AccountAuth = () => SetMetadata(AUTH_KIND, 'account');
export const ApiKeyAuth = () => SetMetadata(AUTH_KIND, 'api-key');
export const RequirePermission = (permission: Permission) => SetMetadata(REQUIRED_PERMISSION, permission);

/** The authenticated console user (`Actor`), and the whole session it came with. */
export const CurrentActor = createParamDecorator(
  (_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest().user?.actor,
);
export const CurrentSession = createParamDecorator(
  (_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest().user,
);
