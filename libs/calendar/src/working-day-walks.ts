import { CalendarError } from './calendar.errors';
import { dayInfo, isWorkingDayNumber, localDayOf, type CompiledCalendar } from './compiled-calendar';
import { formatLocalDate } from './local-date';

/*
 * Walks over the local days of a compiled calendar: the next opening, adding working time, the
 * working time between two instants, the n-th working day. Each day's intervals come from
 * `dayInfo` (cached), so a walk is lookups and additions.
 */

/** Give up looking for working time after this many days without any (a calendar that never opens). */
export const MAX_DAYS_WITHOUT_WORK = 3660;

function noWorkingTime(c: CompiledCalendar, fromDay: number): CalendarError {
  return new CalendarError(
    'INVALID_CALENDAR',
    `The calendar has no working time in the ${String(MAX_DAYS_WITHOUT_WORK)} days from ${formatLocalDate(fromDay)} (${c.zone.name})`,
  );
}

/** The first instant at or after `ms` that is inside working time. */
export function nextOpeningMs(c: CompiledCalendar, ms: number): number {
  const first = localDayOf(c, ms);
  for (let day = first; day - first <= MAX_DAYS_WITHOUT_WORK; day++) {
    const { bounds } = dayInfo(c, day);
    for (let i = 0; i + 1 < bounds.length; i += 2) {
      const end = bounds[i + 1] ?? 0;
      if (end > ms) return Math.max(bounds[i] ?? 0, ms);
    }
  }
  throw noWorkingTime(c, first);
}

/** The earliest instant `t` such that the working time in [ms, t) is `amount` (an integer >= 0). */
export function addWorkingMs(c: CompiledCalendar, ms: number, amount: number): number {
  if (amount <= 0) return ms;
  let remaining = amount;
  const first = localDayOf(c, ms);
  let lastWorked = first;
  for (let day = first; day - lastWorked <= MAX_DAYS_WITHOUT_WORK; day++) {
    const { bounds, total } = dayInfo(c, day);
    if (total === 0) continue;
    lastWorked = day;
    if ((bounds[0] ?? 0) >= ms && total < remaining) {
      remaining -= total; // the whole day counts: skip its intervals
      continue;
    }
    for (let i = 0; i + 1 < bounds.length; i += 2) {
      const end = bounds[i + 1] ?? 0;
      if (end <= ms) continue;
      const start = Math.max(bounds[i] ?? 0, ms);
      const available = end - start;
      if (remaining <= available) return start + remaining;
      remaining -= available;
    }
  }
  throw noWorkingTime(c, lastWorked);
}

/** Working time inside [from, to); 0 when `to <= from`. */
export function workingMsBetween(c: CompiledCalendar, from: number, to: number): number {
  if (to <= from) return 0;
  const firstDay = localDayOf(c, from);
  const lastDay = localDayOf(c, to);
  let sum = 0;
  for (let day = firstDay; day <= lastDay; day++) {
    const { bounds, total } = dayInfo(c, day);
    if (total === 0) continue;
    const dayStart = bounds[0] ?? 0;
    const dayEnd = bounds[bounds.length - 1] ?? 0;
    if (dayStart >= from && dayEnd <= to) {
      sum += total;
      continue;
    }
    for (let i = 0; i + 1 < bounds.length; i += 2) {
      const start = Math.max(bounds[i] ?? 0, from);
      const end = Math.min(bounds[i + 1] ?? 0, to);
      if (end > start) sum += end - start;
    }
  }
  return sum;
}

/** The n-th working day (n >= 1) after local `day`. */
export function nthWorkingDayAfter(c: CompiledCalendar, day: number, n: number): number {
  let d = day;
  let sinceLast = 0;
  for (let found = 0; found < n;) {
    d++;
    if (isWorkingDayNumber(c, d)) {
      found++;
      sinceLast = 0;
    } else if (++sinceLast > MAX_DAYS_WITHOUT_WORK) {
      throw noWorkingTime(c, d - sinceLast);
    }
  }
  return d;
}
