import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor, Role } from '@qifu/contracts';

export const IS_PUBLIC = 'qifu:public';
export const ROLES = 'qifu:roles';

/** No token needed (login, health). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route; others get 403. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES, roles);

export interface AuthedRequest {
  actor?: Actor;
  /** When the caller's token expires (long-lived responses such as the event stream end then). */
  tokenExpiresAt?: Date;
  headers: Record<string, string | string[] | undefined>;
  query: Record<string, unknown>;
}

export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const req = ctx.switchToHttp().getRequest<AuthedRequest>();
  if (!req.actor) throw new Error('CurrentActor used on a public route');
  return req.actor;
});
