import { BaseConfig } from '@qifu/config';
import { IsString, MinLength } from 'class-validator';

export class AssignmentConfig extends BaseConfig {
  @IsString()
  @MinLength(3, { message: 'set ADMIN_USERNAME to the first admin login (at least 3 characters)' })
  ADMIN_USERNAME: string = 'admin';

  /** Required in production; outside production the first admin is admin/admin. */
  @IsString()
  @MinLength(5, { message: 'set ADMIN_PASSWORD to the first admin password (at least 5 characters)' })
  ADMIN_PASSWORD: string = 'admin';
}

export function checkProductionSecrets(cfg: AssignmentConfig, env: Record<string, string | undefined>): void {
  if (cfg.NODE_ENV === 'production' && !env.ADMIN_PASSWORD) {
    throw new Error('Invalid configuration:\n  - ADMIN_PASSWORD: set it in production (the default admin/admin is for development only)');
  }
}
