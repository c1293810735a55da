import { BaseConfig } from '@qifu/config';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export class NotificationsConfig extends BaseConfig {
  /**
   * Hosts or address ranges webhooks may reach although they are loopback, private or link-local
   * (comma-separated host names, IPs or CIDR ranges, e.g. `hooks.zone.local,10.8.0.0/16`). Empty: refused.
   */
  @IsString()
  WEBHOOK_ALLOWED_HOSTS: string = '';

  /** Tries per webhook delivery before it is dead. */
  @IsInt()
  @Min(1)
  @Max(30)
  @Type(() => Number)
  WEBHOOK_MAX_ATTEMPTS: number = 8;

  /** First retry delay (ms); each next one doubles, with up to half of it taken off at random (jitter). */
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  @Type(() => Number)
  WEBHOOK_BACKOFF_MS: number = 5_000;

  /** How long one try may take, connect to last byte (ms). */
  @IsInt()
  @Min(100)
  @Max(120_000)
  @Type(() => Number)
  WEBHOOK_TIMEOUT_MS: number = 10_000;

  /** Deliveries (webhook or email) sent at once by one replica. */
  @IsInt()
  @Min(1)
  @Max(200)
  @Type(() => Number)
  DELIVERY_CONCURRENCY: number = 16;

  /** smtp:// or smtps:// URL of the mail relay; unset: no email. */
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'set SMTP_URL to an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.cn:587' })
  SMTP_URL?: string;

  /** The From of alert emails. */
  @IsString()
  EMAIL_FROM: string = 'Qifu 企服 <no-reply@qifu.local>';

  /** The web app's public address (e.g. https://desk.zone.gov.cn): emails link to the case when set. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'set PUBLIC_URL to the http(s) address people open the desk at' })
  PUBLIC_URL?: string;

  /** Tries per email before it is dead (same backoff as webhooks). */
  @IsInt()
  @Min(1)
  @Max(30)
  @Type(() => Number)
  EMAIL_MAX_ATTEMPTS: number = 6;
}

export const NOTIFICATIONS_CONFIG = Symbol('NOTIFICATIONS_CONFIG');
