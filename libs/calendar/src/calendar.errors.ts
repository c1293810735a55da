/**
 * Stable codes of the errors the calendar library throws. They are its own (the library depends on
 * nothing); callers map them, e.g. the gateway answers 400 `VALIDATION_FAILED` for all of them.
 *
 * - `INVALID_DURATION`: not an ISO-8601 duration we accept, zero or negative, too long, a clock
 *   that is neither `business` nor `calendar`, or a working-time amount (ms) that is negative or
 *   not finite.
 * - `INVALID_CALENDAR`: `validateCalendar` found problems (listed in `problems`), or the calendar has
 *   no working time for ten years after the instant asked about.
 * - `INVALID_DATE`: an instant that is not a valid `Date`, or a local date that is not a real
 *   `YYYY-MM-DD`.
 */
export const CALENDAR_ERROR_CODES = ['INVALID_DURATION', 'INVALID_CALENDAR', 'INVALID_DATE'] as const;
export type CalendarErrorCode = (typeof CALENDAR_ERROR_CODES)[number];

export class CalendarError extends Error {
  readonly code: CalendarErrorCode;
  /** For `INVALID_CALENDAR`: every problem found, each naming its field. Otherwise empty. */
  readonly problems: readonly string[];

  constructor(code: CalendarErrorCode, message: string, problems: readonly string[] = []) {
    super(message);
    this.name = 'CalendarError';
    this.code = code;
    this.problems = problems;
  }
}
