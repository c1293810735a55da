import fc from 'fast-check';
import { DateTime } from 'luxon';
import { CalendarError } from './calendar.errors';
import { chinaDefaultCalendar } from './china-default-calendar';
import type { WorkingCalendar, WorkingHours } from './working-calendar';
import { addWorkingMillis, isWorkingDay, nextOpening, workingMillisBetween } from './working-time';

const SH = 'Asia/Shanghai';
const BERLIN = 'Europe/Berlin';
const H = 3_600_000;
const M = 60_000;

/** A local wall-clock time in `zone` as an instant. */
function at(local: string, zone = SH): Date {
  const d = DateTime.fromISO(local, { zone });
  if (!d.isValid) throw new Error(`bad fixture ${local}`);
  return d.toJSDate();
}
/** An instant as local wall-clock time in `zone`, with the weekday to make tables readable. */
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

/** Mon 10:00-16:00, Tue-Fri 09:00-12:00 and 13:00-17:00; Sat 2025-10-11 a make-up day, Fri 2025-10-10 a holiday. */
const custom: WorkingCalendar = {
  timezone: SH,
  workingHours: [...hours([1], ['10:00', '16:00']), ...hours([2, 3, 4, 5], ['09:00', '12:00'], ['13:00', '17:00'])],
  holidays: ['2025-10-10'],
  workdays: ['2025-10-11'],
};

const calendars: Record<string, WorkingCalendar> = {
  cn,
  custom,
  saturdays: { ...custom, workingHours: hours([6], ['09:00', '12:00']), workdays: [] },
};

describe('isWorkingDay', () => {
  it.each<[string, string, boolean]>([
    ['cn', '2025-09-30', true], // Tuesday
    ['cn', '2025-10-01', false], // National Day, a Wednesday
    ['cn', '2025-10-08', false], // last day of the 2025 National Day holiday, a Wednesday
    ['cn', '2025-10-11', true], // make-up Saturday
    ['cn', '2025-10-12', false], // ordinary Sunday
    ['cn', '2025-09-28', true], // make-up Sunday
    ['custom', '2025-10-10', false], // holiday on a Friday
    ['custom', '2025-10-11', true], // make-up Saturday
    ['custom', '2025-10-18', false], // ordinary Saturday
    ['saturdays', '2025-10-18', true], // Saturday hours
  ])('%s: %s is a working day: %p', (cal, date, expected) => {
    expect(isWorkingDay(calendars[cal] ?? cn, date)).toBe(expected);
  });

  it('rejects a date that is not real', () => {
    expect(thrown(() => isWorkingDay(cn, '2025-02-29'))).toMatchObject({ code: 'INVALID_DATE' });
  });
});

describe('nextOpening', () => {
  it.each<[string, string, string]>([
    ['cn', '2025-09-29T09:00', '2025-09-29T09:00 Mon'], // exactly at opening: itself
    ['cn', '2025-09-29T08:59:59.999', '2025-09-29T09:00 Mon'],
    ['cn', '2025-09-29T11:59:59.999', '2025-09-29T11:59 Mon'], // inside: itself
    ['cn', '2025-09-29T12:00', '2025-09-29T13:30 Mon'], // exactly at closing of the morning: after the break
    ['cn', '2025-09-29T17:30', '2025-09-30T09:00 Tue'], // exactly at closing
    ['cn', '2025-09-19T20:00', '2025-09-22T09:00 Mon'], // Friday evening
    ['cn', '2025-09-30T17:30', '2025-10-09T09:00 Thu'], // before National Day
    ['cn', '2025-10-03T10:00', '2025-10-09T09:00 Thu'], // on a holiday
    ['cn', '2025-10-10T18:00', '2025-10-11T09:00 Sat'], // make-up Saturday
    ['custom', '2025-10-10T10:00', '2025-10-11T10:00 Sat'], // holiday Friday, then Monday's hours on the make-up Saturday
    ['custom', '2025-10-11T16:00', '2025-10-13T10:00 Mon'],
    ['custom', '2025-10-14T12:30', '2025-10-14T13:00 Tue'],
  ])('%s: from %s', (cal, from, expected) => {
    expect(fmt(nextOpening(calendars[cal] ?? cn, at(from)))).toBe(expected);
  });

  it('returns the very same instant when inside working time', () => {
    const inside = at('2025-09-29T10:17:23.456');
    expect(nextOpening(cn, inside).getTime()).toBe(inside.getTime());
  });
});

