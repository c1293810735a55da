import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CLOCKS,
  ESCALATION_AUDIENCES,
  type EscalationAudience,
  PRIORITIES,
  type Priority,
  REQUEST_CATEGORIES,
  type RequestCategory,
  type SlaClock,
} from '@qifu/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;

export class DurationSpecDto {
  @ApiProperty({ example: 'P3D' })
  @Matches(ISO_DURATION, { message: 'duration must be an ISO-8601 duration such as P3D or PT4H' })
  duration!: string;

  @ApiProperty({ enum: CLOCKS })
  @IsIn(CLOCKS)
  clock!: SlaClock;
}

export class PolicyMatchDto {
  @ApiPropertyOptional({ enum: REQUEST_CATEGORIES })
  @IsOptional()
  @IsIn(REQUEST_CATEGORIES)
  category?: RequestCategory;

  @ApiPropertyOptional({ enum: PRIORITIES })
  @IsOptional()
  @IsIn(PRIORITIES)
  priority?: Priority;
}

export class EscalationStepDto {
  @ApiProperty({ example: 'P1D' })
  @Matches(ISO_DURATION, { message: 'after must be an ISO-8601 duration such as P1D' })
  after!: string;

  @ApiProperty({ enum: ESCALATION_AUDIENCES })
  @IsIn(ESCALATION_AUDIENCES)
  notify!: EscalationAudience;
}

export class PutPolicyDto {
  @ApiProperty({ type: PolicyMatchDto })
  @ValidateNested()
  @Type(() => PolicyMatchDto)
  match!: PolicyMatchDto;

  @ApiProperty({ example: 'cn-default' })
  @IsString()
  @MaxLength(64)
  calendarId!: string;

  @ApiProperty({ type: DurationSpecDto })
  @ValidateNested()
  @Type(() => DurationSpecDto)
  response!: DurationSpecDto;

  @ApiProperty({ type: DurationSpecDto })
  @ValidateNested()
  @Type(() => DurationSpecDto)
  resolution!: DurationSpecDto;

  @ApiProperty({ example: [0.5, 0.8] })
  @IsArray()
  @ArrayMaxSize(10)
  @IsNumber({}, { each: true })
  @Min(0.01, { each: true })
  @Max(0.99, { each: true })
  warnAt!: number[];

  @ApiProperty({ type: [EscalationStepDto] })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => EscalationStepDto)
  escalation!: EscalationStepDto[];
}

export class DueQueryDto {
  @ApiProperty({ example: '2025-09-30T10:00:00+08:00' })
  @IsISO8601({ strict: true })
  from!: string;

  @ApiProperty({ example: 'P3D' })
  @Matches(ISO_DURATION, { message: 'duration must be an ISO-8601 duration such as P3D or PT4H' })
  duration!: string;

  @ApiPropertyOptional({ enum: CLOCKS, default: 'business' })
  @IsOptional()
  @IsIn(CLOCKS)
  clock?: SlaClock;
}
