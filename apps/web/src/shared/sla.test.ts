// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { RequestSla, RequestStatus } from '../api/types';
import { compareByDeadline, slaColour, slaDisplayState, timeLeftMs, type SlaSubject } from './sla';

const created = '2026-11-02T01:00:00Z'; // 09:00 Beijing
const due = '2026-11-05T01:00:00Z';
function req(status: RequestStatus, sla: Partial<RequestSla> | null): SlaSubject {
  return {
    status,
    createdAt: created,
    sla: sla
      ? { state: 'running', escalationLevel: 0, responseDueAt: '2026-11-02T05:00:00Z', resolutionDueAt: due, ...sla }
      : null,
  };
}
const at = (iso: string) => new Date(iso);

describe('SLA state shown to people', () => {
  it.each([
    ['running early', req('in_progress', {}), '2026-11-02T02:00:00Z', 'on_track'],
    ['running past 80 % of the budget', req('in_progress', {}), '2026-11-04T16:00:00Z', 'warning'],
    ['backend says a warning was raised', req('in_progress', { warned: true }), '2026-11-02T02:00:00Z', 'warning'],
    ['past due before the breach event', req('in_progress', {}), '2026-11-05T01:00:01Z', 'breached'],
    ['breached by the backend', req('in_progress', { state: 'breached' }), '2026-11-02T02:00:00Z', 'breached'],
    ['paused clock', req('in_progress', { state: 'paused' }), '2026-11-04T23:00:00Z', 'paused'],
    ['awaiting the company', req('awaiting_company', {}), '2026-11-04T23:00:00Z', 'paused'],
    ['met', req('in_progress', { state: 'met' }), '2026-11-06T00:00:00Z', 'met'],
    ['resolved case', req('resolved', {}), '2026-11-06T00:00:00Z', 'met'],
    ['cancelled case', req('cancelled', {}), '2026-11-06T00:00:00Z', 'none'],
    ['no SLA', req('in_progress', null), '2026-11-06T00:00:00Z', 'none'],
    ['not yet accepted: response target counts', req('assigned', {}), '2026-11-02T05:30:00Z', 'breached'],
  ] as const)('%s → %s', (_name, subject, now, expected) => {
    expect(slaDisplayState(subject, at(now))).toBe(expected);
  });

  it('maps every state to one colour for tags and rows', () => {
    expect(slaColour('on_track')).toEqual({ tag: 'green', row: 'sla-row-on-track' });
    expect(slaColour('warning').tag).toBe('gold');
    expect(slaColour('breached').tag).toBe('red');
    expect(slaColour('paused').tag).toBe('blue');
    expect(slaColour('none').row).toBe('');
  });

  it('counts time left towards the active target', () => {
    expect(timeLeftMs(req('in_progress', {}), at('2026-11-05T00:00:00Z'))).toBe(3600_000);
    expect(timeLeftMs(req('assigned', {}), at('2026-11-02T04:00:00Z'))).toBe(3600_000);
    expect(timeLeftMs(req('in_progress', null), at('2026-11-05T00:00:00Z'))).toBeNull();
  });

  it('orders a queue by nearest deadline, paused after running, no clock last', () => {
    const a = { ...req('in_progress', { resolutionDueAt: '2026-11-03T00:00:00Z' }), id: 'a' };
    const b = { ...req('in_progress', { resolutionDueAt: '2026-11-02T12:00:00Z' }), id: 'b' };
    const c = { ...req('awaiting_company', {}), id: 'c' };
    const d = { ...req('in_progress', null), id: 'd' };
    expect([d, c, a, b].sort(compareByDeadline).map((x) => x.id)).toEqual(['b', 'a', 'c', 'd']);
  });
});
