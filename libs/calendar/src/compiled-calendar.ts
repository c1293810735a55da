import { DateTime, IANAZone } from 'luxon';
import { CalendarError } from './calendar.errors';
import { MS_PER_DAY, MS_PER_MINUTE, dateParts, isoWeekday, parseLocalDate } from './local-date';
import { parseClockTime, validateCalendar, type WorkingCalendar } from './working-calendar';

/**
 * A calendar prepared for arithmetic: the weekly pattern as minute intervals, holidays and make-up
 * workdays as Sets of day numbers, and a cache of each local day's working intervals as UTC
 * instants. Built once per calendar object (see `compile`); after the first call touching a day,
 * the hot path is Set and Map lookups and additions, with no luxon call.
 *
 * Working time is every instant whose local wall-clock time lies in one of its local day's
 * intervals. On a day whose UTC offset changes (DST), the day is cut into spans of constant offset
 * (found with luxon) and each interval is mapped span by span: an hour skipped by the change is not
 * worked, an hour repeated by it is worked twice.
 */
export interface CompiledCalendar {
  readonly zone: IANAZone;
  /** Index 1..7 (ISO weekday): sorted [open, close) minute pairs, flattened. */
  readonly weekly: readonly (readonly number[])[];
  readonly holidays: ReadonlySet<number>;
  readonly workdays: ReadonlySet<number>;
  readonly days: Map<number, DayInfo>;
  /** Mutable hint: the last offset seen, to guess the local day of an instant. */
  readonly state: { guessOffsetMs: number };
}

/** One local day, as instants (UTC milliseconds), computed with luxon. */
export interface DayInfo {
  /** The day's first instant (its midnight, or the end of a DST gap that swallowed midnight). */
  readonly start: number;
  /** The next day's first instant. */
  readonly end: number;
  /** The offset if the day is 24 h long with one offset throughout (no DST change), else undefined. */
  readonly offsetMs: number | undefined;
  /** Spans of constant offset covering [start, end), in order (one on an ordinary day). */
  readonly spans: readonly Span[];
  /** Working time as [open, close) pairs, flattened, sorted and merged. */
  readonly bounds: readonly number[];
  readonly total: number;
}

export interface Span {
  readonly from: number;
  readonly to: number;
  readonly offsetMs: number;
}

/** Bound on cached days per calendar (about 27 years); the cache is dropped and refilled past it. */
const DAY_CACHE_LIMIT = 10_000;

interface CacheEntry {
  compiled: CompiledCalendar;
  // What the calendar looked like when compiled: a reassigned or grown list is noticed and recompiled.
  timezone: string;
  workingHours: unknown;
  workingHoursLength: number;
  holidays: unknown;
  holidaysLength: number;
  workdays: unknown;
  workdaysLength: number;
}

const cache = new WeakMap<WorkingCalendar, CacheEntry>();

/**
 * The compiled form of `cal`, cached by object identity. Throws `INVALID_CALENDAR` with every
 * problem. Treat calendars as values: build a new object to change one (a reassigned or lengthened
 * list is detected; an element edited in place is not).
 */
export function compile(cal: WorkingCalendar): CompiledCalendar {
  const hit = cache.get(cal);
  if (hit && isCurrent(hit, cal)) return hit.compiled;
  const problems = validateCalendar(cal);
  if (problems.length > 0) {
    throw new CalendarError('INVALID_CALENDAR', `Invalid calendar: ${problems.join('; ')}`, problems);
  }
  const compiled = build(cal);
  cache.set(cal, {
    compiled,
    timezone: cal.timezone,
    workingHours: cal.workingHours,
    workingHoursLength: cal.workingHours.length,
    holidays: cal.holidays,
    holidaysLength: cal.holidays.length,
    workdays: cal.workdays,
    workdaysLength: cal.workdays.length,
  });
  return compiled;
}

function isCurrent(hit: CacheEntry, cal: WorkingCalendar): boolean {
  return (
    hit.timezone === cal.timezone &&
    hit.workingHours === cal.workingHours &&
    hit.workingHoursLength === cal.workingHours.length &&
    hit.holidays === cal.holidays &&
    hit.holidaysLength === cal.holidays.length &&
    hit.workdays === cal.workdays &&
    hit.workdaysLength === cal.workdays.length
  );
}

function build(cal: WorkingCalendar): CompiledCalendar {
  const perDay: [number, number][][] = [[], [], [], [], [], [], [], []];
  for (const h of cal.workingHours) {
    // validateCalendar has passed: both times parse and weekday is 1..7.
    const open = parseClockTime(h.open, false) ?? 0;
    const close = parseClockTime(h.close, true) ?? 0;
    perDay[h.weekday]?.push([open, close]);
  }
  // Touching intervals (12:00-13:00, 13:00-14:00) stay separate here; dayInfo merges them.
  const weekly = perDay.map((list) => list.sort((a, b) => a[0] - b[0]).flat());
  const toDays = (dates: string[]): Set<number> => new Set(dates.map((d) => parseLocalDate(d)).filter((n): n is number => n !== undefined));
  return {
    zone: IANAZone.create(cal.timezone),
    weekly,
    holidays: toDays(cal.holidays),
    workdays: toDays(cal.workdays),
    days: new Map(),
    state: { guessOffsetMs: 0 },
  };
}

