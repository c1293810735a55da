import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HAZARD_SEVERITIES, HAZARD_TYPES, type HazardSeverity, type HazardType, type RequestCategory } from '@qifu/contracts';
import { plainToInstance, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
  ValidateNested,
} from 'class-validator';
import { fieldProblems, validationFailed } from '../errors/validation';

export class HiringPositionDto {
  @ApiProperty({ example: '挡车工 loom operator' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  title!: string;

  @ApiProperty({ minimum: 1, maximum: 10_000, example: 20 })
  @IsInt()
  @Min(1)
  @Max(10_000)
  headcount!: number;
}

export class HiringDetailsDto {
  @ApiProperty({ type: [HiringPositionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => HiringPositionDto)
  positions!: HiringPositionDto[];

  @ApiPropertyOptional({ example: '2026-12-01' })
  @IsOptional()
  @IsDateString({ strict: true })
  neededBy?: string;
}

export class FinancingDetailsDto {
  @ApiProperty({ example: 5_000_000 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.01, { message: 'amountCny must be greater than 0' })
  @Max(1e13)
  amountCny!: number;

  @ApiProperty({ example: '购置设备 equipment' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  purpose!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 360 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(360)
  termMonths?: number;
}

export class SafetyHazardDetailsDto {
  @ApiProperty({ example: '二号车间配电柜 workshop 2 switchboard' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  location!: string;

  @ApiProperty({ enum: HAZARD_TYPES })
  @IsIn(HAZARD_TYPES)
  hazardType!: HazardType;

  @ApiProperty({ enum: HAZARD_SEVERITIES })
  @IsIn(HAZARD_SEVERITIES)
  severity!: HazardSeverity;

  @ApiProperty()
  @IsBoolean()
  immediateDanger!: boolean;
}

/** Policy, approval and other requests: optional free-text particulars. */
export class GeneralDetailsDto {
  @ApiPropertyOptional({ description: 'the policy, permit or programme concerned' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  subject?: string;
}

const DETAILS: Readonly<Record<RequestCategory, new () => object>> = {
  hiring: HiringDetailsDto,
  financing: FinancingDetailsDto,
  safety_hazard: SafetyHazardDetailsDto,
  policy: GeneralDetailsDto,
  approval: GeneralDetailsDto,
  other: GeneralDetailsDto,
};

/** Validates `details` with the form of its category; problems are named `details.<path>`. */
export function validateDetails(category: RequestCategory, details: object): void {
  const instance = plainToInstance(DETAILS[category], details);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  if (errors.length > 0) throw validationFailed(fieldProblems(errors, 'details'));
}
