import { DateTime } from 'luxon';
import { CalendarError } from './calendar.errors';
import { compile, dayInfo, localDayOf, localTimeOfDay, localToInstant, type CompiledCalendar } from './compiled-calendar';
import { addWorkingMs, nextOpeningMs, nthWorkingDayAfter } from './working-day-walks';
import { parseDuration, type ParsedDuration } from './iso-duration';
import { instantOf } from './working-time';
import { CLOCKS, type Clock, type WorkingCalendar } from './working-calendar';

/**
 * The due instant of an ISO-8601 `duration` started at `from`.
 *
 * Business clock:
 * 1. A start outside working time counts from the next opening.
 * 2. `PnD`: the same local wall-clock time on the n-th following working day (holidays skipped,
 *    make-up workdays counted). If that time is not working time on that day (its hours differ,
 *    it falls in a break, after closing, or in a DST gap), the due moves to the next opening at or
 *    after it.
 * 3. `PTnH` / `PTnM` / `PTnS`: only working time counts; the result is the earliest instant at which
 *    that much working time has elapsed (so it can be exactly a closing time).
 * 4. `PnDTnH`: days first, then the working time from there.
 *
 * Calendar clock: plain elapsed time by luxon `plus` in the calendar's zone: `PnD`/`PnW` keep the
 * local wall-clock time (a day across a DST change lasts 23 or 25 hours), `PTnH` is exact elapsed time.
 */
export function addDuration(cal: WorkingCalendar, from: Date, duration: string, clock: Clock): Date {
  if (!(CLOCKS as readonly unknown[]).includes(clock)) {
    throw new CalendarError('INVALID_DURATION', `clock: ${JSON.stringify(clock)} is neither "business" nor "calendar"`);
  }
  const c = compile(cal);
  const start = instantOf(from, 'from');
  const parsed = parseDuration(duration, clock);
  return new Date(clock === 'business' ? addBusiness(c, start, parsed) : addCalendar(c, start, parsed));
}

function addBusiness(c: CompiledCalendar, from: number, d: ParsedDuration): number {
  let due = nextOpeningMs(c, from);
  if (d.days > 0) {
    const startDay = localDayOf(c, due);
    const targetDay = nthWorkingDayAfter(c, startDay, d.days);
    due = nextOpeningMs(c, localToInstant(c, targetDay, localTimeOfDay(c, startDay, due)));
  }
  return addWorkingMs(c, due, d.timeMillis);
}

function addCalendar(c: CompiledCalendar, from: number, d: ParsedDuration): number {
  const days = d.weeks * 7 + d.days;
  // Hours, minutes and seconds are elapsed time: luxon adds them as milliseconds too.
  if (days === 0) return from + d.timeMillis;
  // Between two days without an offset change, "the same wall-clock time n days later" is the same
  // distance from the day's start: what luxon's plus gives, without its cost (the hot path).
  const startDay = localDayOf(c, from);
  const a = dayInfo(c, startDay);
  const b = dayInfo(c, startDay + days);
  if (a.offsetMs !== undefined && b.offsetMs !== undefined) return b.start + (from - a.start) + d.timeMillis;
  return DateTime.fromMillis(from, { zone: c.zone }).plus({ weeks: d.weeks, days: d.days, milliseconds: d.timeMillis }).toMillis();
}
