import chineseDays from 'chinese-days/dist/chinese-days.json';
import type { WorkingCalendar, WorkingHours } from './working-calendar';

/** Id of the built-in calendar (API.md "Calendars and SLA"). */
export const CN_DEFAULT_CALENDAR_ID = 'cn-default';

/** Mon-Fri 09:00-12:00 and 13:30-17:30, the usual hours of a Chinese government service hall. */
export const CN_DEFAULT_WORKING_HOURS: readonly Readonly<WorkingHours>[] = Object.freeze(
  [1, 2, 3, 4, 5].flatMap((weekday) => [
    Object.freeze({ weekday, open: '09:00', close: '12:00' }),
    Object.freeze({ weekday, open: '13:30', close: '17:30' }),
  ]),
);

interface ChineseDaysData {
  /** `YYYY-MM-DD` → "English name,中文名,n" for every day off of a public holiday (weekends included). */
  holidays: Record<string, string>;
  /** `YYYY-MM-DD` → name, for every make-up workday (调休上班). */
  workdays: Record<string, string>;
}

let built: WorkingCalendar | undefined;
let years: { first: number; last: number } | undefined;

/**
 * The built-in calendar `cn-default`: Asia/Shanghai, Mon-Fri 09:00-12:00 and 13:30-17:30, with the
 * State Council's public holidays and make-up workdays for every year the npm package
 * `chinese-days` carries (its published `dist/chinese-days.json`). Beyond those years only
 * weekends are days off until the data is updated or the calendar amended at run time.
 *
 * Built once and shared: the object and its lists are frozen. To amend it, copy it, e.g.
 * `{ ...chinaDefaultCalendar(), holidays: [...chinaDefaultCalendar().holidays, '2027-10-01'] }`.
 */
export function chinaDefaultCalendar(): WorkingCalendar {
  if (built) return built;
  const data = chineseDays as ChineseDaysData;
  const holidays = Object.keys(data.holidays).sort();
  const workdays = Object.keys(data.workdays).sort();
  built = Object.freeze({
    timezone: 'Asia/Shanghai',
    workingHours: CN_DEFAULT_WORKING_HOURS as WorkingHours[],
    holidays: Object.freeze(holidays) as string[],
    workdays: Object.freeze(workdays) as string[],
  });
  return built;
}

/** First and last year for which `chinaDefaultCalendar()` carries the official schedule. */
export function chinaDefaultCalendarYears(): { first: number; last: number } {
  if (years) return years;
  const all = [...chinaDefaultCalendar().holidays, ...chinaDefaultCalendar().workdays].map((d) => Number(d.slice(0, 4)));
  years = Object.freeze({ first: Math.min(...all), last: Math.max(...all) });
  return years;
}
