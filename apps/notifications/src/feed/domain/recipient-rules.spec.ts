import type { SlaBreachedV1 } from '@qifu/contracts';
import { planNotification } from './recipient-rules';

const breach: SlaBreachedV1 = {
  alertId: 'a',
  requestId: 'r',
  referenceNo: 'QF-2026-000001',
  target: 'response',
  label: null,
  dueAt: '2026-01-01T00:00:00Z',
  raisedAt: '2026-01-01T00:00:00Z',
  late: false,
  assigneeId: 'officer',
  supervisorId: 'boss',
};

describe('recipient rules', () => {
  it('tells the officer about an assignment', () => {
    const n = planNotification('request.assigned.v1', {
      requestId: 'r',
      referenceNo: 'QF-2026-000001',
      officerId: 'o1',
      officerName: 'Li',
      departmentId: null,
      supervisorId: 's1',
      previousOfficerId: null,
      reason: 'liaison',
      assignedAt: '2026-01-01T00:00:00Z',
    });
    expect(n?.type).toBe('request.assigned');
    expect(n?.recipients).toEqual([{ userId: 'o1' }]);
  });

  it('tells the assignee and their supervisor about a breach', () => {
    expect(planNotification('sla.breached.v1', breach)?.recipients).toEqual([{ userId: 'officer' }, { userId: 'boss' }]);
  });

  it('falls back to the admins when a breached request has nobody responsible yet', () => {
    expect(planNotification('sla.breached.v1', { ...breach, assigneeId: null, supervisorId: null })?.recipients).toEqual([
      { role: 'admin' },
    ]);
  });

  it('tells the company when information is requested or the request is resolved, and nobody on other moves', () => {
    const base = { requestId: 'r', referenceNo: 'QF', companyId: 'c', actorId: 'o', assigneeId: 'o', supervisorId: null, changedAt: '' };
    expect(planNotification('request.status_changed.v1', { ...base, from: 'in_progress', to: 'awaiting_company' })?.type).toBe(
      'request.info_requested',
    );
    expect(planNotification('request.status_changed.v1', { ...base, from: 'in_progress', to: 'resolved' })?.recipients).toEqual([
      { companyId: 'c' },
    ]);
    expect(planNotification('request.status_changed.v1', { ...base, from: 'assigned', to: 'in_progress' })).toBeNull();
  });

  it('sends only bad ratings to the supervisor', () => {
    const rated = { requestId: 'r', referenceNo: 'QF', companyId: 'c', comment: null, assigneeId: 'o', supervisorId: 's', ratedAt: '' };
    expect(planNotification('request.rated.v1', { ...rated, rating: 'bad' })?.recipients).toEqual([{ userId: 's' }]);
    expect(planNotification('request.rated.v1', { ...rated, rating: 'good' })).toBeNull();
  });

  it('alerts the supervisor and the assignee when the company escalates, the admins when nobody supervises', () => {
    const e = {
      requestId: 'r',
      referenceNo: 'QF',
      companyId: 'c',
      level: 1,
      reason: '没人处理',
      assigneeId: 'o',
      supervisorId: 's',
      escalatedAt: '',
    };
    const planned = planNotification('request.escalated.v1', e);
    expect(planned?.type).toBe('request.escalated');
    expect(planned?.recipients).toEqual([{ userId: 's' }, { userId: 'o' }]);
    expect(planNotification('request.escalated.v1', { ...e, supervisorId: null, assigneeId: null })?.recipients).toEqual([
      { role: 'admin' },
    ]);
  });
});
