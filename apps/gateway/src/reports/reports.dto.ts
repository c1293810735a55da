import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { toInstant } from '../requests/requests.dto';

/** A date range of filing (`to` exclusive; a bare date is Beijing midnight); the last 30 days by default. */
export class ReportQueryDto {
  @ApiPropertyOptional({ description: 'filed at or after, e.g. 2026-11-01' })
  @IsOptional()
  @Transform(toInstant)
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date or instant, e.g. 2026-11-01' })
  from?: string;

  @ApiPropertyOptional({ description: 'filed before, e.g. 2026-12-01' })
  @IsOptional()
  @Transform(toInstant)
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date or instant, e.g. 2026-12-01' })
  to?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  departmentId?: string;
}
