import { Duration } from 'luxon';
import { CalendarError } from './calendar.errors';
import type { Clock } from './working-calendar';

/**
 * An SLA duration split the way the clocks use it. On the business clock `days` are working days
 * and `timeMillis` working time; on the calendar clock both are plain (luxon) time in the zone.
 */
export interface ParsedDuration {
  /** The text as given. */
  iso: string;
  /** Whole weeks (`PnW`). Calendar clock only: 7 calendar days each. */
  weeks: number;
  /** Whole days (`PnD`). */
  days: number;
  /** The `T` part (hours, minutes, seconds, fractions allowed) in whole milliseconds (rounded). */
  timeMillis: number;
}

/** Longest duration accepted: 100 years, so a typo such as PT99999999H cannot stall the hot path. */
export const MAX_DURATION_DAYS = 36_600;
const MAX_TIME_MILLIS = MAX_DURATION_DAYS * 86_400_000;

function invalid(iso: unknown, why: string): CalendarError {
  return new CalendarError('INVALID_DURATION', `Invalid duration ${JSON.stringify(iso)}: ${why}`);
}

/**
 * Parses an ISO-8601 duration (`PnD`, `PTnH`, `PTnM`, `PTnS`, combinations such as `P1DT4H`, and
 * `PnW`) with luxon's `Duration.fromISO`. Throws `CalendarError('INVALID_DURATION')` when it is not
 * ISO-8601, is zero or negative, uses years or months (their length varies; write days), has
 * fractional days or weeks, or is longer than 100 years. With `clock: 'business'`, weeks are
 * rejected too: whether a week means 5, 6 or 7 working days is not ours to guess (write `P5D`).
 * Upper case only, no spaces, as ISO-8601 writes it.
 */
export function parseDuration(iso: string, clock?: Clock): ParsedDuration {
  let parsed = typeof iso === 'string' ? cache.get(iso) : undefined;
  if (!parsed) {
    parsed = parse(iso);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(iso, parsed);
  }
  if (parsed.weeks > 0 && clock === 'business') {
    throw invalid(iso, 'weeks are not allowed on the business clock; write the working days (e.g. P5D)');
  }
  return parsed;
}

/** Policies use a handful of durations: each is parsed once (results are frozen, errors not cached). */
const cache = new Map<string, ParsedDuration>();
const CACHE_LIMIT = 1000;

function parse(iso: string): ParsedDuration {
  if (typeof iso !== 'string' || iso.length === 0) throw invalid(iso, 'expected an ISO-8601 duration such as P3D or PT4H');
  const d = Duration.fromISO(iso);
  if (!d.isValid || iso.endsWith('T') || Object.keys(d.toObject()).length === 0) {
    throw invalid(iso, 'not an ISO-8601 duration; write e.g. P3D, PT4H, PT30M or P1DT4H (upper case, no spaces)');
  }
  const o = d.toObject();
  const values = Object.values(o);
  if (values.some((v) => v < 0)) throw invalid(iso, 'negative parts are not allowed');
  if ((o.years ?? 0) > 0 || (o.months ?? 0) > 0 || (o.quarters ?? 0) > 0) {
    throw invalid(iso, 'years and months have no fixed length; write days (e.g. P30D)');
  }
  const weeks = o.weeks ?? 0;
  const days = o.days ?? 0;
  if (!Number.isInteger(weeks) || !Number.isInteger(days)) throw invalid(iso, 'days and weeks must be whole numbers');
  const timeMillis = Math.round((o.hours ?? 0) * 3_600_000 + (o.minutes ?? 0) * 60_000 + (o.seconds ?? 0) * 1000 + (o.milliseconds ?? 0));
  if (weeks === 0 && days === 0 && timeMillis === 0) throw invalid(iso, 'must be longer than zero');
  if (weeks * 7 + days > MAX_DURATION_DAYS || timeMillis > MAX_TIME_MILLIS) throw invalid(iso, 'longer than 100 years');
  return Object.freeze({ iso, weeks, days, timeMillis });
}
