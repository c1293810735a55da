import ICAL from 'ical.js';

/** A summary that marks a make-up workday (调休上班) rather than a day off. */
export const MAKE_UP_WORKDAY = /补班|上班|make-up work|working day|workday/i;

/** At most this many days from one event (a typo such as DTEND in the next decade must not explode). */
const MAX_EVENT_DAYS = 60;

export interface IcsImport {
  holidays: string[];
  workdays: string[];
  ignoredEvents: number;
}

export class IcsImportError extends Error {}

/**
 * Reads a published holiday calendar (RFC 5545, as the State Council schedule is republished by
 * calendar feeds). The rule:
 * - an event whose summary contains 补班 or 上班 (or "make-up work", "working day", "workday") makes
 *   each of its dates a **workday**, whether it is all-day or timed;
 * - any other **all-day** event (DTSTART;VALUE=DATE) makes each of its dates a **holiday**,
 *   DTEND exclusive (no DTEND: one day);
 * - any other timed event is ignored and counted in `ignoredEvents`.
 * Recurrence rules are not expanded: holiday feeds list each year's dates explicitly.
 */
export function parseHolidayIcs(text: string): IcsImport {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  } catch (err) {
    throw new IcsImportError(`not a readable iCalendar file: ${(err as Error).message}`);
  }
  if (root.name !== 'vcalendar') throw new IcsImportError('not an iCalendar file: it must start with BEGIN:VCALENDAR');
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  let ignoredEvents = 0;
  for (const vevent of root.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(vevent);
    const start = event.startDate as ICAL.Time | null;
    if (!start) {
      ignoredEvents++;
      continue;
    }
    const makeUp = MAKE_UP_WORKDAY.test(event.summary ?? '');
    if (!makeUp && !start.isDate) {
      ignoredEvents++;
      continue;
    }
    const target = makeUp ? workdays : holidays;
    for (const day of eventDays(start, event.endDate as ICAL.Time | null)) target.add(day);
  }
  for (const d of workdays) holidays.delete(d); // a day marked both: the make-up announcement wins
  if (holidays.size === 0 && workdays.size === 0) throw new IcsImportError('the file has no all-day holiday and no make-up workday event');
  return { holidays: [...holidays].sort(), workdays: [...workdays].sort(), ignoredEvents };
}

function eventDays(start: ICAL.Time, end: ICAL.Time | null): string[] {
  const first = Date.UTC(start.year, start.month - 1, start.day);
  let last = first;
  if (end) {
    const endDay = Date.UTC(end.year, end.month - 1, end.day);
    // An all-day DTEND is exclusive; a timed event covers the day it ends in unless it ends at midnight.
    const exclusive = end.isDate || (end.hour === 0 && end.minute === 0 && end.second === 0);
    last = Math.max(first, exclusive ? endDay - 86_400_000 : endDay);
  }
  if ((last - first) / 86_400_000 >= MAX_EVENT_DAYS)
    throw new IcsImportError(
      `an event spans more than ${MAX_EVENT_DAYS} days (from ${dayText(first)}); holiday feeds list one holiday per event`,
    );
  const days: string[] = [];
  for (let d = first; d <= last; d += 86_400_000) days.push(dayText(d));
  return days;
}

function dayText(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
