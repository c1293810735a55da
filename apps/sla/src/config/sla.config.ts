import { Type } from 'class-transformer';
import { BaseConfig } from '@qifu/config';
import { IsInt, Max, Min } from 'class-validator';

export class SlaConfig extends BaseConfig {
  /**
   * Back-office work (deadlines of days, alerts raised to the second): under load it yields the CPU
   * to filing, assignment and notifications (BaseConfig.PROCESS_NICE).
   */
  override PROCESS_NICE: number = 10;

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

  /** How often each replica publishes its metrics for the gateway's /metrics (ms). */
  @IsInt()
  @Min(500)
  @Max(60_000)
  @Type(() => Number)
  SLA_METRICS_PUSH_MS: number = 5_000;

  /** An alert this long past its instant and still not raised is queued again (a lost or failed job). */
  @IsInt()
  @Min(1)
  @Max(3_600)
  @Type(() => Number)
  SLA_RETRY_AFTER_SECONDS: number = 30;
}
