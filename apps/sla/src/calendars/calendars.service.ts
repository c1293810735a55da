import { Injectable } from '@nestjs/common';
import { addDuration, CalendarError, chinaDefaultCalendar, CN_DEFAULT_CALENDAR_ID, type WorkingCalendar } from '@qifu/calendar';
import { CodedError, type DueQuery } from '@qifu/contracts';

/**
 * Calendars by id. The foundation knows only the built-in `cn-default` (State Council holidays and
 * make-up workdays from chinese-days); stored and amended calendars come with the SLA issue.
 */
@Injectable()
export class CalendarsService {
  get(id: string): WorkingCalendar {
    if (id === CN_DEFAULT_CALENDAR_ID) return chinaDefaultCalendar();
    throw new CodedError('NOT_FOUND', `calendar ${id} not found`);
  }

  exists(id: string): boolean {
    return id === CN_DEFAULT_CALENDAR_ID;
  }

  due(q: DueQuery): { dueAt: string } {
    const cal = this.get(q.calendarId);
    const from = new Date(q.from);
    if (Number.isNaN(from.getTime()))
      throw new CodedError('VALIDATION_FAILED', 'from must be an ISO-8601 instant', [
        { field: 'from', message: 'from must be an ISO-8601 instant' },
      ]);
    try {
      return { dueAt: addDuration(cal, from, q.duration, q.clock).toISOString() };
    } catch (err) {
      if (err instanceof CalendarError)
        throw new CodedError('VALIDATION_FAILED', err.message, [{ field: 'duration', message: err.message }]);
      throw err;
    }
  }
}