describe('addWorkingMillis and workingMillisBetween, examples', () => {
  it.each<[string, string, number, string]>([
    ['cn', '2025-09-29T09:00', 3 * H, '2025-09-29T12:00 Mon'], // the earliest instant: the closing, not 13:30
    ['cn', '2025-09-29T09:00', 3 * H + 1, '2025-09-29T13:30 Mon'], // one ms past it: just after the break
    ['cn', '2025-09-29T11:30', H, '2025-09-29T14:00 Mon'], // across the break
    ['cn', '2025-09-29T12:00', 30 * M, '2025-09-29T14:00 Mon'], // from the start of the break
    ['cn', '2025-09-29T09:00', 7 * H, '2025-09-29T17:30 Mon'], // a whole working day
    ['cn', '2025-09-29T09:00', 7 * H + M, '2025-09-30T09:01 Tue'],
    ['cn', '2025-09-29T17:30', H, '2025-09-30T10:00 Tue'], // from exactly closing time
    ['cn', '2025-09-29T07:00', H, '2025-09-29T10:00 Mon'], // before opening
    ['cn', '2025-09-30T16:30', 2 * H, '2025-10-09T10:00 Thu'], // across National Day 2025
    ['cn', '2025-10-03T15:00', 4 * H, '2025-10-09T14:30 Thu'], // from a holiday
    ['cn', '2025-10-10T17:00', H, '2025-10-11T09:30 Sat'], // into the make-up Saturday
    ['cn', '2025-09-29T09:00', 60 * 7 * H, '2025-12-26T17:30 Fri'], // 60 working days across National Day (checked with chinese-days)
    ['custom', '2025-10-09T16:30', H, '2025-10-11T10:30 Sat'], // Thu 30 min, holiday Fri, make-up Sat with Monday's 10:00
    ['custom', '2025-10-11T15:00', 2 * H, '2025-10-13T11:00 Mon'], // make-up Sat closes at 16:00 like a Monday
    ['cn', '2025-09-29T10:00', 0, '2025-09-29T10:00 Mon'],
    ['cn', '2025-09-29T20:00', 0, '2025-09-29T20:00 Mon'], // zero: `from` itself, even outside hours
  ])('%s: %s + %d ms', (name, from, ms, expected) => {
    const cal = calendars[name] ?? cn;
    const due = addWorkingMillis(cal, at(from), ms);
    expect(fmt(due)).toBe(expected);
    expect(workingMillisBetween(cal, at(from), due)).toBe(ms);
  });

  it.each<[string, string, string, number]>([
    ['cn', '2025-09-29T00:00', '2025-09-30T00:00', 7 * H],
    ['cn', '2025-09-29T10:00', '2025-09-29T14:00', 2 * H + 30 * M],
    ['cn', '2025-09-29T12:00', '2025-09-29T13:30', 0],
    ['cn', '2025-09-29T17:30', '2025-09-30T09:00', 0],
    ['cn', '2025-09-30T09:00', '2025-10-09T09:00', 7 * H], // only Sep 30 is worked
    ['cn', '2025-09-27T00:00', '2025-10-13T00:00', 6 * 7 * H], // Sep 28 (make-up Sun), 29, 30, Oct 9, 10, 11 (make-up Sat)
    ['cn', '2025-09-29T14:00', '2025-09-29T10:00', 0], // reversed
    ['cn', '2025-09-29T10:00', '2025-09-29T10:00', 0], // empty
    ['cn', '2025-09-29T09:00:00.001', '2025-09-30T00:00', 7 * H - 1], // a millisecond after opening
    ['cn', '2025-09-29T00:00', '2025-09-29T17:29:59.999', 7 * H - 1], // a millisecond before closing
    ['custom', '2025-10-10T00:00', '2025-10-12T00:00', 6 * H], // holiday Friday, make-up Saturday 10-16
  ])('%s: working time in [%s, %s) is %d ms', (cal, from, to, ms) => {
    expect(workingMillisBetween(calendars[cal] ?? cn, at(from), at(to))).toBe(ms);
  });

  it('checks its inputs', () => {
    expect(thrown(() => addWorkingMillis(cn, new Date(NaN), H))).toMatchObject({ code: 'INVALID_DATE' });
    expect(thrown(() => addWorkingMillis(cn, at('2025-09-29T10:00'), -1))).toMatchObject({ code: 'INVALID_DURATION' });
    expect(() => addWorkingMillis(cn, at('2025-09-29T10:00'), Infinity)).toThrow(CalendarError);
    expect(() => workingMillisBetween(cn, at('2025-09-29T10:00'), new Date('nonsense'))).toThrow(CalendarError);
    expect(addWorkingMillis(cn, at('2025-09-29T10:00'), 0.2).getTime()).toBe(at('2025-09-29T10:00').getTime() + 1);
  });

  it('refuses an invalid calendar with every problem', () => {
    const bad = { ...custom, timezone: 'Nowhere', holidays: ['2025-13-01'] };
    const error = thrown(() => nextOpening(bad, at('2025-09-29T10:00')));
    expect(error).toBeInstanceOf(CalendarError);
    expect(error).toMatchObject({ code: 'INVALID_CALENDAR' });
    expect((error as CalendarError).problems).toEqual([
      'timezone: "Nowhere" is not an IANA time zone such as "Asia/Shanghai"',
      'holidays[0]: "2025-13-01" is not a real date YYYY-MM-DD',
    ]);
  });

  it('recompiles a calendar whose lists were replaced or grown, and stops at ten years without work', () => {
    const cal: WorkingCalendar = { ...custom, holidays: [] };
    expect(fmt(nextOpening(cal, at('2025-10-10T10:00')))).toBe('2025-10-10T10:00 Fri');
    cal.holidays.push('2025-10-10');
    expect(fmt(nextOpening(cal, at('2025-10-10T10:00')))).toBe('2025-10-11T10:00 Sat');
    cal.workdays = [];
    expect(fmt(nextOpening(cal, at('2025-10-10T10:00')))).toBe('2025-10-13T10:00 Mon');

    // Open only on Mondays 09:00-10:00, and n Mondays in a row from 2025-01-06 are holidays.
    const mondaysOff = (n: number): WorkingCalendar => ({
      timezone: SH,
      workingHours: hours([1], ['09:00', '10:00']),
      holidays: Array.from({ length: n }, (_, i) => DateTime.fromISO('2025-01-06').plus({ weeks: i }).toISODate() ?? ''),
      workdays: [],
    });
    expect(fmt(nextOpening(mondaysOff(500), at('2025-01-01T00:00')))).toBe('2034-08-07T09:00 Mon');
    expect(fmt(addWorkingMillis(mondaysOff(500), at('2025-01-01T00:00'), 30 * M))).toBe('2034-08-07T09:30 Mon');
    const error = thrown(() => nextOpening(mondaysOff(530), at('2025-01-01T00:00')));
    expect(error).toMatchObject({ code: 'INVALID_CALENDAR' });
    expect((error as Error).message).toBe('The calendar has no working time in the 3660 days from 2025-01-01 (Asia/Shanghai)');
    expect(() => addWorkingMillis(mondaysOff(530), at('2025-01-01T00:00'), M)).toThrow(CalendarError);
  });
});

