import type { NotificationView, RequestView } from '@qifu/contracts';
import { eventually } from '@qifu/testing';
import { Api } from '../support/api';
import { aUser, aZone, fileHiring, PASSWORD, type Zone } from '../support/fixtures';
import { TestSystem } from '../support/system';

jest.setTimeout(90_000);

describe('one request end to end, over HTTP only', () => {
  let sys: TestSystem;
  let admin: Api;

  beforeAll(async () => {
    sys = await TestSystem.start({ label: 'flow' });
    admin = await new Api(sys.baseUrl).login('admin', 'admin');
  });

  afterAll(async () => {
    await sys?.stop();
  });

  const zone = (): Promise<Zone> => aZone(admin);

  /** A policy for one category whose response is due `response` after filing (resolution in an hour), handled by the zone's officer. */
  async function quickResponse(z: Zone, category: string, response: string, warnAt: number[]): Promise<void> {
    await admin.ok(
      admin.call('PUT', `/sla/policies/quick-${category}`, {
        match: { category },
        calendarId: 'cn-default',
        response: { duration: response, clock: 'calendar' },
        resolution: { duration: 'PT1H', clock: 'calendar' },
        warnAt,
        escalation: [],
      }),
      [200],
    );
    await admin.ok(admin.call('PATCH', `/users/${z.officerUser.id}`, { categories: ['hiring', category] }), [200]);
  }

  it('files, assigns to the liaison officer, sets deadlines, notifies, and closes on a good rating', async () => {
    const z = await zone();
    const filed = await fileHiring(z.companyApi, 20);
    expect(filed.status).toBe('submitted');
    expect(filed.referenceNo).toMatch(/^QF-\d{4}-\d{6,}$/);

    const assigned = await eventually(async () => {
      const r = await z.companyApi.request(filed.id);
      return r.status === 'assigned' && r.sla ? r : undefined;
    }, 'assignment and SLA deadlines');
    expect(assigned.assignee?.id).toBe(z.officerUser.id);
    expect(new Date(assigned.sla!.responseDueAt!).getTime()).toBeGreaterThan(new Date(filed.createdAt).getTime());
    expect(new Date(assigned.sla!.resolutionDueAt!).getTime()).toBeGreaterThan(new Date(assigned.sla!.responseDueAt!).getTime());

    const note = await eventually(
      async () => (await z.officer.notifications()).items.find((n) => n.requestId === filed.id),
      'the assignment notification',
    );
    expect(note.type).toBe('request.assigned');
    expect(note.referenceNo).toBe(filed.referenceNo);

    expect((await z.officer.ok(z.officer.post<RequestView>(`/requests/${filed.id}/accept`), [200])).status).toBe('in_progress');
    const resolved = await z.officer.ok(
      z.officer.post<RequestView>(`/requests/${filed.id}/resolve`, { resolution: '招聘会招到20人 20 hired at a job fair' }),
      [200],
    );
    expect(resolved.status).toBe('resolved');
    const closed = await z.companyApi.ok(z.companyApi.post<RequestView>(`/requests/${filed.id}/rate`, { rating: 'good' }), [200]);
    expect(closed.status).toBe('closed');

    const timeline = await z.companyApi.timeline(filed.id);
    // Assignment and deadlines are worked out in parallel by two services: either may land first.
    const types = timeline.map((e) => e.type);
    expect([types[0], [types[1], types[2]].sort(), ...types.slice(3)]).toEqual([
      'filed',
      ['assigned', 'sla_set'],
      'accepted',
      'resolved',
      'rated',
    ]);
    expect(timeline.map((e) => e.toStatus).filter(Boolean)).toEqual(['submitted', 'assigned', 'in_progress', 'resolved', 'closed']);
    const seen = timeline.filter((e) => e.type !== 'sla_set').map((e) => new Date(e.at).getTime());
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);

    // The response target was met: once resolved the SLA shows met, never breached.
    const final = await eventually(async () => {
      const r = await z.companyApi.request(filed.id);
      return r.sla?.state === 'met' ? r : undefined;
    }, 'the SLA to be met');
    expect(final.sla?.breached).toBe(false);
  });

  it('alerts the supervisor when the response deadline passes unaccepted', async () => {
    const z = await zone();
    await quickResponse(z, 'other', 'PT2S', [0.5]);
    const filed = await z.companyApi.ok(
      z.companyApi.post<RequestView>('/requests', {
        category: 'other',
        title: '消防通道被堵',
        description: 'blocked fire exit next door',
        details: {},
      }),
      [201],
    );
    const breach = await eventually(
      async () =>
        (await z.supervisor.notifications()).items.find((n: NotificationView) => n.requestId === filed.id && n.type === 'sla.breached'),
      'the breach notification for the supervisor',
      15_000,
    );
    const dueAt = new Date((await z.companyApi.request(filed.id)).sla!.responseDueAt!).getTime();
    // Raised within a second of the deadline (plus the relay hop to notifications).
    expect(new Date(breach.createdAt).getTime() - dueAt).toBeLessThan(1_500);
    expect(new Date(breach.createdAt).getTime()).toBeGreaterThanOrEqual(dueAt);
    // The assignee hears it too, once, and the request shows it.
    const officerBreaches = (await z.officer.notifications()).items.filter((n) => n.requestId === filed.id && n.type === 'sla.breached');
    expect(officerBreaches).toHaveLength(1);
    const r = await eventually(async () => {
      const x = await z.officer.request(filed.id);
      return x.sla?.breached ? x : undefined;
    }, 'the breached flag');
    expect(r.sla?.state).toBe('breached');
    const warning = (await z.officer.notifications()).items.filter((n) => n.requestId === filed.id && n.type === 'sla.warning');
    expect(warning).toHaveLength(1);
    expect((await z.officer.timeline(filed.id)).some((e) => e.type === 'sla_breached')).toBe(true);
  });

  it('names the officer who holds the request when an alert is raised: after a transfer, the new one', async () => {
    const z = await zone();
    await quickResponse(z, 'approval', 'PT8S', []);
    const other = await aUser(admin, { role: 'officer', departmentId: z.dept.id, categories: ['approval'], capacity: 3 });
    const otherApi = await new Api(sys.baseUrl).login(other.username, PASSWORD);
    const filed = await z.companyApi.ok(
      z.companyApi.post<RequestView>('/requests', {
        category: 'approval',
        title: '环评批复',
        description: 'approval pending',
        details: {},
      }),
      [201],
    );
    await eventually(async () => ((await z.officer.request(filed.id)).assignee?.id === z.officerUser.id ? true : undefined), 'assigned');
    await z.officer.ok(
      z.officer.post(`/requests/${filed.id}/transfer`, { toOfficerId: other.id, reason: '审批科负责 approvals desk' }),
      [200],
    );
    await eventually(async () => ((await otherApi.request(filed.id)).status === 'assigned' ? true : undefined), 'the new assignee');

    const breach = await eventually(
      async () =>
        (await otherApi.notifications()).items.find((n: NotificationView) => n.requestId === filed.id && n.type === 'sla.breached'),
      'the breach reaching the officer who holds the request',
      20_000,
    );
    expect(breach.requestId).toBe(filed.id);
    const first = (await z.officer.notifications()).items.filter((n) => n.requestId === filed.id && n.type === 'sla.breached');
    expect(first).toEqual([]);
  });

  it('keeps tenants apart and refuses what a role may not do', async () => {
    const a = await zone();
    const b = await zone();
    const filed = await fileHiring(a.companyApi);
    expect((await b.companyApi.get(`/requests/${filed.id}`)).status).toBe(404);
    expect((await b.companyApi.get(`/requests/${filed.id}/timeline`)).status).toBe(404);
    expect((await b.officer.post(`/requests/${filed.id}/accept`)).status).toBe(404);
    expect((await b.companyApi.get(`/companies/${a.company.id}`)).status).toBe(404);
    const list = await b.companyApi.ok(b.companyApi.get<{ items: RequestView[] }>('/requests'), [200]);
    expect(list.items.some((r) => r.id === filed.id)).toBe(false);
    expect((await a.companyApi.post('/departments', { name: 'x', code: 'x' })).status).toBe(403);
    expect((await a.officer.post('/requests', { category: 'other', title: 't', description: 'd', details: {} })).status).toBe(403);
    expect((await new Api(sys.baseUrl).get('/requests')).status).toBe(401);
    expect((await new Api(sys.baseUrl, 'not-a-token').get('/requests')).status).toBe(401);
  });

  it('answers an illegal move with 409 INVALID_TRANSITION naming the current status', async () => {
    const z = await zone();
    const filed = await fileHiring(z.companyApi);
    await eventually(async () => ((await z.officer.get(`/requests/${filed.id}`)).status === 200 ? true : undefined), 'assignment');
    const res = await z.officer.post<{ code: string; message: string }>(`/requests/${filed.id}/resolve`, { resolution: 'done' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('INVALID_TRANSITION');
    expect(res.body.message).toContain('assigned');
  });

  it('checks the Unified Social Credit Code and names the field', async () => {
    const res = await admin.post<{ code: string; message: string; details: { field: string }[] }>('/companies', {
      name: 'x',
      creditCode: '91350100M000100Y44',
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.message).toContain('check character');
    expect(res.body.details[0]?.field).toBe('creditCode');
  });

  it('validates request details per category and names the nested field', async () => {
    const z = await zone();
    const res = await z.companyApi.post<{ code: string; message: string }>('/requests', {
      category: 'hiring',
      title: 't',
      description: 'd',
      details: { positions: [{ title: 'a', headcount: 20_000 }] },
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('details.positions.0.headcount');
    const unknown = await z.companyApi.post<{ message: string }>('/requests', {
      category: 'other',
      title: 't',
      description: 'd',
      details: {},
      extra: 1,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('extra');
    const malformed = await z.companyApi.call('POST', '/requests', '{"category":');
    expect(malformed.status).toBe(400);
  });
});
