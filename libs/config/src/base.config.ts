import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Matches, Max, Min } from 'class-validator';

const toBool = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;

/** Settings every service shares (API.md "Configuration"). */
export class BaseConfig {
  @IsIn(['development', 'production', 'test'], { message: 'set NODE_ENV to development, production or test' })
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'set DATABASE_URL to a postgres:// URL, e.g. postgres://127.0.0.1:5432/qifu' })
  DATABASE_URL: string = 'postgres://127.0.0.1:5432/qifu';

  /** Connections each service process keeps to PostgreSQL (several replicas × services must fit max_connections). */
  @IsInt()
  @Min(1)
  @Max(100)
  @Type(() => Number)
  DATABASE_POOL_SIZE: number = 10;

  @Matches(/^rediss?:\/\/.+/, { message: 'set REDIS_URL to a redis:// URL, e.g. redis://127.0.0.1:6379' })
  REDIS_URL: string = 'redis://127.0.0.1:6379';

  @Matches(/^[A-Za-z0-9_{}.-]+$/, { message: 'set QUEUE_PREFIX to letters, digits, _ . - { } only (no ":")' })
  QUEUE_PREFIX: string = 'qifu';

  @IsInt()
  @Min(100)
  @Max(120_000)
  @Type(() => Number)
  RPC_TIMEOUT_MS: number = 5_000;

  /** Most inbox events one transaction handles (1 = each event alone). */
  @IsInt()
  @Min(1)
  @Max(500)
  @Type(() => Number)
  INBOX_BATCH: number = 50;

  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'], { message: 'set LOG_LEVEL to error, warn, log, debug or verbose' })
  LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';

  /** Accept a Redis whose maxmemory-policy is not noeviction (evicted queue keys are lost work). */
  @Transform(toBool)
  ALLOW_REDIS_EVICTION: boolean = false;

  /**
   * CPU priority of the service's process (Unix nice, 0–19; higher yields more): sla defaults to 10
   * so that under load filing, assignment and the officers' notifications go first.
   */
  @IsInt()
  @Min(0)
  @Max(19)
  @Type(() => Number)
  PROCESS_NICE: number = 0;

  @IsString()
  INSTANCE_NAME: string = `${process.pid}`;
}

export { toBool };
