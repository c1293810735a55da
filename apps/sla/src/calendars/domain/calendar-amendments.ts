import type { WorkingCalendar } from '@qifu/calendar';

export interface DateLists {
  holidays: readonly string[];
  workdays: readonly string[];
}

/**
 * The built-in calendar with run-time amendments over it: an amended holiday is a day off even
 * where the dataset had a make-up workday, and an amended workday is worked even where the dataset
 * had a holiday. Amending never removes a date otherwise, so sending the effective lists back
 * unchanged (GET then PUT) changes nothing.
 */
export function layerAmendments(
  base: WorkingCalendar,
  amendments: DateLists,
  override: Omit<WorkingCalendar, 'holidays' | 'workdays'>,
): WorkingCalendar {
  const addHolidays = new Set(amendments.holidays);
  const addWorkdays = new Set(amendments.workdays);
  const holidays = new Set(base.holidays.filter((d) => !addWorkdays.has(d)));
  for (const d of addHolidays) holidays.add(d);
  const workdays = new Set(base.workdays.filter((d) => !addHolidays.has(d)));
  for (const d of addWorkdays) workdays.add(d);
  return { ...override, holidays: [...holidays].sort(), workdays: [...workdays].sort() };
}

/**
 * Dates imported into a calendar's lists: each imported date joins its list and leaves the other,
 * so a later publication corrects an earlier one.
 */
export function mergeImported(current: DateLists, imported: DateLists): { holidays: string[]; workdays: string[] } {
  const inHolidays = new Set(imported.holidays);
  const inWorkdays = new Set(imported.workdays);
  const holidays = new Set(current.holidays.filter((d) => !inWorkdays.has(d)));
  for (const d of inHolidays) holidays.add(d);
  const workdays = new Set(current.workdays.filter((d) => !inHolidays.has(d)));
  for (const d of inWorkdays) workdays.add(d);
  return { holidays: [...holidays].sort(), workdays: [...workdays].sort() };
}
