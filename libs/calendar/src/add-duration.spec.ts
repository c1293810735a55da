import fc from 'fast-check';
import { DateTime } from 'luxon';
import { addDuration } from './add-duration';
import { CalendarError } from './calendar.errors';
import { chinaDefaultCalendar } from './china-default-calendar';
import type { Clock, WorkingCalendar, WorkingHours } from './working-calendar';
import { workingMillisBetween } from './working-time';

const SH = 'Asia/Shanghai';
const BERLIN = 'Europe/Berlin';

function at(local: string, zone = SH): Date {
  const d = DateTime.fromISO(local, { zone });
  if (!d.isValid) throw new Error(`bad fixture ${local}`);
  return d.toJSDate();
}
function fmt(d: Date, zone = SH): string {
  return DateTime.fromJSDate(d, { zone }).toFormat("yyyy-MM-dd'T'HH:mm ccc");
}
function hours(weekdays: number[], ...ranges: [string, string][]): WorkingHours[] {
  return weekdays.flatMap((weekday) => ranges.map(([open, close]) => ({ weekday, open, close })));
}

const cn = chinaDefaultCalendar();

/** The error `fn` throws (fails the test if it throws none). */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('addDuration, business clock, the built-in calendar (Mon-Fri 09:00-12:00, 13:30-17:30)', () => {
  it('3 working days from Tue 2025-09-30 10:00 is Sat 2025-10-11 10:00 (Oct 1-8 off, Oct 11 a make-up day)', () => {
    const due = addDuration(cn, at('2025-09-30T10:00'), 'P3D', 'business');
    expect(due.toISOString()).toBe('2025-10-11T02:00:00.000Z');
  });

  it.each<[string, string, string, string]>([
    // National Day 2025: Oct 1-8 off; make-up Sun Sep 28 and Sat Oct 11
    ['2025-09-30T10:00', 'P1D', '2025-10-09T10:00 Thu', 'over the National Day week'],
    ['2025-09-30T10:00', 'P1DT4H', '2025-10-09T15:30 Thu', 'days first, then 4 working hours across the lunch break'],
    ['2025-09-26T10:00', 'P1D', '2025-09-28T10:00 Sun', 'Friday to the make-up Sunday'],
    ['2025-09-27T10:00', 'P1D', '2025-09-29T09:00 Mon', 'filed on a Saturday: counts from Sunday 09:00 (make-up)'],
    ['2025-10-03T15:00', 'PT4H', '2025-10-09T14:30 Thu', 'filed on a holiday'],
    ['2025-09-30T16:30', 'PT2H', '2025-10-09T10:00 Thu', 'one hour before, one after the holiday'],
    ['2025-10-10T17:00', 'PT1H', '2025-10-11T09:30 Sat', 'into the make-up Saturday'],
    // Spring Festival 2025: Jan 28 - Feb 4 off; make-up Sun Jan 26 and Sat Feb 8
    ['2025-01-24T15:00', 'P1D', '2025-01-26T15:00 Sun', 'Friday to the make-up Sunday'],
    ['2025-01-25T10:00', 'P1D', '2025-01-27T09:00 Mon', 'filed on Saturday, counts from Sunday 09:00'],
    ['2025-01-26T10:00', 'P3D', '2025-02-06T10:00 Thu', 'Mon Jan 27, then Wed Feb 5 and Thu Feb 6'],
    ['2025-01-27T16:00', 'PT4H', '2025-02-05T11:30 Wed', '1.5 h before the holiday, 2.5 h after'],
    ['2025-02-07T11:00', 'P1D', '2025-02-08T11:00 Sat', 'to the make-up Saturday'],
    // New Year 2026: Jan 1-3 off; make-up Sun Jan 4
    ['2025-12-31T10:00', 'P1D', '2026-01-04T10:00 Sun', 'New Year to the make-up Sunday'],
    // Spring Festival 2026: Feb 15-23 off; make-up Sat Feb 14 and Sat Feb 28
    ['2026-02-13T10:00', 'P1D', '2026-02-14T10:00 Sat', 'Friday to the make-up Saturday'],
    ['2026-02-13T10:00', 'P2D', '2026-02-24T10:00 Tue', 'then over the nine days off'],
    ['2026-02-27T17:00', 'PT1H', '2026-02-28T09:30 Sat', 'half an hour on Friday, half on the make-up Saturday'],
    // Labour Day 2025: May 1-5 off; make-up Sun Apr 27
    ['2025-04-25T14:00', 'P1D', '2025-04-27T14:00 Sun', 'Friday to the make-up Sunday'],
    ['2025-04-30T09:00', 'P1D', '2025-05-06T09:00 Tue', 'over Labour Day'],
    ['2025-05-01T10:00', 'PT4H', '2025-05-06T14:30 Tue', 'filed on Labour Day'],
    // Labour Day 2026: May 1-5 off; make-up Sat May 9
    ['2026-04-30T12:30', 'P1D', '2026-05-06T13:30 Wed', 'filed in the lunch break: counts from 13:30'],
    ['2026-05-08T17:30', 'P1D', '2026-05-11T09:00 Mon', 'filed at closing: counts from the make-up Saturday 09:00'],
    // National Day 2026: Oct 1-7 off; make-up Sun Sep 20 and Sat Oct 10
    ['2026-09-18T10:00', 'P1D', '2026-09-20T10:00 Sun', 'Friday to the make-up Sunday'],
    ['2026-09-30T10:00', 'P3D', '2026-10-10T10:00 Sat', 'Thu Oct 8, Fri Oct 9, make-up Sat Oct 10'],
    // ordinary weeks
    ['2025-09-19T20:00', 'P1D', '2025-09-23T09:00 Tue', 'Friday evening: counts from Monday 09:00'],
    ['2025-09-22T11:59', 'P1D', '2025-09-23T11:59 Tue', 'same wall-clock time'],
    ['2025-09-22T12:00', 'P1D', '2025-09-23T13:30 Tue', 'filed as the morning closes: counts from 13:30'],
    ['2025-09-22T17:30', 'P1D', '2025-09-24T09:00 Wed', 'filed at closing: counts from Tuesday 09:00'],
    ['2025-09-22T09:00', 'PT3H', '2025-09-22T12:00 Mon', 'due exactly at the morning closing'],
    ['2025-09-22T09:00', 'PT7H', '2025-09-22T17:30 Mon', 'a whole working day of hours'],
    ['2025-09-22T09:00', 'PT8H', '2025-09-23T10:00 Tue', 'PT8H is not P1D'],
    ['2025-09-22T11:45', 'PT30M', '2025-09-22T13:45 Mon', 'across the break'],
    ['2025-09-22T16:00', 'PT4H', '2025-09-23T11:30 Tue', 'the default response target'],
    ['2025-09-22T10:00', 'P5D', '2025-09-28T10:00 Sun', 'five working days: Tue-Fri and the make-up Sunday'],
  ])('filed %s + %s → %s (%s)', (from, duration, expected) => {
    expect(fmt(addDuration(cn, at(from), duration, 'business'))).toBe(expected);
  });
});