describe('daylight saving time (Europe/Berlin)', () => {
  const office: WorkingCalendar = {
    timezone: BERLIN,
    workingHours: hours([1, 2, 3, 4, 5], ['09:00', '17:00']),
    holidays: [],
    workdays: [],
  };
  const always: WorkingCalendar = {
    timezone: BERLIN,
    workingHours: hours([1, 2, 3, 4, 5, 6, 7], ['00:00', '24:00']),
    holidays: [],
    workdays: [],
  };
  const nightOfChange: WorkingCalendar = {
    timezone: BERLIN,
    workingHours: hours([7], ['01:00', '04:00']),
    holidays: [],
    workdays: [],
  };

  it('keeps the wall-clock hours on both sides of the change', () => {
    const due = addWorkingMillis(office, at('2025-03-28T16:00', BERLIN), 2 * H);
    expect(due.toISOString()).toBe('2025-03-31T08:00:00.000Z'); // Mon 10:00 CEST
    expect(workingMillisBetween(office, at('2025-10-24T16:00', BERLIN), at('2025-10-27T10:00', BERLIN))).toBe(2 * H);
  });

  const byName: Record<string, WorkingCalendar> = { '24/7': always, 'Sun 01:00-04:00': nightOfChange };
  it.each<[string, string, string, number]>([
    ['24/7', '2025-03-30T00:00', '2025-03-31T00:00', 23 * H],
    ['24/7', '2025-10-26T00:00', '2025-10-27T00:00', 25 * H],
    ['24/7', '2025-03-29T00:00', '2025-03-30T00:00', 24 * H],
    ['Sun 01:00-04:00', '2025-03-23T00:00', '2025-03-24T00:00', 3 * H], // an ordinary Sunday
    ['Sun 01:00-04:00', '2025-03-30T00:00', '2025-03-31T00:00', 2 * H], // 02:00-03:00 does not exist
    ['Sun 01:00-04:00', '2025-10-26T00:00', '2025-10-27T00:00', 4 * H], // 02:00-03:00 happens twice
  ])('%s: working time in [%s, %s) is %d ms', (name, from, to, ms) => {
    expect(workingMillisBetween(byName[name] ?? always, at(from, BERLIN), at(to, BERLIN))).toBe(ms);
  });

  it('counts midnight-to-midnight as one unbroken span', () => {
    const due = addWorkingMillis(always, at('2025-03-29T12:00', BERLIN), 24 * H);
    expect(DateTime.fromJSDate(due, { zone: BERLIN }).toISO()).toBe('2025-03-30T13:00:00.000+02:00');
  });
});

