/**
 * Local calendar dates as day numbers: whole days since 1970-01-01 in the proleptic Gregorian
 * calendar, independent of any time zone (a date on a wall calendar, not an instant). Which instant
 * a local date starts at is a time-zone question and is answered by luxon in `compiled-calendar.ts`.
 */
export const MS_PER_DAY = 86_400_000;
export const MS_PER_MINUTE = 60_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of a real `YYYY-MM-DD` date, or undefined (bad shape, 2025-02-30, 2025-13-01...). */
export function parseLocalDate(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = ISO_DATE.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day); // setUTCFullYear, not Date.UTC: years 0-99 stay as written
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return Math.round(d.getTime() / MS_PER_DAY);
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export function dateParts(dayNumber: number): DateParts {
  const d = new Date(dayNumber * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function formatLocalDate(dayNumber: number): string {
  const { year, month, day } = dateParts(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** ISO weekday, 1 = Monday .. 7 = Sunday (1970-01-01, day 0, was a Thursday). */
export function isoWeekday(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}