describe('addDuration, business clock, target wall-clock time outside the target day’s hours', () => {
  const shortFriday: WorkingCalendar = {
    timezone: SH,
    workingHours: [...hours([1, 2, 3, 4], ['09:00', '18:00']), ...hours([5], ['09:00', '15:00'])],
    holidays: [],
    workdays: [],
  };
  const tuesdayBreak: WorkingCalendar = {
    timezone: SH,
    workingHours: [...hours([1, 3, 4, 5], ['09:00', '12:00'], ['13:30', '17:30']), ...hours([2], ['09:00', '11:00'], ['14:00', '17:30'])],
    holidays: [],
    workdays: [],
  };
  const mondayLate: WorkingCalendar = {
    timezone: SH,
    workingHours: [...hours([1], ['10:00', '16:00']), ...hours([2, 3, 4, 5], ['08:00', '17:00'])],
    holidays: [],
    workdays: ['2025-10-11'],
  };
  const byName: Record<string, WorkingCalendar> = { shortFriday, tuesdayBreak, mondayLate };

  it.each<[string, string, string, string, string]>([
    ['shortFriday', '2025-09-25T14:00', 'P1D', '2025-09-26T14:00 Fri', 'inside Friday’s hours'],
    ['shortFriday', '2025-09-25T16:00', 'P1D', '2025-09-29T09:00 Mon', 'after Friday’s closing: next opening'],
    ['shortFriday', '2025-09-25T16:00', 'P1DT1H', '2025-09-29T10:00 Mon', 'then the hours from there'],
    ['tuesdayBreak', '2025-09-22T11:30', 'P1D', '2025-09-23T14:00 Tue', 'in Tuesday’s longer break'],
    ['tuesdayBreak', '2025-09-22T10:30', 'P1D', '2025-09-23T10:30 Tue', 'inside Tuesday’s morning'],
    ['mondayLate', '2025-10-10T08:30', 'P1D', '2025-10-11T10:00 Sat', 'make-up Saturday has Monday’s 10:00 opening'],
    ['mondayLate', '2025-10-10T16:30', 'P1D', '2025-10-13T10:00 Mon', 'and Monday’s 16:00 closing'],
    ['mondayLate', '2025-10-10T12:00', 'P1D', '2025-10-11T12:00 Sat', 'inside the make-up Saturday'],
  ])('%s: %s + %s → %s (%s)', (name, from, duration, expected) => {
    expect(fmt(addDuration(byName[name] ?? shortFriday, at(from), duration, 'business'))).toBe(expected);
  });
});

