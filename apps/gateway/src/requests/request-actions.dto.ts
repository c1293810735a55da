import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ReviewOutcome } from '@qifu/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

const REVIEW_OUTCOMES: readonly ReviewOutcome[] = ['rework', 'upheld'];

/** All the missing items at once, so the company answers once. */
export class RequestInfoDto {
  @ApiProperty({ type: [String], example: ['营业执照副本', '近三个月社保缴纳证明'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(500, { each: true })
  items!: string[];
}

export class ProvideInfoDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(5_000)
  message!: string;
}

/** To a department (the service picks the officer there) or to a named officer; exactly one. */
export class TransferDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  toDepartmentId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  toOfficerId?: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(2_000)
  reason!: string;
}

export class ReviewDto {
  @ApiProperty({ enum: REVIEW_OUTCOMES })
  @IsIn(REVIEW_OUTCOMES)
  outcome!: ReviewOutcome;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(2_000)
  note!: string;
}

/** A reason is required for escalating, cancelling and reopening. */
export class ReasonDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(2_000)
  reason!: string;
}

export class MilestoneDto {
  @ApiProperty({ example: '完成岗前培训 training done' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: '2026-12-15T17:00:00+08:00' })
  @IsISO8601({ strict: true }, { message: 'dueAt must be an ISO 8601 instant, e.g. 2026-12-15T17:00:00+08:00' })
  dueAt!: string;
}

/** Dated milestones for a case that cannot be solved within its target; in date order, all in the future. */
export class PlanDto {
  @ApiProperty({ type: [MilestoneDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => MilestoneDto)
  milestones!: MilestoneDto[];

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(2_000)
  reason!: string;
}
