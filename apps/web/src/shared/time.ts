import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Every time on screen is Beijing time, whatever the browser's own zone. */
export const ZONE = 'Asia/Shanghai';

export function inZone(iso: string | Date): dayjs.Dayjs {
  return dayjs(iso).tz(ZONE);
}

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? inZone(iso).format('YYYY-MM-DD HH:mm') : '—';
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? inZone(iso).format('YYYY-MM-DD') : '—';
}

/** A picked wall-clock time (read as Beijing time) to an ISO string with +08:00 offset. */
export function toZonedIso(value: dayjs.Dayjs): string {
  return dayjs.tz(value.format('YYYY-MM-DDTHH:mm:ss'), ZONE).format();
}

/** A picked calendar day to `YYYY-MM-DD`. */
export function toDateOnly(value: dayjs.Dayjs): string {
  return value.format('YYYY-MM-DD');
}

export interface DurationParts {
  negative: boolean;
  days: number;
  hours: number;
  minutes: number;
}

/** Splits a duration in milliseconds into days, hours and minutes (rounded down to the minute). */
export function splitDuration(ms: number): DurationParts {
  const negative = ms < 0;
  let minutes = Math.floor(Math.abs(ms) / 60000);
  const days = Math.floor(minutes / 1440);
  minutes -= days * 1440;
  const hours = Math.floor(minutes / 60);
  minutes -= hours * 60;
  return { negative, days, hours, minutes };
}

/** "2天3小时" / "2d 3h": the two largest non-zero units. */
export function formatDuration(ms: number, units: { d: string; h: string; m: string }): string {
  const p = splitDuration(ms);
  const parts: string[] = [];
  if (p.days) parts.push(`${p.days}${units.d}`);
  if (p.hours) parts.push(`${p.hours}${units.h}`);
  if (!p.days && (p.minutes || parts.length === 0)) parts.push(`${p.minutes}${units.m}`);
  return parts.slice(0, 2).join(' ');
}

export { dayjs };