describe('addDuration, business clock, a wall-clock time changed by DST (Europe/Berlin, Sundays 01:00-04:00)', () => {
  const nights: WorkingCalendar = {
    timezone: BERLIN,
    workingHours: hours([7], ['01:00', '04:00']),
    holidays: [],
    workdays: [],
  };
  it.each<[string, string, string, string]>([
    ['2025-03-23T02:30', 'P1D', '2025-03-30T03:00:00.000+02:00', '02:30 is skipped: the instant the clocks jump'],
    ['2025-03-23T03:30', 'P1D', '2025-03-30T03:30:00.000+02:00', 'after the gap: unchanged'],
    ['2025-10-19T02:30', 'P1D', '2025-10-26T02:30:00.000+02:00', '02:30 happens twice: the first'],
    ['2025-03-23T03:30', 'P1DT1H', '2025-04-06T01:30:00.000+02:00', 'then 30 min that night, 1 h a week later'],
  ])('%s + %s → %s (%s)', (from, duration, expected) => {
    const due = addDuration(nights, at(from, BERLIN), duration, 'business');
    expect(DateTime.fromJSDate(due, { zone: BERLIN }).toISO()).toBe(expected);
  });
});

describe('addDuration, calendar clock', () => {
  it.each<[string, string, string, string, string]>([
    // zone, from (local), duration, due (local ISO with offset)
    [SH, '2025-09-30T10:00', 'PT24H', '2025-10-01T10:00:00.000+08:00', 'holidays do not matter'],
    [SH, '2025-09-30T10:00', 'P3D', '2025-10-03T10:00:00.000+08:00', ''],
    [SH, '2025-09-30T20:00', 'PT30M', '2025-09-30T20:30:00.000+08:00', 'outside working hours: from the instant itself'],
    [SH, '2025-09-30T10:00', 'P1W', '2025-10-07T10:00:00.000+08:00', 'a week is 7 days'],
    [SH, '2025-09-30T10:00', 'P1DT1H30M', '2025-10-01T11:30:00.000+08:00', ''],
    // Berlin, spring forward on Sun 2025-03-30 (02:00 → 03:00)
    [BERLIN, '2025-03-29T12:00', 'P1D', '2025-03-30T12:00:00.000+02:00', 'a day keeps the wall clock (23 h elapsed)'],
    [BERLIN, '2025-03-29T12:00', 'PT24H', '2025-03-30T13:00:00.000+02:00', 'hours are elapsed time'],
    [BERLIN, '2025-03-29T12:00', 'P1DT1H', '2025-03-30T13:00:00.000+02:00', ''],
    [BERLIN, '2025-03-30T01:30', 'PT1H', '2025-03-30T03:30:00.000+02:00', 'across the gap'],
    // Berlin, fall back on Sun 2025-10-26 (03:00 → 02:00)
    [BERLIN, '2025-10-25T12:00', 'P1D', '2025-10-26T12:00:00.000+01:00', 'a day keeps the wall clock (25 h elapsed)'],
    [BERLIN, '2025-10-25T12:00', 'PT24H', '2025-10-26T11:00:00.000+01:00', 'hours are elapsed time'],
    [BERLIN, '2025-10-20T09:00', 'P1W', '2025-10-27T09:00:00.000+01:00', 'a week keeps the wall clock'],
  ])('%s: %s + %s → %s %s', (zone, from, duration, expected) => {
    const cal: WorkingCalendar = { ...cn, timezone: zone };
    expect(DateTime.fromJSDate(addDuration(cal, at(from, zone), duration, 'calendar'), { zone }).toISO()).toBe(expected);
  });

  it('is elapsed time in the zone, whatever the working hours', () => {
    const from = at('2025-10-01T03:17:45.123');
    expect(addDuration(cn, from, 'PT30M', 'calendar').getTime() - from.getTime()).toBe(30 * 60_000);
  });
});

