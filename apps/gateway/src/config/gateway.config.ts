import { join } from 'node:path';
import { BaseConfig, toBool } from '@qifu/config';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsString, Max, Min, MinLength } from 'class-validator';

export const DEV_JWT_SECRET = 'qifu-development-secret-do-not-use-in-production';

export class GatewayConfig extends BaseConfig {
  @IsInt()
  @Min(0)
  @Max(65_535)
  @Type(() => Number)
  PORT: number = 3000;

  @IsString()
  @MinLength(16, { message: 'set JWT_SECRET to a random string of at least 16 characters' })
  JWT_SECRET: string = DEV_JWT_SECRET;

  /** Access token lifetime in seconds. */
  @IsInt()
  @Min(60)
  @Max(7 * 24 * 3600)
  @Type(() => Number)
  JWT_TTL_SECONDS: number = 8 * 3600;

  @Transform(toBool)
  SEED_DEMO: boolean = false;

  /** Login attempts per minute from one address for one user name (then 429). */
  @IsInt()
  @Min(1)
  @Type(() => Number)
  LOGIN_RATE_LIMIT: number = 10;

  /** Requests one user may file per minute (then 429). */
  @IsInt()
  @Min(1)
  @Type(() => Number)
  FILING_RATE_LIMIT: number = 30;

  /** Largest accepted JSON body, e.g. 256kb (larger is a 413). */
  @IsString()
  BODY_LIMIT: string = '256kb';

  /** A comment line on every open event stream this often (ms), so proxies keep it open. */
  @IsInt()
  @Min(1_000)
  @Max(300_000)
  @Type(() => Number)
  SSE_HEARTBEAT_MS: number = 15_000;

  /** Most feed lines replayed to a stream reconnecting with Last-Event-ID. */
  @IsInt()
  @Min(1)
  @Max(10_000)
  @Type(() => Number)
  SSE_REPLAY_LIMIT: number = 1_000;

  /** The built web app (apps/web/dist) served at /; not served when the folder has no index.html. */
  @IsString()
  WEB_ROOT: string = join(process.cwd(), 'apps', 'web', 'dist');
}

export function checkGatewaySecrets(cfg: GatewayConfig): void {
  if (cfg.NODE_ENV === 'production' && cfg.JWT_SECRET === DEV_JWT_SECRET) {
    throw new Error('Invalid configuration:\n  - JWT_SECRET: set it in production (the development default is public)');
  }
}

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
