import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_LOCALES,
  NOTIFICATION_TYPES,
  type NotificationChannel,
  type NotificationLocale,
  type NotificationType,
} from '@qifu/contracts';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsEmail, IsIn, IsOptional, MaxLength, ValidateIf } from 'class-validator';
import { PaginationDto, toBoolean } from '../common/pagination.dto';

export class ListNotificationsDto extends PaginationDto {
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  unread?: boolean;
}

/** PUT /notifications/preferences: fields left out keep their value. */
export class PutPreferencesDto {
  @ApiPropertyOptional({ enum: NOTIFICATION_TYPES, isArray: true, description: 'types muted on every channel' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(NOTIFICATION_TYPES.length)
  @ArrayUnique()
  @IsIn(NOTIFICATION_TYPES, { each: true, message: `mutedTypes must hold only ${NOTIFICATION_TYPES.join(', ')}` })
  mutedTypes?: NotificationType[];

  @ApiPropertyOptional({ enum: NOTIFICATION_CHANNELS, isArray: true, description: 'channels muted for every type' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(NOTIFICATION_CHANNELS.length)
  @ArrayUnique()
  @IsIn(NOTIFICATION_CHANNELS, { each: true, message: `mutedChannels must hold only ${NOTIFICATION_CHANNELS.join(', ')}` })
  mutedChannels?: NotificationChannel[];

  @ApiPropertyOptional({ nullable: true, description: 'where email alerts go; null turns email off' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an email address (or null)' })
  email?: string | null;

  @ApiPropertyOptional({ enum: NOTIFICATION_LOCALES })
  @IsOptional()
  @IsIn(NOTIFICATION_LOCALES, { message: `locale must be one of ${NOTIFICATION_LOCALES.join(', ')}` })
  locale?: NotificationLocale;
}
