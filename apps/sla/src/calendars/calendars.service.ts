import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import {
  addDuration,
  CalendarError,
  chinaDefaultCalendar,
  chinaDefaultCalendarYears,
  CN_DEFAULT_CALENDAR_ID,
  validateCalendar,
  type WorkingCalendar,
} from '@qifu/calendar';
import { type CalendarImportView, type CalendarInput, type CalendarView, CodedError, type DueQuery } from '@qifu/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { CalendarRow } from './calendar.entity';
import { layerAmendments, mergeImported } from './domain/calendar-amendments';
import { IcsImportError, parseHolidayIcs } from './domain/ics-import';

interface Compiled {
  version: number;
  calendar: WorkingCalendar;
}

/**
 * Calendars by id, stored in PostgreSQL. The built-in `cn-default` is the chinese-days dataset
 * with the stored amendments layered over it. Each use reads the row's version (one primary-key
 * lookup) and reuses the calendar object built for that version, so the library's compiled form
 * stays cached and a change made through any replica applies to the next deadline computed.
 */
@Injectable()
export class CalendarsService implements OnApplicationBootstrap {
  private readonly log = new Logger('CalendarsService');
  private readonly cache = new Map<string, Compiled>();

  constructor(private readonly dataSource: DataSource) {}

  /** The State Council publishes a year's schedule late in the year before: say when it is missing. */
  async onApplicationBootstrap(): Promise<void> {
    const nextYear = new Date().getUTCFullYear() + 1;
    const { last } = chinaDefaultCalendarYears();
    if (last >= nextYear) return;
    const row = await this.dataSource.manager.findOne(CalendarRow, { where: { id: CN_DEFAULT_CALENDAR_ID } });
    if (row?.holidays.some((d) => d.startsWith(`${nextYear}-`))) return;
    this.log.warn(
      `cn-default has no holidays for ${nextYear} (the chinese-days data ends with ${last}): once the State Council publishes the schedule, add it with PUT /calendars/cn-default or POST /calendars/cn-default/import-ics, or upgrade chinese-days`,
    );
  }

  async get(id: string, m: EntityManager = this.dataSource.manager): Promise<WorkingCalendar> {
    const head = await m.findOne(CalendarRow, { select: { id: true, version: true }, where: { id } });
    if (!head) throw new CodedError('NOT_FOUND', `calendar ${id} not found`);
    const cached = this.cache.get(id);
    if (cached?.version === head.version) return cached.calendar;
    const row = await m.findOneOrFail(CalendarRow, { where: { id } });
    const calendar = effective(row);
    this.cache.set(id, { version: row.version, calendar });
    return calendar;
  }

  async exists(id: string): Promise<boolean> {
    return this.dataSource.manager.exists(CalendarRow, { where: { id } });
  }

  async list(): Promise<CalendarView[]> {
    const rows = await this.dataSource.manager.find(CalendarRow, { order: { builtIn: 'DESC', name: 'ASC' } });
    return rows.map(toView);
  }

  async view(id: string): Promise<CalendarView> {
    return toView(await this.row(this.dataSource.manager, id));
  }

  async create(input: CalendarInput): Promise<CalendarView> {
    const row: CalendarRow = { id: randomUUID(), ...normalised(input), builtIn: false, version: 1, updatedAt: new Date() };
    check(effective(row));
    await this.dataSource.manager.insert(CalendarRow, row);
    return toView(row);
  }

  /** Replaces a calendar. For cn-default the lists are amendments over the dataset (docs/calendar.md). */
  async put(id: string, input: CalendarInput): Promise<CalendarView> {
    return this.dataSource.transaction(async (m) => {
      const row = await this.row(m, id, true);
      const next: CalendarRow = { ...row, ...normalised(input), version: row.version + 1, updatedAt: new Date() };
      check(effective(next));
      await m.save(CalendarRow, next);
      return toView(next);
    });
  }

  async importIcs(id: string, ics: string): Promise<CalendarImportView> {
    let imported;
    try {
      imported = parseHolidayIcs(ics);
    } catch (err) {
      if (err instanceof IcsImportError) throw new CodedError('VALIDATION_FAILED', err.message, [{ field: 'body', message: err.message }]);
      throw err;
    }
    return this.dataSource.transaction(async (m) => {
      const row = await this.row(m, id, true);
      const next: CalendarRow = { ...row, ...mergeImported(row, imported), version: row.version + 1, updatedAt: new Date() };
      check(effective(next));
      await m.save(CalendarRow, next);
      return {
        calendar: toView(next),
        imported: { holidays: imported.holidays.length, workdays: imported.workdays.length, ignoredEvents: imported.ignoredEvents },
      };
    });
  }

  async due(q: DueQuery): Promise<{ dueAt: string }> {
    const cal = await this.get(q.calendarId);
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

  private async row(m: EntityManager, id: string, lock = false): Promise<CalendarRow> {
    const row = await m.findOne(CalendarRow, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!row) throw new CodedError('NOT_FOUND', `calendar ${id} not found`);
    return row;
  }
}

function normalised(input: CalendarInput): Pick<CalendarRow, 'name' | 'timezone' | 'workingHours' | 'holidays' | 'workdays'> {
  return {
    name: input.name.trim(),
    timezone: input.timezone,
    workingHours: [...input.workingHours]
      .map((h) => ({ weekday: h.weekday, open: h.open, close: h.close }))
      .sort((a, b) => a.weekday - b.weekday || a.open.localeCompare(b.open)),
    holidays: [...new Set(input.holidays)].sort(),
    workdays: [...new Set(input.workdays)].sort(),
  };
}

/** The calendar the arithmetic uses: the row itself, or for cn-default the dataset with the row's amendments. */
function effective(row: CalendarRow): WorkingCalendar {
  const own = { timezone: row.timezone, workingHours: row.workingHours };
  if (row.id === CN_DEFAULT_CALENDAR_ID) return layerAmendments(chinaDefaultCalendar(), row, own);
  return { ...own, holidays: row.holidays, workdays: row.workdays };
}

/** Every problem at once, each naming its field (`workingHours[1]: ...` → field `workingHours[1]`). */
function check(cal: WorkingCalendar): void {
  const problems = validateCalendar(cal);
  if (problems.length === 0) return;
  throw new CodedError(
    'VALIDATION_FAILED',
    problems.join('; '),
    problems.map((message) => ({ field: /^([A-Za-z]+(\[\d+\])?)/.exec(message)?.[1] ?? 'body', message })),
  );
}

function toView(row: CalendarRow): CalendarView {
  const cal = effective(row);
  const builtIn = row.id === CN_DEFAULT_CALENDAR_ID;
  return {
    id: row.id,
    name: row.name,
    timezone: row.timezone,
    workingHours: row.workingHours,
    holidays: [...cal.holidays],
    workdays: [...cal.workdays],
    builtIn: row.builtIn,
    datasetYears: builtIn ? chinaDefaultCalendarYears() : null,
    amendments: builtIn ? { holidays: row.holidays, workdays: row.workdays } : null,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}
