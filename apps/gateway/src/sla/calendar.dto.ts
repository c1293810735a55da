import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const HH_MM_OR_MIDNIGHT = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class WorkingHoursDto {
  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday: 1 = Monday .. 7 = Sunday' })
  @IsInt()
  @Min(1)
  @Max(7)
  weekday!: number;

  @ApiProperty({ example: '09:00' })
  @Matches(HH_MM, { message: 'open must be a time HH:mm such as 09:00' })
  open!: string;

  @ApiProperty({ example: '17:30', description: 'HH:mm, or 24:00 for midnight; after open' })
  @Matches(HH_MM_OR_MIDNIGHT, { message: 'close must be a time HH:mm such as 17:30 (or 24:00)' })
  close!: string;
}

/** Body of POST /calendars and PUT /calendars/:id; the SLA service checks the rest (zone, open < close, real dates, overlaps). */
export class CalendarDto {
  @ApiProperty({ example: 'Pudong service hall' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ example: 'Asia/Shanghai', description: 'an IANA time zone' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  timezone!: string;

  @ApiProperty({ type: [WorkingHoursDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(70)
  @ValidateNested({ each: true })
  @Type(() => WorkingHoursDto)
  workingHours!: WorkingHoursDto[];

  @ApiProperty({ example: ['2027-01-01'], description: 'YYYY-MM-DD days off' })
  @IsArray()
  @ArrayMaxSize(5000)
  @Matches(DATE, { each: true, message: 'each holiday must be a date YYYY-MM-DD' })
  holidays!: string[];

  @ApiProperty({ example: ['2027-02-07'], description: "YYYY-MM-DD make-up workdays (调休), worked with Monday's hours" })
  @IsArray()
  @ArrayMaxSize(5000)
  @Matches(DATE, { each: true, message: 'each workday must be a date YYYY-MM-DD' })
  workdays!: string[];
}
