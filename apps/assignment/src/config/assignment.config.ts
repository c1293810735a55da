import { Type } from 'class-transformer';
import { BaseConfig } from '@qifu/config';
import { IsInt, IsString, Max, Min, MinLength } from 'class-validator';

export class AssignmentConfig extends BaseConfig {
  @IsString()
  @MinLength(3, { message: 'set ADMIN_USERNAME to the first admin login (at least 3 characters)' })
  ADMIN_USERNAME: string = 'admin';

  /** Required in production; outside production the first admin is admin/admin. */
  @IsString()
  @MinLength(5, { message: 'set ADMIN_PASSWORD to the first admin password (at least 5 characters)' })
  ADMIN_PASSWORD: string = 'admin';

  /** How often reconciliation re-counts each officer's load and gives waiting requests to free seats (ms). */
  @IsInt()
  @Min(200)
  @Max(3_600_000)
  @Type(() => Number)
  ASSIGNMENT_SWEEP_MS: number = 30_000;
}

export function checkProductionSecrets(cfg: AssignmentConfig, env: Record<string, string | undefined>): void {
  if (cfg.NODE_ENV === 'production' && !env.ADMIN_PASSWORD) {
    throw new Error('Invalid configuration:\n  - ADMIN_PASSWORD: set it in production (the default admin/admin is for development only)');
  }
}