describe('addDuration, errors', () => {
  it.each<[string, string, string]>([
    ['P1W', 'business', 'INVALID_DURATION'],
    ['P1M', 'calendar', 'INVALID_DURATION'],
    ['P0D', 'business', 'INVALID_DURATION'],
    ['PT-1H', 'calendar', 'INVALID_DURATION'],
    ['soon', 'business', 'INVALID_DURATION'],
    ['P1D', 'wall', 'INVALID_DURATION'],
  ])('%s on clock %s → %s', (duration, clock, code) => {
    expect(thrown(() => addDuration(cn, at('2025-09-30T10:00'), duration, clock as Clock))).toMatchObject({ code });
  });

  it('refuses an invalid start or calendar', () => {
    expect(thrown(() => addDuration(cn, new Date(NaN), 'P1D', 'business'))).toMatchObject({ code: 'INVALID_DATE' });
    expect(() => addDuration({ ...cn, timezone: 'Asia/Beijing' }, at('2025-09-30T10:00'), 'P1D', 'calendar')).toThrow(CalendarError);
  });
});

describe('addDuration, properties', () => {
  const berlinWithBreaks: WorkingCalendar = {
    timezone: BERLIN,
    workingHours: [
      ...hours([1, 3, 4], ['08:30', '12:00'], ['13:00', '17:15']),
      ...hours([2], ['08:00', '11:00'], ['14:00', '18:00']),
      ...hours([5], ['08:30', '14:00']),
    ],
    holidays: ['2025-04-18', '2025-04-21', '2025-12-25', '2025-12-26'],
    workdays: ['2025-04-19'],
  };
  const calendars = fc.constantFrom(cn, berlinWithBreaks);
  const clock = fc.constantFrom<Clock>('business', 'calendar');
  const instant = fc.integer({ min: Date.UTC(2024, 11, 1), max: Date.UTC(2027, 1, 1) });
  const days = fc.integer({ min: 0, max: 40 });
  const time = fc.integer({ min: 0, max: 30 * 3600 });
  const iso = (d: number, seconds: number): string => `P${String(d)}DT${String(seconds)}S`;

  it('a later start never gives an earlier due', () => {
    fc.assert(
      fc.property(calendars, clock, instant, instant, days, time, (cal, c, x, y, d, s) => {
        fc.pre(d + s > 0);
        const [early, late] = x <= y ? [x, y] : [y, x];
        const dueEarly = addDuration(cal, new Date(early), iso(d, s), c).getTime();
        const dueLate = addDuration(cal, new Date(late), iso(d, s), c).getTime();
        expect(dueLate).toBeGreaterThanOrEqual(dueEarly);
      }),
      { numRuns: 400 },
    );
  });

  it('a longer duration (more days, or more time) never gives an earlier due', () => {
    fc.assert(
      fc.property(calendars, clock, instant, days, days, time, time, (cal, c, from, d1, d2, s1, s2) => {
        const [dLess, dMore] = d1 <= d2 ? [d1, d2] : [d2, d1];
        const [sLess, sMore] = s1 <= s2 ? [s1, s2] : [s2, s1];
        fc.pre(dLess + sLess > 0);
        const due = (d: number, s: number) => addDuration(cal, new Date(from), iso(d, s), c).getTime();
        expect(due(dMore, sLess)).toBeGreaterThanOrEqual(due(dLess, sLess));
        expect(due(dLess, sMore)).toBeGreaterThanOrEqual(due(dLess, sLess));
      }),
      { numRuns: 400 },
    );
  });

  it('calendar clock: what luxon plus gives, in a DST zone too', () => {
    const zones = fc.constantFrom(BERLIN, 'America/New_York', 'Australia/Lord_Howe', SH);
    fc.assert(
      fc.property(zones, instant, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 4 }), time, (zone, from, d, w, s) => {
        fc.pre(d + w + s > 0);
        const expected = DateTime.fromMillis(from, { zone }).plus({ weeks: w, days: d, seconds: s }).toMillis();
        expect(
          addDuration({ ...cn, timezone: zone }, new Date(from), `P${String(w)}W${String(d)}DT${String(s)}S`, 'calendar').getTime(),
        ).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('business PTnS counts exactly n seconds of working time; PnD lands inside working time on a working day', () => {
    fc.assert(
      fc.property(calendars, instant, fc.integer({ min: 1, max: 40 * 3600 }), days, (cal, from, s, d) => {
        const due = addDuration(cal, new Date(from), `PT${String(s)}S`, 'business');
        expect(workingMillisBetween(cal, new Date(from), due)).toBe(s * 1000);
        fc.pre(d > 0);
        const dayDue = addDuration(cal, new Date(from), `P${String(d)}D`, 'business');
        expect(workingMillisBetween(cal, dayDue, new Date(dayDue.getTime() + 1))).toBe(1);
      }),
      { numRuns: 300 },
    );
  });
});
