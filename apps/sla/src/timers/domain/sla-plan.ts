import { addDuration, addWorkingMillis, type Clock, type WorkingCalendar, workingMillisBetween } from '@qifu/calendar';
import type { EscalationAudience, SlaTarget } from '@qifu/contracts';

export interface PolicyTerms {
  response: { duration: string; clock: Clock };
  resolution: { duration: string; clock: Clock };
  warnAt: readonly number[];
  escalation: readonly { after: string; notify: EscalationAudience }[];
}

export type AlertKind = 'warning' | 'breach' | 'escalation';

export interface PlannedAlert {
  kind: AlertKind;
  level: number;
  fireAt: Date;
  fraction: number | null;
  notify: EscalationAudience | null;
}

export interface PlannedTarget {
  target: SlaTarget;
  clock: Clock;
  duration: string;
  startedAt: Date;
  dueAt: Date;
  alerts: PlannedAlert[];
}

/** The instant at which `fraction` of the budget between start and due has been used, on the clock. */
export function fractionInstant(cal: WorkingCalendar, clock: Clock, start: Date, due: Date, fraction: number): Date {
  if (clock === 'calendar') return new Date(start.getTime() + Math.round((due.getTime() - start.getTime()) * fraction));
  const budget = workingMillisBetween(cal, start, due);
  return addWorkingMillis(cal, start, Math.round(budget * fraction));
}

/**
 * A target's deadline and every alert it will raise: a warning at each fraction of the budget, the
 * breach at 100 %, and (resolution only) each escalation step counted from the breach on the same
 * clock. Pure: the caller stores the plan and the scheduler raises it.
 */
export function planTarget(cal: WorkingCalendar, target: 'response' | 'resolution', terms: PolicyTerms, start: Date): PlannedTarget {
  const spec = terms[target];
  const due = addDuration(cal, start, spec.duration, spec.clock);
  const alerts: PlannedAlert[] = warnings(cal, spec.clock, terms.warnAt, start, due);
  alerts.push({ kind: 'breach', level: 0, fireAt: due, fraction: 1, notify: null });
  if (target === 'resolution') {
    terms.escalation.forEach((step, i) => {
      alerts.push({
        kind: 'escalation',
        level: i + 1,
        fireAt: addDuration(cal, due, step.after, spec.clock),
        fraction: null,
        notify: step.notify,
      });
    });
  }
  return { target, clock: spec.clock, duration: spec.duration, startedAt: start, dueAt: due, alerts };
}

/**
 * A plan milestone: a fixed date instead of a duration, timed like a target on the resolution's
 * clock: the policy's warnings across the time from the plan to the date, and the breach on it.
 */
export function planMilestone(cal: WorkingCalendar, clock: Clock, warnAt: readonly number[], start: Date, due: Date): PlannedTarget {
  const alerts = warnings(cal, clock, warnAt, start, due);
  alerts.push({ kind: 'breach', level: 0, fireAt: due, fraction: 1, notify: null });
  return { target: 'milestone', clock, duration: `until ${due.toISOString()}`, startedAt: start, dueAt: due, alerts };
}

function warnings(cal: WorkingCalendar, clock: Clock, warnAt: readonly number[], start: Date, due: Date): PlannedAlert[] {
  const alerts: PlannedAlert[] = [];
  [...new Set(warnAt)]
    .filter((f) => f > 0 && f < 1)
    .sort((a, b) => a - b)
    .forEach((fraction, i) => {
      alerts.push({
        kind: 'warning',
        level: i + 1,
        fireAt: fractionInstant(cal, clock, start, due, fraction),
        fraction,
        notify: null,
      });
    });
  return alerts;
}

/** Time left on a paused target, measured on its clock. */
export function remainingMillis(cal: WorkingCalendar, clock: Clock, at: Date, due: Date): number {
  if (due <= at) return 0;
  return clock === 'calendar' ? due.getTime() - at.getTime() : workingMillisBetween(cal, at, due);
}

/** The new deadline when a paused target resumes with what was left. */
export function resumedDue(cal: WorkingCalendar, clock: Clock, at: Date, remaining: number): Date {
  return clock === 'calendar' ? new Date(at.getTime() + remaining) : addWorkingMillis(cal, at, remaining);
}

/**
 * Where an instant `d` of a target paused at `pausedAt` lands when it resumes at `resumedAt`: an
 * instant already passed fires at once; one still ahead keeps the working time that was left. A pause
 * that held no working time (asked at night, answered before the next opening) moves nothing, so a
 * `P3D` deadline keeps its wall-clock time instead of turning into the equal close of the day before.
 */
export function shiftedByPause(cal: WorkingCalendar, clock: Clock, pausedAt: Date, resumedAt: Date, d: Date): Date {
  if (d <= pausedAt) return resumedAt;
  if (clock === 'business' && workingMillisBetween(cal, pausedAt, resumedAt) === 0) return d;
  return resumedDue(cal, clock, resumedAt, remainingMillis(cal, clock, pausedAt, d));
}

/**
 * Whether any alert of these plans fires within `windowMs` of `now` (or is already due): only then
 * must the scheduler sweep at once. Later alerts enter the window by themselves and its periodic
 * sweep queues them in time, so a batch of ordinary filings (deadlines days away) wakes nobody.
 */
export function firesWithin(plans: readonly PlannedTarget[], now: Date, windowMs: number): boolean {
  const horizon = now.getTime() + windowMs;
  return plans.some((p) => p.alerts.some((a) => a.fireAt.getTime() <= horizon));
}
