// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../api/types';
import { actorLabel, eventDeadlines, eventRating, eventTitle, humanizeType } from './timeline-text';

// A stand-in for i18next's t: known keys get words, unknown ones their defaultValue.
const words: Record<string, string> = {
  'timeline.system': 'System',
  'timeline.someone': 'Someone',
  'auth.role.company': 'Company user',
  'timeline.event.filed': 'Filed',
  'timeline.event.sla_set': 'Deadlines set',
};
const t = (key: string, params?: Record<string, unknown>) =>
  words[key] ?? (typeof params?.defaultValue === 'string' ? params.defaultValue : key);
const ev = (e: Partial<TimelineEvent>): TimelineEvent => ({ type: 'filed', ...e });

describe('timeline words', () => {
  it('names the person, else their role, else the system (the API may send only {id, role})', () => {
    expect(actorLabel(ev({ actor: { id: 'u1', displayName: '陈经理' } }), t)).toBe('陈经理');
    expect(actorLabel(ev({ actor: { id: 'u1', role: 'company' } }), t)).toBe('Company user');
    expect(actorLabel(ev({ actor: { id: 'u1' } }), t)).toBe('Someone');
    expect(actorLabel(ev({ actor: null }), t)).toBe('System');
  });

  it('never shows a raw event token', () => {
    expect(eventTitle(ev({ type: 'sla_set' }), t)).toBe('Deadlines set');
    expect(eventTitle(ev({ type: 'request.filed' }), t)).toBe('Filed');
    expect(eventTitle(ev({ type: 'milestone_due' }), t)).toBe('Milestone due');
    expect(humanizeType('request.info-provided')).toBe('Info provided');
  });

  it('reads deadlines and ratings from the event data', () => {
    const due = { responseDueAt: '2026-11-24T06:30:00.000Z', resolutionDueAt: '2026-11-27T01:00:00.000Z' };
    expect(eventDeadlines(ev({ type: 'sla_set', data: { policy: 'default', ...due } }))).toEqual(due);
    expect(eventDeadlines(ev({ data: {} }))).toEqual({});
    expect(eventRating(ev({ type: 'rated', data: { rating: 'good' } }))).toBe('good');
    expect(eventRating(ev({ type: 'rated', data: { rating: 'meh' } }))).toBeNull();
  });
});
