import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { type CalendarImportView, type CalendarView, CodedError } from '@qifu/contracts';
import { Roles } from '../auth/auth.decorators';
import { RpcClientService } from '../rpc/rpc-client.service';
import { CalendarDto } from './calendar.dto';
import { DueQueryDto } from './sla.dto';

const CALENDAR_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

function checkId(id: string): void {
  if (!CALENDAR_ID.test(id)) throw new CodedError('NOT_FOUND', `calendar ${id.slice(0, 80)} not found`);
}

/** Working calendars: read by every signed-in user, written by admins. */
@ApiTags('calendars')
@ApiBearerAuth()
@Controller('calendars')
export class CalendarsController {
  constructor(private readonly rpc: RpcClientService) {}

  @Get()
  list(): Promise<CalendarView[]> {
    return this.rpc.call('sla.calendars.list', {});
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<CalendarView> {
    checkId(id);
    return this.rpc.call('sla.calendars.get', { id });
  }

  @Roles('admin')
  @Post()
  create(@Body() body: CalendarDto): Promise<CalendarView> {
    return this.rpc.call('sla.calendars.create', { input: { ...body } });
  }

  @Roles('admin')
  @Put(':id')
  put(@Param('id') id: string, @Body() body: CalendarDto): Promise<CalendarView> {
    checkId(id);
    return this.rpc.call('sla.calendars.put', { id, input: { ...body } });
  }

  /** A published holiday calendar (text/calendar): all-day events become holidays, 补班/上班 events workdays. */
  @Roles('admin')
  @Post(':id/import-ics')
  @ApiConsumes('text/calendar')
  @ApiBody({ schema: { type: 'string' } })
  importIcs(@Param('id') id: string, @Body() body: unknown): Promise<CalendarImportView> {
    checkId(id);
    if (typeof body !== 'string' || body.trim() === '') {
      throw new CodedError('VALIDATION_FAILED', 'body: send the iCalendar file as the body with Content-Type: text/calendar', [
        { field: 'body', message: 'an iCalendar (text/calendar) body is required' },
      ]);
    }
    return this.rpc.call('sla.calendars.import_ics', { id, ics: body });
  }

  @Get(':id/due')
  due(@Param('id') id: string, @Query() q: DueQueryDto): Promise<{ dueAt: string }> {
    checkId(id);
    return this.rpc.call('sla.due', { calendarId: id, from: q.from, duration: q.duration, clock: q.clock ?? 'business' });
  }
}
