import { IANAZone } from 'luxon';
import { parseLocalDate } from './local-date';

/** `business`: only working time counts. `calendar`: plain elapsed time. */
export type Clock = 'business' | 'calendar';

export const CLOCKS: readonly Clock[] = ['business', 'calendar'];

/**
 * One working interval on one weekday, local wall-clock time, open inclusive and close exclusive.
 * `close` may be `24:00` (until midnight). Several entries for one weekday are intervals with breaks.
 */
export interface WorkingHours {
  /** ISO weekday, 1 = Monday .. 7 = Sunday. */
  weekday: number;
  /** `HH:mm`, 00:00-23:59. */
  open: string;
  /** `HH:mm`, 00:01-24:00, after `open`. */
  close: string;
}

export interface WorkingCalendar {
  /** IANA zone, e.g. `Asia/Shanghai`. */
  timezone: string;
  workingHours: WorkingHours[];
  /** `YYYY-MM-DD` local dates that are not worked, even on a weekday. */
  holidays: string[];
  /** `YYYY-MM-DD` make-up workdays (调休), worked with the hours of a Monday. */
  workdays: string[];
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after local midnight for `HH:mm` (or `24:00` when `allowMidnightEnd`), else undefined. */
export function parseClockTime(value: unknown, allowMidnightEnd: boolean): number | undefined {
  if (typeof value !== 'string') return undefined;
  if (allowMidnightEnd && value === '24:00') return 24 * 60;
  const m = HH_MM.exec(value);
  if (!m) return undefined;
  return Number(m[1]) * 60 + Number(m[2]);
}

const WEEKDAY_NAMES = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function show(value: unknown): string {
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

/**
 * Every problem with a calendar, each naming its field in words; `[]` if it is fine. Safe on
 * untrusted JSON: wrong types are reported, not thrown.
 */
export function validateCalendar(cal: WorkingCalendar): string[] {
  const problems: string[] = [];
  const raw = cal as unknown;
  if (typeof raw !== 'object' || raw === null) return ['calendar: must be an object'];
  const c = raw as Record<string, unknown>;

  if (typeof c.timezone !== 'string' || !IANAZone.isValidZone(c.timezone)) {
    problems.push(`timezone: ${show(c.timezone)} is not an IANA time zone such as "Asia/Shanghai"`);
  }

  const hours = validateWorkingHours(c.workingHours);
  problems.push(...hours.problems);

  const holidays = validateDates('holidays', c.holidays, problems);
  const workdays = validateDates('workdays', c.workdays, problems);
  for (const [date, index] of workdays) {
    if (holidays.has(date)) {
      problems.push(
        `workdays[${String(index)}]: ${date} is also in holidays[${String(holidays.get(date) ?? 0)}]; a date is one or the other`,
      );
    }
  }
  if (workdays.size > 0 && hours.problems.length === 0 && !hours.mondayHasHours) {
    problems.push('workdays: make-up workdays are worked with the hours of a Monday, but workingHours has none for weekday 1');
  }
  return problems;
}

interface ParsedInterval {
  index: number;
  open: number;
  close: number;
  text: string;
}

function validateWorkingHours(value: unknown): { problems: string[]; mondayHasHours: boolean } {
  if (!Array.isArray(value)) return { problems: ['workingHours: must be an array of {weekday, open, close}'], mondayHasHours: false };
  const problems: string[] = [];
  const byWeekday = new Map<number, ParsedInterval[]>();
  value.forEach((entry: unknown, index) => {
    const field = `workingHours[${String(index)}]`;
    if (typeof entry !== 'object' || entry === null) {
      problems.push(`${field}: must be an object {weekday, open, close}`);
      return;
    }
    const e = entry as Record<string, unknown>;
    const weekdayOk = typeof e.weekday === 'number' && Number.isInteger(e.weekday) && e.weekday >= 1 && e.weekday <= 7;
    if (!weekdayOk) problems.push(`${field}.weekday: ${show(e.weekday)} is not an ISO weekday 1 (Monday) .. 7 (Sunday)`);
    const open = parseClockTime(e.open, false);
    if (open === undefined) problems.push(`${field}.open: ${show(e.open)} is not a time HH:mm between 00:00 and 23:59`);
    const close = parseClockTime(e.close, true);
    if (close === undefined) problems.push(`${field}.close: ${show(e.close)} is not a time HH:mm between 00:00 and 24:00`);
    if (open === undefined || close === undefined) return;
    if (open >= close) {
      problems.push(`${field}: open ${String(e.open)} must be before close ${String(e.close)} (split a night shift at 24:00)`);
      return;
    }
    if (!weekdayOk) return;
    const weekday = e.weekday as number;
    const list = byWeekday.get(weekday) ?? [];
    list.push({ index, open, close, text: `${String(e.open)}-${String(e.close)}` });
    byWeekday.set(weekday, list);
  });

  for (const [weekday, list] of byWeekday) {
    const sorted = [...list].sort((a, b) => a.open - b.open || a.index - b.index);
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1];
      const cur = sorted[i];
      if (prev && cur && cur.open < prev.close) {
        const [first, second] = prev.index < cur.index ? [prev, cur] : [cur, prev];
        problems.push(
          `workingHours[${String(second.index)}]: ${WEEKDAY_NAMES[weekday] ?? String(weekday)} ${second.text} overlaps workingHours[${String(first.index)}] ${first.text}`,
        );
      }
    }
  }
  if (problems.length === 0 && byWeekday.size === 0) {
    problems.push('workingHours: there is no working time in the week; give at least one {weekday, open, close}');
  }
  return { problems, mondayHasHours: byWeekday.has(1) };
}

/** Valid dates of `field` mapped to their first index; problems for the rest. */
function validateDates(field: 'holidays' | 'workdays', value: unknown, problems: string[]): Map<string, number> {
  const seen = new Map<string, number>();
  if (!Array.isArray(value)) {
    problems.push(`${field}: must be an array of 'YYYY-MM-DD' dates`);
    return seen;
  }
  value.forEach((date: unknown, index) => {
    if (parseLocalDate(date) === undefined) {
      problems.push(`${field}[${String(index)}]: ${show(date)} is not a real date YYYY-MM-DD`);
    } else if (!seen.has(date as string)) {
      seen.set(date as string, index);
    }
  });
  return seen;
}
