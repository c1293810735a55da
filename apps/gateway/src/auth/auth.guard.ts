import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CodedError, type Role } from '@qifu/contracts';
import { type AuthedRequest, IS_PUBLIC, ROLES } from './auth.decorators';
import { TokenService } from './token.service';

/**
 * Every route needs a valid bearer token unless marked @Public(); @Roles() narrows who may call it.
 * The token may also come as `access_token` in the query (EventSource cannot send headers).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  canActivate(ctx: ExecutionContext): boolean {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const header = req.headers.authorization;
    const fromHeader = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const fromQuery = typeof req.query.access_token === 'string' ? req.query.access_token : undefined;
    const token = fromHeader ?? fromQuery;
    if (!token) throw new CodedError('UNAUTHORIZED', 'log in first: send Authorization: Bearer <token>');
    req.actor = this.tokens.verify(token);
    req.tokenExpiresAt = this.tokens.expiryOf(token);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(req.actor.role)) {
      throw new CodedError('FORBIDDEN', `this action needs the role ${roles.join(' or ')}; you are ${req.actor.role}`);
    }
    return true;
  }
}
