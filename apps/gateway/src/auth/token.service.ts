import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { type Actor, CodedError, ROLES, type Role, type UserView } from '@qifu/contracts';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';

interface TokenClaims {
  sub: string;
  role: Role;
  companyId: string | null;
  departmentId: string | null;
  /** Display name, shown on the timeline entries this person writes. */
  name?: string;
}

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  issue(user: UserView): string {
    const claims: TokenClaims = {
      sub: user.id,
      role: user.role,
      companyId: user.companyId,
      departmentId: user.departmentId,
      name: user.displayName,
    };
    return this.jwt.sign(claims, { expiresIn: this.config.JWT_TTL_SECONDS });
  }

  /** The expiry of a token already verified. */
  expiryOf(token: string): Date | undefined {
    const claims = this.jwt.decode<{ exp?: number } | null>(token);
    return typeof claims?.exp === 'number' ? new Date(claims.exp * 1000) : undefined;
  }

  verify(token: string): Actor {
    let claims: TokenClaims;
    try {
      claims = this.jwt.verify<TokenClaims>(token);
    } catch (err) {
      const expired = (err as Error).name === 'TokenExpiredError';
      throw new CodedError('UNAUTHORIZED', expired ? 'the token has expired: log in again' : 'the token is not valid');
    }
    if (!ROLES.includes(claims.role)) throw new CodedError('UNAUTHORIZED', 'the token is not valid');
    return {
      userId: claims.sub,
      role: claims.role,
      companyId: claims.companyId,
      departmentId: claims.departmentId,
      displayName: typeof claims.name === 'string' ? claims.name : null,
    };
  }
}
