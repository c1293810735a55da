import { CalendarError } from './calendar.errors';
import { parseDuration } from './iso-duration';
import type { Clock } from './working-calendar';

const H = 3_600_000;
const M = 60_000;

describe('parseDuration', () => {
  it.each<[string, number, number, number]>([
    // iso, weeks, days, timeMillis
    ['P1D', 0, 1, 0],
    ['P3D', 0, 3, 0],
    ['PT4H', 0, 0, 4 * H],
    ['PT30M', 0, 0, 30 * M],
    ['PT45S', 0, 0, 45_000],
    ['P1DT4H', 0, 1, 4 * H],
    ['PT1H30M', 0, 0, 90 * M],
    ['PT36H', 0, 0, 36 * H],
    ['PT1.5H', 0, 0, 90 * M],
    ['PT0.5S', 0, 0, 500],
    ['PT0.001S', 0, 0, 1],
    ['P0DT1M', 0, 0, M],
    ['P2DT3H4M5S', 0, 2, 3 * H + 4 * M + 5000],
    ['P1W', 1, 0, 0],
    ['P1W2D', 1, 2, 0],
  ])('%s → weeks %d, days %d, %d ms', (iso, weeks, days, timeMillis) => {
    expect(parseDuration(iso)).toEqual({ iso, weeks, days, timeMillis });
  });

  it.each<[string, string]>([
    ['', 'expected an ISO-8601 duration'],
    ['3D', 'not an ISO-8601 duration'],
    ['p1d', 'not an ISO-8601 duration'],
    [' P1D', 'not an ISO-8601 duration'],
    ['P1D ', 'not an ISO-8601 duration'],
    ['PT1,5H', 'not an ISO-8601 duration'],
    ['P1DT', 'not an ISO-8601 duration'],
    ['P', 'not an ISO-8601 duration'],
    ['PT', 'not an ISO-8601 duration'],
    ['P0D', 'must be longer than zero'],
    ['PT0S', 'must be longer than zero'],
    ['PT0.0001S', 'must be longer than zero'],
    ['-P1D', 'negative parts are not allowed'],
    ['P-1D', 'negative parts are not allowed'],
    ['P1DT-1H', 'negative parts are not allowed'],
    ['P1M', 'years and months have no fixed length'],
    ['P1Y', 'years and months have no fixed length'],
    ['P1Y2D', 'years and months have no fixed length'],
    ['P1.5D', 'days and weeks must be whole numbers'],
    ['P0.5W', 'days and weeks must be whole numbers'],
    ['P36601D', 'longer than 100 years'],
    ['PT878401H', 'longer than 100 years'],
  ])('rejects %p (%s)', (iso, why) => {
    let error: unknown;
    try {
      parseDuration(iso);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CalendarError);
    expect(error).toMatchObject({ code: 'INVALID_DURATION', name: 'CalendarError' });
    expect((error as Error).message).toContain(why);
    expect((error as Error).message).toContain(JSON.stringify(iso));
  });

  it('accepts exactly 100 years', () => {
    expect(parseDuration('P36600D').days).toBe(36_600);
    expect(parseDuration('PT878400H').timeMillis).toBe(878_400 * H);
  });

  it.each<[string, Clock | undefined, boolean]>([
    ['P1W', 'calendar', true],
    ['P1W', undefined, true],
    ['P1W', 'business', false],
    ['P2W1D', 'business', false],
    ['P7D', 'business', true],
  ])('weeks: %s on the %s clock accepted: %p', (iso, clock, accepted) => {
    const parse = () => parseDuration(iso, clock);
    if (accepted) expect(parse).not.toThrow();
    else expect(parse).toThrow('weeks are not allowed on the business clock; write the working days (e.g. P5D)');
  });
});
