// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { cycleDay, dayKind, DEFAULT_HOURS, isoWeekday, validHours } from './calendar-days';

const cal = { holidays: ['2026-10-01'], workdays: ['2026-09-27'], workingHours: DEFAULT_HOURS };

describe('calendar days', () => {
  it('knows weekdays', () => {
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
  });
  it('classifies holidays, make-up workdays, weekends', () => {
    expect(dayKind('2026-10-01', cal)).toBe('holiday');
    expect(dayKind('2026-09-27', cal)).toBe('workday');
    expect(dayKind('2026-11-28', cal)).toBe('weekend');
    expect(dayKind('2026-11-27', cal)).toBe('normal');
  });
  it('cycles regular → holiday → workday → regular', () => {
    const a = cycleDay(cal, '2026-11-27');
    expect(a.holidays).toEqual(['2026-10-01', '2026-11-27']);
    const b = cycleDay(a, '2026-11-27');
    expect(b.holidays).toEqual(['2026-10-01']);
    expect(b.workdays).toEqual(['2026-09-27', '2026-11-27']);
    const c = cycleDay(b, '2026-11-27');
    expect(c.workdays).toEqual(['2026-09-27']);
    expect(c.holidays).toEqual(['2026-10-01']);
  });
  it('checks working hours', () => {
    expect(validHours({ weekday: 1, open: '09:00', close: '17:30' })).toBe(true);
    expect(validHours({ weekday: 1, open: '18:00', close: '09:00' })).toBe(false);
    expect(validHours({ weekday: 8, open: '09:00', close: '17:00' })).toBe(false);
    expect(validHours({ weekday: 1, open: '9:00', close: '17:00' })).toBe(false);
  });
});
