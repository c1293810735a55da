/**
 * @qifu/calendar: working-time arithmetic for SLA due dates. Plain TypeScript, no I/O, no clock:
 * instants are JS `Date`s (UTC), the calendar names its IANA zone. See docs/calendar.md.
 */
export { CALENDAR_ERROR_CODES, CalendarError, type CalendarErrorCode } from './calendar.errors';
export { CLOCKS, validateCalendar, type Clock, type WorkingCalendar, type WorkingHours } from './working-calendar';
export { MAX_DURATION_DAYS, parseDuration, type ParsedDuration } from './iso-duration';
export { addWorkingMillis, isWorkingDay, nextOpening, workingMillisBetween } from './working-time';
export { addDuration } from './add-duration';
export {
  CN_DEFAULT_CALENDAR_ID,
  CN_DEFAULT_WORKING_HOURS,
  chinaDefaultCalendar,
  chinaDefaultCalendarYears,
} from './china-default-calendar';
