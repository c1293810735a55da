import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  PRIORITIES,
  type Priority,
  RATINGS,
  type Rating,
  REQUEST_CATEGORIES,
  REQUEST_STATUSES,
  type RequestCategory,
  type RequestStatus,
} from '@qifu/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsObject, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PaginationDto, toBoolean } from '../common/pagination.dto';

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
