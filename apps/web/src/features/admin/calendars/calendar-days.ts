import type { Calendar, WorkingHours } from '../../../api/types';

export type DayKind = 'holiday' | 'workday' | 'weekend' | 'normal';

/** ISO weekday 1 (Mon) .. 7 (Sun) of a YYYY-MM-DD date, independent of the browser's zone. */
export function isoWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const wd = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).getUTCDay();
  return wd === 0 ? 7 : wd;
}

/** What a day is under a calendar: a listed holiday, a make-up workday, a weekend or a regular day. */
export function dayKind(date: string, cal: Pick<Calendar, 'holidays' | 'workdays' | 'workingHours'>): DayKind {
  if (cal.holidays.includes(date)) return 'holiday';
  if (cal.workdays.includes(date)) return 'workday';
  const wd = isoWeekday(date);
  const open = cal.workingHours.some((h) => h.weekday === wd);
  return open ? 'normal' : 'weekend';
}

/** A click cycles regular → holiday → make-up workday → regular; the lists stay sorted and unique. */
export function cycleDay<C extends Pick<Calendar, 'holidays' | 'workdays'>>(cal: C, date: string): C {
  const holidays = cal.holidays.filter((d) => d !== date);
  const workdays = cal.workdays.filter((d) => d !== date);
  if (cal.holidays.includes(date)) workdays.push(date);
  else if (!cal.workdays.includes(date)) holidays.push(date);
  return { ...cal, holidays: holidays.sort(), workdays: workdays.sort() };
}

/** Working hours must be HH:mm with open before close. */
export function validHours(h: WorkingHours): boolean {
  const re = /^([01]\d|2[0-3]):[0-5]\d$/;
  return h.weekday >= 1 && h.weekday <= 7 && re.test(h.open) && re.test(h.close) && h.open < h.close;
}

export const DEFAULT_HOURS: WorkingHours[] = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday,
  open: '09:00',
  close: '17:00',
}));
