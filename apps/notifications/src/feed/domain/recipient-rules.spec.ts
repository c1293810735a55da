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

  it('tells the supervisors that a request waits, the admins when there are none', () => {
    const u = { requestId: 'r', referenceNo: 'QF', departmentId: 'd', supervisorIds: ['s1', 's2', 's1'], reason: 'no capacity', at: '' };
    expect(planNotification('request.unassigned.v1', u)?.recipients).toEqual([{ userId: 's1' }, { userId: 's2' }]);
    expect(planNotification('request.unassigned.v1', { ...u, supervisorIds: [] })?.recipients).toEqual([{ role: 'admin' }]);
  });

  it('warns the assignee only, and nobody when there is no assignee', () => {
    const w = { ...breach, fraction: 0.8 };
    expect(planNotification('sla.warning.v1', w)?.recipients).toEqual([{ userId: 'officer' }]);
    expect(planNotification('sla.warning.v1', { ...w, assigneeId: null })).toBeNull();
  });

  it('sends escalation steps where the policy says (department heads: the supervisor stands in)', () => {
    const step = (notify: 'supervisor' | 'department_head' | 'admin', supervisorId: string | null = 'boss') =>
      planNotification('sla.escalated.v1', { ...breach, supervisorId, level: 1, notify })?.recipients;
    expect(step('supervisor')).toEqual([{ userId: 'boss' }]);
    expect(step('department_head')).toEqual([{ userId: 'boss' }]);
    expect(step('admin')).toEqual([{ role: 'admin' }]);
    expect(step('supervisor', null)).toEqual([{ role: 'admin' }]);
  });

  it("tells the company's users when a plan is set", () => {
    const n = planNotification('request.plan_set.v1', {
      requestId: 'r',
      referenceNo: 'QF',
      companyId: 'c',
      milestones: [{ title: '面试', dueAt: '2026-03-01T00:00:00+08:00' }],
      reason: '招聘周期长',
      assigneeId: 'o',
      supervisorId: 's',
      setAt: '',
    });
    expect([n?.type, n?.recipients]).toEqual(['request.plan_set', [{ companyId: 'c' }]]);
  });

  it('writes each message in Chinese and English: both in the feed line, each alone for email', () => {
    const n = planNotification('sla.breached.v1', { ...breach, target: 'resolution' });
    expect(n?.text).toEqual({ zh: '工单 QF-2026-000001 已超时（办结）', en: 'QF-2026-000001 missed its resolution deadline' });
    expect(n?.message).toBe(`${n?.text.zh} · ${n?.text.en}`);
  });
});
