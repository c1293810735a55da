import { Type } from 'class-transformer';
import { BaseConfig } from '@qifu/config';
import { IsInt, Max, Min } from 'class-validator';

export class SlaConfig extends BaseConfig {
  /** Alerts due within this many seconds are held in Redis as delayed jobs; later ones only in PostgreSQL. */
  @IsInt()
  @Min(5)
  @Max(86_400)
  @Type(() => Number)
  SLA_WINDOW_SECONDS: number = 120;

  /** How often the scheduler looks for alerts entering the window (ms). */
  @IsInt()
  @Min(100)
  @Max(60_000)
  @Type(() => Number)
  SLA_SWEEP_MS: number = 5_000;
}