/** Minute intervals of a local day by the rules: holiday none, make-up workday Monday's, else its weekday's. */
export function patternOf(c: CompiledCalendar, day: number): readonly number[] {
  if (c.holidays.has(day)) return NONE;
  if (c.workdays.has(day)) return c.weekly[1] ?? NONE;
  return c.weekly[isoWeekday(day)] ?? NONE;
}
const NONE: readonly number[] = [];

export function isWorkingDayNumber(c: CompiledCalendar, day: number): boolean {
  return patternOf(c, day).length > 0;
}

/**
 * The local day (in the calendar's zone) that contains instant `ms`: a guess from the last offset
 * seen, corrected against the day bounds luxon computed (at most a step or two).
 */
export function localDayOf(c: CompiledCalendar, ms: number): number {
  let day = Math.floor((ms + c.state.guessOffsetMs) / MS_PER_DAY);
  for (;;) {
    const info = dayInfo(c, day);
    if (ms < info.start) day--;
    else if (ms >= info.end) day++;
    else {
      if (info.offsetMs !== undefined) c.state.guessOffsetMs = info.offsetMs;
      return day;
    }
  }
}

/** Milliseconds after local midnight of instant `ms` (its wall-clock time) on local `day`, which contains it. */
export function localTimeOfDay(c: CompiledCalendar, day: number, ms: number): number {
  const { spans } = dayInfo(c, day);
  let offsetMs = spans[0]?.offsetMs ?? 0;
  for (const span of spans) if (ms >= span.from) offsetMs = span.offsetMs;
  return ms + offsetMs - day * MS_PER_DAY;
}

/**
 * The first instant of local `day` whose wall-clock time is at or after `msOfDay` (0 to 24 h): on
 * an ordinary day simply that wall-clock time; a time skipped by a DST change gives the instant the
 * clocks jump, a time repeated by one its first occurrence; 24:00 is the next day's start.
 */
export function localToInstant(c: CompiledCalendar, day: number, msOfDay: number): number {
  const info = dayInfo(c, day);
  if (msOfDay >= MS_PER_DAY) return info.end;
  const midnight = day * MS_PER_DAY + msOfDay;
  for (const span of info.spans) {
    const t = midnight - span.offsetMs;
    if (t < span.from) return span.from;
    if (t < span.to) return t;
  }
  return info.end;
}

/** The first instant of local `day` (luxon resolves the wall-clock time 00:00). */
function firstInstant(c: CompiledCalendar, day: number): number {
  const { year, month, day: dayOfMonth } = dateParts(day);
  const t = DateTime.fromObject({ year, month, day: dayOfMonth }, { zone: c.zone }).toMillis();
  // When 00:00 happens twice (clocks set back at midnight), luxon may pick the second: take the first.
  const before = t - 1;
  const offsetBefore = c.zone.offset(before) * MS_PER_MINUTE;
  return Math.floor((before + offsetBefore) / MS_PER_DAY) === day ? day * MS_PER_DAY - offsetBefore : t;
}

/** Spans of constant offset covering [start, end); offset changes found by bisection on luxon offsets. */
function spansOf(c: CompiledCalendar, start: number, end: number): Span[] {
  const offset = (t: number): number => c.zone.offset(t) * MS_PER_MINUTE;
  const spans: Span[] = [];
  let from = start;
  while (from < end) {
    const o = offset(from);
    if (offset(end - 1) === o) {
      spans.push({ from, to: end, offsetMs: o });
      break;
    }
    let lo = from;
    let hi = end - 1; // offset(lo) === o, offset(hi) !== o
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offset(mid) === o) lo = mid;
      else hi = mid;
    }
    spans.push({ from, to: hi, offsetMs: o });
    from = hi;
  }
  return spans;
}

/** Everything about local `day` the arithmetic needs, computed with luxon once and cached. */
export function dayInfo(c: CompiledCalendar, day: number): DayInfo {
  const hit = c.days.get(day);
  if (hit) return hit;
  const start = firstInstant(c, day);
  const end = firstInstant(c, day + 1);
  const spans = spansOf(c, start, end);
  const only = spans.length === 1 ? spans[0] : undefined;
  const steady = only !== undefined && end - start === MS_PER_DAY;

  // Each interval, span by span: instants t of the span whose wall-clock time t + offset - midnight
  // lies in [open, close).
  const pattern = patternOf(c, day);
  const pieces: [number, number][] = [];
  for (let i = 0; i + 1 < pattern.length; i += 2) {
    const open = day * MS_PER_DAY + (pattern[i] ?? 0) * MS_PER_MINUTE;
    const close = day * MS_PER_DAY + (pattern[i + 1] ?? 0) * MS_PER_MINUTE;
    for (const span of spans) {
      const from = Math.max(span.from, open - span.offsetMs);
      const to = Math.min(span.to, close - span.offsetMs);
      if (to > from) pieces.push([from, to]);
    }
  }
  pieces.sort((a, b) => a[0] - b[0]);
  const bounds: number[] = [];
  let total = 0;
  for (const [from, to] of pieces) {
    const last = bounds.length - 1;
    const lastEnd = bounds[last];
    if (lastEnd !== undefined && from <= lastEnd) {
      if (to > lastEnd) {
        total += to - lastEnd;
        bounds[last] = to;
      }
    } else {
      bounds.push(from, to);
      total += to - from;
    }
  }
  const info: DayInfo = { start, end, offsetMs: steady ? only.offsetMs : undefined, spans, bounds, total };
  if (c.days.size >= DAY_CACHE_LIMIT) c.days.clear();
  c.days.set(day, info);
  return info;
}
