import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  PRIORITIES,
  type Priority,
  RATINGS,
  type Rating,
  REQUEST_CATEGORIES,
  REQUEST_SORTS,
  type RequestSort,
  REQUEST_STATUSES,
  type RequestCategory,
  type RequestStatus,
} from '@qifu/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsObject, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PaginationDto, toBoolean } from '../common/pagination.dto';

/** A bare date (2026-11-01) means midnight in Beijing, where the centres are. */
export function toInstant({ value }: { value: unknown }): unknown {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+08:00` : value;
}

export class FileRequestDto {
  @ApiProperty({ enum: REQUEST_CATEGORIES })
  @IsIn(REQUEST_CATEGORIES)
  category!: RequestCategory;

  @ApiProperty({ example: '急需挡车工20名' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(5_000)
  description!: string;

  @ApiPropertyOptional({ enum: PRIORITIES, default: 'normal' })
  @IsOptional()
  @IsIn(PRIORITIES)
  priority?: Priority;

  @ApiProperty({ description: 'validated per category, see API.md' })
  @IsObject()
  details!: Record<string, unknown>;
}

export class ListRequestsDto extends PaginationDto {
  @ApiPropertyOptional({ enum: REQUEST_STATUSES })
  @IsOptional()
  @IsIn(REQUEST_STATUSES)
  status?: RequestStatus;

  @ApiPropertyOptional({ enum: REQUEST_CATEGORIES })
  @IsOptional()
  @IsIn(REQUEST_CATEGORIES)
  category?: RequestCategory;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  breached?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  escalated?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ description: 'filed at or after (ISO 8601 date or instant; a date is midnight Beijing time)' })
  @IsOptional()
  @Transform(toInstant)
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date or instant, e.g. 2026-11-01' })
  from?: string;

  @ApiPropertyOptional({ description: 'filed before (exclusive)' })
  @IsOptional()
  @Transform(toInstant)
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date or instant, e.g. 2026-12-01' })
  to?: string;

  @ApiPropertyOptional({ enum: REQUEST_SORTS, default: '-createdAt' })
  @IsOptional()
  @IsIn(REQUEST_SORTS)
  sort?: RequestSort;

  @ApiPropertyOptional({ description: 'text in title, description or reference number' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class CommentDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(5_000)
  body!: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  internal?: boolean;
}

export class ResolveDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(5_000)
  resolution!: string;
}

export class RateDto {
  @ApiProperty({ enum: RATINGS })
  @IsIn(RATINGS)
  rating!: Rating;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2_000)
  comment?: string;
}
