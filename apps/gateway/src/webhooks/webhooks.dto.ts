import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  NOTIFICATION_TYPES,
  type NotificationType,
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_FORMATS,
  type WebhookDeliveryStatus,
  type WebhookFormat,
} from '@qifu/contracts';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PaginationDto } from '../common/pagination.dto';

const EVENTS_MESSAGE = `events must hold only ${NOTIFICATION_TYPES.join(', ')}`;

export class CreateWebhookDto {
  @ApiProperty({ example: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…' })
  @IsString()
  @MaxLength(2_000)
  url!: string;

  @ApiProperty({ enum: NOTIFICATION_TYPES, isArray: true })
  @IsArray()
  @ArrayMinSize(1, { message: 'events must name at least one notification type' })
  @ArrayMaxSize(NOTIFICATION_TYPES.length)
  @ArrayUnique()
  @IsIn(NOTIFICATION_TYPES, { each: true, message: EVENTS_MESSAGE })
  events!: NotificationType[];

  @ApiProperty({ description: 'signs every body (X-Qifu-Signature: sha256=<hex hmac>); never shown again' })
  @IsString()
  @MinLength(16, { message: 'secret must be at least 16 characters' })
  @MaxLength(256)
  secret!: string;

  @ApiPropertyOptional({
    enum: WEBHOOK_FORMATS,
    default: 'qifu',
    description: 'qifu JSON, or a WeChat-work / DingTalk group bot text message',
  })
  @IsOptional()
  @IsIn(WEBHOOK_FORMATS, { message: `format must be one of ${WEBHOOK_FORMATS.join(', ')}` })
  format?: WebhookFormat;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(200)
  description?: string | null;
}

/** Any of the create fields, with the same rules. */
export class UpdateWebhookDto extends PartialType(CreateWebhookDto) {}

export class ListDeliveriesDto extends PaginationDto {
  @ApiPropertyOptional({ enum: WEBHOOK_DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(WEBHOOK_DELIVERY_STATUSES, { message: `status must be one of ${WEBHOOK_DELIVERY_STATUSES.join(', ')}` })
  status?: WebhookDeliveryStatus;
}
