import { CalendarError } from './calendar.errors';
import { compile, isWorkingDayNumber } from './compiled-calendar';
import { addWorkingMs, nextOpeningMs, workingMsBetween } from './working-day-walks';
import { parseLocalDate } from './local-date';
import type { WorkingCalendar } from './working-calendar';

/*
 * Working time is the union of the calendar's intervals, each [open, close) in local wall-clock
 * time: an instant exactly at an opening is inside, exactly at a closing is outside.
 */

export function instantOf(value: Date, field: string): number {
  const ms = value instanceof Date ? value.getTime() : NaN;
  if (Number.isNaN(ms)) throw new CalendarError('INVALID_DATE', `${field}: not a valid Date`);
  return ms;
}

/** `from` itself if it is inside working time, else the next opening after it. */
export function nextOpening(cal: WorkingCalendar, from: Date): Date {
  const c = compile(cal);
  return new Date(nextOpeningMs(c, instantOf(from, 'from')));
}

/** Working time, in milliseconds, inside [from, to); 0 if `to <= from`. */
export function workingMillisBetween(cal: WorkingCalendar, from: Date, to: Date): number {
  const c = compile(cal);
  return workingMsBetween(c, instantOf(from, 'from'), instantOf(to, 'to'));
}

/**
 * The earliest instant at which `ms` of working time has elapsed after `from`: for `ms > 0` it lies
 * inside working time or exactly at a closing (09:00 + 3 h with a 12:00 break is 12:00, not 13:30);
 * for `ms = 0` it is `from`. A fractional `ms` is rounded up to the next whole millisecond.
 */
export function addWorkingMillis(cal: WorkingCalendar, from: Date, ms: number): Date {
  const c = compile(cal);
  const start = instantOf(from, 'from');
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
    throw new CalendarError('INVALID_DURATION', `ms: ${String(ms)} is not a non-negative number of milliseconds`);
  }
  return new Date(addWorkingMs(c, start, Math.ceil(ms)));
}

/**
 * Whether the local date `YYYY-MM-DD` has working hours: a holiday never does, a make-up workday
 * has Monday's, any other date its weekday's. Throws `INVALID_DATE` for a date that is not real.
 */
export function isWorkingDay(cal: WorkingCalendar, localDate: string): boolean {
  const c = compile(cal);
  const day = parseLocalDate(localDate);
  if (day === undefined) throw new CalendarError('INVALID_DATE', `${JSON.stringify(localDate)} is not a real date YYYY-MM-DD`);
  return isWorkingDayNumber(c, day);
}
