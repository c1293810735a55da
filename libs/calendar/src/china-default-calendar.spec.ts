import { isWorkday as chineseDaysIsWorkday } from 'chinese-days';
import { DateTime } from 'luxon';
import { addDuration } from './add-duration';
import {
  CN_DEFAULT_CALENDAR_ID,
  CN_DEFAULT_WORKING_HOURS,
  chinaDefaultCalendar,
  chinaDefaultCalendarYears,
} from './china-default-calendar';
import { validateCalendar } from './working-calendar';
import { isWorkingDay } from './working-time';

describe('chinaDefaultCalendar', () => {
  const cn = chinaDefaultCalendar();

  it('is cn-default: Asia/Shanghai, Mon-Fri 09:00-12:00 and 13:30-17:30, and valid', () => {
    expect(CN_DEFAULT_CALENDAR_ID).toBe('cn-default');
    expect(cn.timezone).toBe('Asia/Shanghai');
    expect(cn.workingHours).toEqual(CN_DEFAULT_WORKING_HOURS);
    expect(cn.workingHours).toEqual(
      [1, 2, 3, 4, 5].flatMap((weekday) => [
        { weekday, open: '09:00', close: '12:00' },
        { weekday, open: '13:30', close: '17:30' },
      ]),
    );
    expect(validateCalendar(cn)).toEqual([]);
  });

  it('is built once and frozen, so the shared object cannot be corrupted', () => {
    expect(chinaDefaultCalendar()).toBe(cn);
    expect(Object.isFrozen(cn)).toBe(true);
    expect(Object.isFrozen(cn.holidays)).toBe(true);
    expect(Object.isFrozen(cn.workdays)).toBe(true);
    expect(Object.isFrozen(cn.workingHours[0])).toBe(true);
    expect(() => cn.holidays.push('2100-01-01')).toThrow(TypeError);
  });

  it('covers every year of the chinese-days package, 2004 to at least 2026', () => {
    const { first, last } = chinaDefaultCalendarYears();
    expect(first).toBe(2004);
    expect(last).toBeGreaterThanOrEqual(2026);
    const years = new Set(cn.holidays.map((d) => d.slice(0, 4)));
    for (let y = first; y <= last; y++) expect(years.has(String(y))).toBe(true);
    expect(cn.holidays.length).toBeGreaterThan(20 * (last - first + 1));
    expect(cn.workdays.length).toBeGreaterThan(3 * (last - first + 1));
  });

  it('agrees with chinese-days itself on every date of every covered year', () => {
    const { first, last } = chinaDefaultCalendarYears();
    const disagreements: string[] = [];
    for (let d = DateTime.utc(first, 1, 1); d.year <= last; d = d.plus({ days: 1 })) {
      const date = d.toISODate() ?? '';
      if (isWorkingDay(cn, date) !== chineseDaysIsWorkday(date)) disagreements.push(date);
    }
    expect(disagreements).toEqual([]);
  });

  it.each<[string, boolean]>([
    ['2025-01-01', false],
    ['2025-01-26', true], // make-up Sunday before Spring Festival
    ['2025-01-28', false],
    ['2025-02-04', false],
    ['2025-02-08', true], // make-up Saturday
    ['2025-04-27', true], // make-up Sunday before Labour Day
    ['2025-05-05', false],
    ['2025-09-28', true],
    ['2025-10-08', false],
    ['2025-10-11', true],
    ['2026-01-04', true],
    ['2026-02-14', true],
    ['2026-02-23', false], // a Monday inside Spring Festival 2026
    ['2026-02-28', true],
    ['2026-05-09', true],
    ['2026-09-20', true],
    ['2026-10-07', false],
    ['2026-10-10', true],
    ['2026-10-12', true], // an ordinary Monday
  ])('%s is a working day: %p', (date, expected) => {
    expect(isWorkingDay(cn, date)).toBe(expected);
  });

  it('beyond the covered years only weekends are off, until amended at run time', () => {
    // 2100-10-01 is a Friday: National Day is unknown that far ahead
    const from = DateTime.fromISO('2100-09-30T10:00', { zone: 'Asia/Shanghai' }).toJSDate();
    const fmt = (d: Date) => DateTime.fromJSDate(d, { zone: 'Asia/Shanghai' }).toFormat("yyyy-MM-dd'T'HH:mm ccc");
    expect(fmt(addDuration(cn, from, 'P1D', 'business'))).toBe('2100-10-01T10:00 Fri');

    const amended = { ...cn, holidays: [...cn.holidays, '2100-10-01', '2100-10-04'] };
    expect(fmt(addDuration(amended, from, 'P1D', 'business'))).toBe('2100-10-05T10:00 Tue');
    expect(fmt(addDuration(cn, from, 'P1D', 'business'))).toBe('2100-10-01T10:00 Fri');
  });
});
