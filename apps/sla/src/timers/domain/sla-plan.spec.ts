import { chinaDefaultCalendar } from '@qifu/calendar';
import { firesWithin, planMilestone, planTarget, remainingMillis, resumedDue, shiftedByPause, type PolicyTerms } from './sla-plan';

const cal = chinaDefaultCalendar();
const terms: PolicyTerms = {
  response: { duration: 'PT4H', clock: 'business' },
  resolution: { duration: 'P3D', clock: 'business' },
  warnAt: [0.8, 0.5],
  escalation: [
    { after: 'P1D', notify: 'department_head' },
    { after: 'P2D', notify: 'admin' },
  ],
};

describe('planTarget', () => {
  it('puts 3 working days after 30 Sep 2025 10:00 on 11 Oct (National Day, make-up Saturday)', () => {
    const plan = planTarget(cal, 'resolution', terms, new Date('2025-09-30T10:00:00+08:00'));
    expect(plan.dueAt.toISOString()).toBe(new Date('2025-10-11T10:00:00+08:00').toISOString());
  });

  it('orders warnings by fraction, then the breach at the deadline, then escalations from the breach', () => {
    const plan = planTarget(cal, 'resolution', terms, new Date('2026-03-02T09:00:00+08:00'));
    expect(plan.alerts.map((a) => `${a.kind}:${a.level}`)).toEqual(['warning:1', 'warning:2', 'breach:0', 'escalation:1', 'escalation:2']);
    const times = plan.alerts.map((a) => a.fireAt.getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(plan.alerts[2]?.fireAt).toEqual(plan.dueAt);
    expect(plan.alerts[3]?.notify).toBe('department_head');
  });

  it('has no escalation steps for the response target', () => {
    const plan = planTarget(cal, 'response', terms, new Date('2026-03-02T09:00:00+08:00'));
    expect(plan.alerts.some((a) => a.kind === 'escalation')).toBe(false);
    // 4 working hours from Monday 09:00 with a 12:00-13:30 lunch break is 14:30.
    expect(plan.dueAt.toISOString()).toBe(new Date('2026-03-02T14:30:00+08:00').toISOString());
  });

  it('puts a calendar-clock warning at the plain fraction of elapsed time', () => {
    const plan = planTarget(
      cal,
      'response',
      { ...terms, response: { duration: 'PT10S', clock: 'calendar' }, warnAt: [0.5] },
      new Date('2026-01-01T00:00:00Z'),
    );
    expect(plan.alerts[0]?.fireAt.toISOString()).toBe('2026-01-01T00:00:05.000Z');
    expect(plan.dueAt.toISOString()).toBe('2026-01-01T00:00:10.000Z');
  });
});

describe('pause and resume', () => {
  it('resumes with exactly the working time that was left', () => {
    const due = new Date('2026-03-04T11:00:00+08:00');
    const pausedAt = new Date('2026-03-03T16:00:00+08:00');
    const left = remainingMillis(cal, 'business', pausedAt, due);
    expect(left).toBe((1.5 + 2) * 3600_000);
    const newDue = resumedDue(cal, 'business', new Date('2026-03-06T09:00:00+08:00'), left);
    expect(newDue.toISOString()).toBe(new Date('2026-03-06T14:00:00+08:00').toISOString());
  });

  it('moves nothing when the pause held no working time (asked at night, answered before the opening)', () => {
    const due = new Date('2026-11-27T09:00:00+08:00'); // P3D from Monday night counts from Tuesday's opening
    const asked = new Date('2026-11-23T21:40:00+08:00');
    const answered = new Date('2026-11-23T22:10:00+08:00');
    expect(shiftedByPause(cal, 'business', asked, answered, due).toISOString()).toBe(due.toISOString());
  });

  it('moves a deadline by the working time the pause held, and fires a passed instant at once', () => {
    const due = new Date('2026-11-27T09:00:00+08:00');
    const asked = new Date('2026-11-24T10:00:00+08:00');
    const answered = new Date('2026-11-24T11:00:00+08:00');
    expect(shiftedByPause(cal, 'business', asked, answered, due).toISOString()).toBe(new Date('2026-11-27T10:00:00+08:00').toISOString());
    expect(shiftedByPause(cal, 'business', asked, answered, new Date('2026-11-24T09:30:00+08:00'))).toEqual(answered);
    expect(shiftedByPause(cal, 'calendar', asked, answered, due).toISOString()).toBe(new Date('2026-11-27T10:00:00+08:00').toISOString());
  });
});

describe('planMilestone', () => {
  it('breaches on the date and warns at the policy fractions of the time from the plan to the date', () => {
    const start = new Date('2026-11-24T09:00:00+08:00');
    const due = new Date('2026-11-26T09:00:00+08:00'); // two working days on the business clock
    const plan = planMilestone(cal, 'business', [0.5], start, due);
    expect(plan.target).toBe('milestone');
    expect(plan.dueAt).toEqual(due);
    expect(plan.alerts.map((a) => [a.kind, a.fireAt.toISOString()])).toEqual([
      ['warning', new Date('2026-11-24T17:30:00+08:00').toISOString()], // 7 of 14 working hours: Tuesday's close
      ['breach', due.toISOString()],
    ]);
  });

  it('never plans an escalation for a milestone', () => {
    const plan = planMilestone(cal, 'calendar', [0.5, 0.8], new Date('2026-11-24T00:00:00Z'), new Date('2026-11-25T00:00:00Z'));
    expect(plan.alerts.filter((a) => a.kind === 'escalation')).toEqual([]);
  });
});

describe('firesWithin', () => {
  const start = new Date('2026-11-24T02:00:00Z');
  const window = 120_000;

  it('is false for ordinary filings: the first warning is hours away', () => {
    const plans = [planTarget(cal, 'response', terms, start), planTarget(cal, 'resolution', terms, start)];
    expect(firesWithin(plans, start, window)).toBe(false);
  });

  it('is true when one alert of the batch fires inside the window, or is already due', () => {
    const soon = planMilestone(cal, 'calendar', [0.5], start, new Date(start.getTime() + 100_000));
    const late = planTarget(cal, 'resolution', terms, start);
    expect(firesWithin([late, soon], start, window)).toBe(true);
    expect(firesWithin([late], new Date(late.alerts[0]!.fireAt.getTime() + 1), window)).toBe(true);
  });

  it('counts the window inclusively and nothing past it', () => {
    const plan = planMilestone(cal, 'calendar', [], start, new Date(start.getTime() + window));
    expect(firesWithin([plan], start, window)).toBe(true);
    expect(firesWithin([plan], start, window - 1)).toBe(false);
  });
});