/**
 * An independent oracle: every minute of a window is classified by reading the rules straight off
 * the calendar with luxon (no code shared with the library), then prefix sums answer the questions.
 */
function oracle(cal: WorkingCalendar, fromLocal: string, days: number) {
  const start = DateTime.fromISO(fromLocal, { zone: cal.timezone }).toMillis();
  const minutes = Math.round(
    DateTime.fromISO(fromLocal, { zone: cal.timezone }).plus({ days }).diff(DateTime.fromMillis(start), 'minutes').minutes,
  );
  const prefix = new Int32Array(minutes + 1);
  const toMin = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
  for (let i = 0; i < minutes; i++) {
    const local = DateTime.fromMillis(start + i * M, { zone: cal.timezone });
    const date = local.toISODate() ?? '';
    const weekday = cal.workdays.includes(date) ? 1 : local.weekday;
    const minuteOfDay = local.hour * 60 + local.minute;
    const inside =
      !cal.holidays.includes(date) &&
      cal.workingHours.some((h) => h.weekday === weekday && toMin(h.open) <= minuteOfDay && minuteOfDay < toMin(h.close));
    prefix[i + 1] = (prefix[i] ?? 0) + (inside ? 1 : 0);
  }
  return { start, minutes, prefix };
}

describe.each<[string, WorkingCalendar, string, number]>([
  ['cn-default around National Day 2025', cn, '2025-09-25T00:00', 21],
  [
    'a Berlin calendar with breaks across the spring DST change',
    {
      timezone: BERLIN,
      workingHours: [
        ...hours([1, 2, 3, 4], ['08:00', '12:00'], ['12:45', '16:30']),
        ...hours([5], ['08:00', '13:00']),
        ...hours([7], ['01:30', '03:30']),
      ],
      holidays: ['2025-03-26', '2025-04-07'],
      workdays: ['2025-03-29'],
    },
    '2025-03-20T00:00',
    21,
  ],
  [
    'a Berlin calendar with intervals inside the repeated hour of the autumn DST change',
    {
      timezone: BERLIN,
      workingHours: [...hours([7], ['01:30', '02:30'], ['02:45', '03:15'], ['05:00', '06:00']), ...hours([1], ['02:00', '03:00'])],
      holidays: [],
      workdays: [],
    },
    '2025-10-18T00:00',
    16,
  ],
  [
    'a Berlin calendar with intervals inside the skipped hour of the spring DST change',
    {
      timezone: BERLIN,
      workingHours: [...hours([7], ['01:45', '02:30'], ['02:40', '02:50'], ['02:55', '03:20'])],
      holidays: [],
      workdays: [],
    },
    '2025-03-22T00:00',
    10,
  ],
  [
    'Havana, where 00:00-01:00 happens twice (clocks back from 01:00 to 00:00)',
    {
      timezone: 'America/Havana',
      workingHours: [
        ...hours([7], ['00:00', '00:45'], ['10:00', '11:00']),
        ...hours([6], ['23:00', '24:00']),
        ...hours([1, 2, 3, 4, 5], ['09:00', '17:00']),
      ],
      holidays: [],
      workdays: [],
    },
    '2025-10-28T00:00',
    9,
  ],
  [
    'Kiritimati (UTC+14, far from a first guess of UTC) with a make-up Sunday',
    {
      timezone: 'Pacific/Kiritimati',
      workingHours: hours([1, 2, 3, 4, 5], ['08:00', '12:00'], ['13:00', '24:00']),
      holidays: ['2025-06-03'],
      workdays: ['2025-06-08'],
    },
    '2025-06-01T00:00',
    10,
  ],
  [
    "St John's (UTC-03:30, DST) with a night shift split at midnight",
    {
      timezone: 'America/St_Johns',
      workingHours: [...hours([1, 2, 3, 4, 5, 6, 7], ['00:00', '02:30'], ['22:00', '24:00']), ...hours([2], ['09:00', '17:00'])],
      holidays: [],
      workdays: [],
    },
    '2025-03-05T00:00',
    10,
  ],
])('against a minute-by-minute oracle: %s', (_name, cal, fromLocal, days) => {
  const { start, minutes, prefix } = oracle(cal, fromLocal, days);
  const minute = fc.integer({ min: 0, max: minutes });
  const count = (a: number, b: number): number => (prefix[b] ?? 0) - (prefix[a] ?? 0);

  it('workingMillisBetween counts the same minutes', () => {
    fc.assert(
      fc.property(minute, minute, (a, b) => {
        const expected = b > a ? count(a, b) * M : 0;
        expect(workingMillisBetween(cal, new Date(start + a * M), new Date(start + b * M))).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('addWorkingMillis ends at the end of the k-th working minute', () => {
    fc.assert(
      fc.property(minute, fc.integer({ min: 1, max: 2000 }), (a, k) => {
        // the first minute index e with count(a, e) === k, if it lies in the window
        let e = a;
        while (e <= minutes && count(a, e) < k) e++;
        fc.pre(e <= minutes);
        expect(addWorkingMillis(cal, new Date(start + a * M), k * M).getTime()).toBe(start + e * M);
      }),
      { numRuns: 300 },
    );
  });

  it('nextOpening is the first working minute', () => {
    fc.assert(
      fc.property(minute, (a) => {
        let e = a;
        while (e < minutes && count(e, e + 1) === 0) e++;
        fc.pre(e < minutes);
        expect(nextOpening(cal, new Date(start + a * M)).getTime()).toBe(start + e * M);
      }),
      { numRuns: 300 },
    );
  });
});

describe('properties', () => {
  const berlinWithBreaks: WorkingCalendar = {
    timezone: BERLIN,
    workingHours: [...hours([1, 2, 3, 4, 5], ['08:30', '12:00'], ['13:00', '17:15']), ...hours([6], ['10:00', '12:00'])],
    holidays: ['2025-04-18', '2025-04-21', '2025-12-25', '2025-12-26'],
    workdays: ['2025-04-19'],
  };
  const calendars = fc.constantFrom(cn, custom, berlinWithBreaks);
  // any millisecond from 2024-12-01 to 2027-02-01: both DST changes, all holidays of 2025 and 2026
  const instant = fc.integer({ min: Date.UTC(2024, 11, 1), max: Date.UTC(2027, 1, 1) });
  const amount = fc.integer({ min: 0, max: 60 * 7 * H });

  it('workingMillisBetween(from, addWorkingMillis(from, ms)) === ms, and no earlier instant has it', () => {
    fc.assert(
      fc.property(calendars, instant, amount, (cal, from, ms) => {
        const due = addWorkingMillis(cal, new Date(from), ms);
        expect(workingMillisBetween(cal, new Date(from), due)).toBe(ms);
        if (ms > 0) expect(workingMillisBetween(cal, new Date(from), new Date(due.getTime() - 1))).toBe(ms - 1);
      }),
      { numRuns: 500 },
    );
  });

  it('working time adds up over adjacent spans', () => {
    fc.assert(
      fc.property(calendars, instant, instant, instant, (cal, x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p - q) as [number, number, number];
        const ab = workingMillisBetween(cal, new Date(a), new Date(b));
        const bc = workingMillisBetween(cal, new Date(b), new Date(c));
        expect(workingMillisBetween(cal, new Date(a), new Date(c))).toBe(ab + bc);
      }),
      { numRuns: 300 },
    );
  });

  it('nextOpening is inside working time and skips none', () => {
    fc.assert(
      fc.property(calendars, instant, (cal, from) => {
        const open = nextOpening(cal, new Date(from));
        expect(open.getTime()).toBeGreaterThanOrEqual(from);
        expect(workingMillisBetween(cal, new Date(from), open)).toBe(0);
        expect(workingMillisBetween(cal, open, new Date(open.getTime() + 1))).toBe(1);
      }),
      { numRuns: 500 },
    );
  });

  it('addWorkingMillis is monotonic in the start and in the amount', () => {
    fc.assert(
      fc.property(calendars, instant, instant, amount, amount, (cal, x, y, m, n) => {
        const [early, late] = x <= y ? [x, y] : [y, x];
        const [less, more] = m <= n ? [m, n] : [n, m];
        expect(addWorkingMillis(cal, new Date(late), less).getTime()).toBeGreaterThanOrEqual(
          addWorkingMillis(cal, new Date(early), less).getTime(),
        );
        expect(addWorkingMillis(cal, new Date(early), more).getTime()).toBeGreaterThanOrEqual(
          addWorkingMillis(cal, new Date(early), less).getTime(),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('pausing and resuming neither loses nor gains working time', () => {
    fc.assert(
      fc.property(
        calendars,
        instant,
        fc.integer({ min: 1, max: 20 * 7 * H }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 30 * 86_400_000 }),
        (cal, start, total, pauseFraction, pauseLength) => {
          const due = addWorkingMillis(cal, new Date(start), total);
          const pauseAt = new Date(start + Math.floor((due.getTime() - start) * pauseFraction));
          const resumeAt = new Date(pauseAt.getTime() + pauseLength);
          const remaining = workingMillisBetween(cal, pauseAt, due);
          const newDue = addWorkingMillis(cal, resumeAt, remaining);
          const worked = workingMillisBetween(cal, new Date(start), pauseAt) + workingMillisBetween(cal, resumeAt, newDue);
          expect(worked).toBe(total);
          expect(workingMillisBetween(cal, new Date(start), due)).toBe(total);
          expect(newDue.getTime()).toBeGreaterThanOrEqual(due.getTime());
        },
      ),
      { numRuns: 300 },
    );
  });
});
