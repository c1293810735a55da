import type { RequestView } from '@qifu/contracts';
import { eventually } from '@qifu/testing';
import { Api } from '../support/api';
import { aDepartment, anAssignedRequest, aUser, aZone, fileHiring, PASSWORD, type Zone } from '../support/fixtures';
import { TestSystem } from '../support/system';

jest.setTimeout(90_000);

/** Every move of API.md beyond accept/resolve/rate, over HTTP only. */
describe('the request lifecycle', () => {
  let sys: TestSystem;
  let admin: Api;

  beforeAll(async () => {
    sys = await TestSystem.start({ label: 'moves' });
    admin = await new Api(sys.baseUrl).login('admin', 'admin');
  });

  afterAll(async () => {
    await sys?.stop();
  });

  const zone = (): Promise<Zone> => aZone(admin);
  const assignedRequest = (z: Zone): Promise<RequestView> => anAssignedRequest(z);

  const post = (api: Api, path: string, body: unknown = {}) => api.ok(api.post<RequestView>(path, body), [200]);

  it('asks for all missing items at once, pauses the clock, and resumes it with the time that was left', async () => {
    const z = await zone();
    const r = await assignedRequest(z);
    await post(z.officer, `/requests/${r.id}/accept`);
    const items = ['营业执照副本 business licence', '岗位说明 job descriptions'];
    expect((await post(z.officer, `/requests/${r.id}/request-info`, { items })).status).toBe('awaiting_company');
    const paused = await eventually(async () => {
      const v = await z.companyApi.request(r.id);
      return v.sla?.state === 'paused' ? v : undefined;
    }, 'the paused clock');
    const note = await eventually(
      async () => (await z.companyApi.notifications()).items.find((n) => n.type === 'request.info_requested'),
      'the company hears what is missing',
    );
    expect(note.requestId).toBe(r.id);
    const asked = (await z.companyApi.timeline(r.id)).find((e) => e.type === 'info_requested');
    expect(asked?.data).toEqual({ items });

    await new Promise((res) => setTimeout(res, 1_100));
    expect((await post(z.companyApi, `/requests/${r.id}/provide-info`, { message: '已上传 uploaded' })).status).toBe('in_progress');
    const resumed = await eventually(async () => {
      const v = await z.companyApi.request(r.id);
      return v.sla?.state === 'running' ? v : undefined;
    }, 'the running clock');
    // The deadline moved later by (at least) the paused time, never earlier.
    expect(new Date(resumed.sla!.resolutionDueAt!).getTime()).toBeGreaterThanOrEqual(new Date(paused.sla!.resolutionDueAt!).getTime());
  });

  it('transfers to a named officer, who gets it and the notification; the first officer no longer sees it', async () => {
    const z = await zone();
    const other = await aUser(admin, { role: 'officer', departmentId: z.dept.id, categories: ['policy'], capacity: 3 });
    const otherApi = await new Api(sys.baseUrl).login(other.username, PASSWORD);
    const r = await assignedRequest(z);
    const moved = await post(z.officer, `/requests/${r.id}/transfer`, {
      toOfficerId: other.id,
      reason: '该企业属于政策科 belongs to policy desk',
    });
    expect(moved.status).toBe('submitted');
    const now = await eventually(async () => {
      const v = await z.companyApi.request(r.id);
      return v.assignee?.id === other.id && v.status === 'assigned' ? v : undefined;
    }, 'the new assignee');
    expect(now.assignee?.displayName).toBe(other.displayName);
    expect((await z.officer.get(`/requests/${r.id}`)).status).toBe(404);
    await eventually(async () => (await otherApi.notifications()).items.find((n) => n.requestId === r.id), 'the new officer is told');
    const transfer = (await z.companyApi.timeline(r.id)).find((e) => e.type === 'transferred');
    expect(transfer?.message).toContain('policy desk');
  });

  it('a transfer to a department with no free capacity waits there, and its officer gets it once a seat frees', async () => {
    const z = await zone();
    const target = await aDepartment(admin);
    const targetSupervisor = await aUser(admin, { role: 'supervisor', departmentId: target.id });
    const busy = await aUser(admin, { role: 'officer', departmentId: target.id, categories: ['hiring'], capacity: 0 });
    const r = await assignedRequest(z);
    await post(z.supervisor, `/requests/${r.id}/transfer`, { toDepartmentId: target.id, reason: '跨部门 cross-department' });
    const supApi = await new Api(sys.baseUrl).login(targetSupervisor.username, PASSWORD);
    await eventually(
      async () => (await supApi.notifications()).items.find((n) => n.type === 'request.unassigned' && n.requestId === r.id),
      'the target supervisors hear it waits',
    );
    expect((await supApi.request(r.id)).status).toBe('submitted');

    await admin.ok(admin.call('PATCH', `/users/${busy.id}`, { capacity: 2 }), [200]);
    const v = await eventually(async () => {
      const got = await z.companyApi.request(r.id);
      return got.assignee?.id === busy.id ? got : undefined;
    }, 'assignment once the seat frees');
    expect(v.status).toBe('assigned');
    expect((await z.officer.get(`/requests/${r.id}`)).status).toBe(404);
  });

  it('lets a supervisor assign a waiting request by hand to a named officer; nobody else may', async () => {
    // Nobody else in this suite handles approvals, so the request waits for this zone's full officer.
    const z = await aZone(admin, { capacity: 0, categories: ['approval'] });
    const helper = await aUser(admin, { role: 'officer', departmentId: z.dept.id, categories: ['policy'], capacity: 3 });
    const r = await z.companyApi.ok(
      z.companyApi.post<RequestView>('/requests', {
        category: 'approval',
        title: '环评审批咨询',
        description: 'which approvals does a new dye line need',
        details: {},
      }),
      [201],
    );
    await eventually(
      async () => (await z.supervisor.notifications()).items.find((n) => n.type === 'request.unassigned' && n.requestId === r.id),
      'the request waits (its only officer is full)',
    );
    const body = { toOfficerId: helper.id, reason: '临时指派 covering for a full colleague' };
    expect((await z.companyApi.post(`/requests/${r.id}/transfer`, body)).status).toBe(403);
    expect((await z.officer.post(`/requests/${r.id}/transfer`, body)).status).toBe(404);

    expect((await post(z.supervisor, `/requests/${r.id}/transfer`, body)).status).toBe('submitted');
    const v = await eventually(async () => {
      const got = await z.companyApi.request(r.id);
      return got.assignee?.id === helper.id ? got : undefined;
    }, 'the named officer to get it');
    expect(v.status).toBe('assigned');
    const timeline = await z.supervisor.timeline(r.id);
    expect(timeline.map((e) => [e.type, e.message])).toEqual(
      expect.arrayContaining([
        ['transferred', body.reason],
        ['assigned', helper.displayName],
      ]),
    );
    // Who did what, by name: the company filed, the supervisor moved it, the system assigned it.
    expect(timeline.find((e) => e.type === 'transferred')?.actor).toEqual({
      id: z.supervisorUser.id,
      role: 'supervisor',
      displayName: z.supervisorUser.displayName,
    });
    expect(timeline.find((e) => e.type === 'filed')?.actor).toMatchObject({ role: 'company', displayName: z.companyUser.displayName });
    expect(timeline.find((e) => e.type === 'assigned')?.actor).toBeNull();
  });

  it('a bad rating goes to the supervisor, who sends it back for rework; the good rating closes it', async () => {
    const z = await zone();
    const r = await assignedRequest(z);
    await post(z.officer, `/requests/${r.id}/accept`);
    await post(z.officer, `/requests/${r.id}/resolve`, { resolution: '已推荐人选 candidates sent' });
    expect((await post(z.companyApi, `/requests/${r.id}/rate`, { rating: 'bad', comment: '没有人来 nobody came' })).status).toBe(
      'under_review',
    );
    await eventually(
      async () => (await z.supervisor.notifications()).items.find((n) => n.type === 'rating.bad'),
      'the supervisor hears of it',
    );
    expect((await z.officer.post(`/requests/${r.id}/review`, { outcome: 'rework', note: 'x' })).status).toBe(403);
    expect((await post(z.supervisor, `/requests/${r.id}/review`, { outcome: 'rework', note: '核实属实，重新办理 verified' })).status).toBe(
      'in_progress',
    );
    await post(z.officer, `/requests/${r.id}/resolve`, { resolution: '招聘会 job fair' });
    expect((await post(z.companyApi, `/requests/${r.id}/rate`, { rating: 'good' })).status).toBe('closed');
    const types = (await z.companyApi.timeline(r.id)).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['rated', 'reviewed', 'resolved']));
  });

  it('lets the company escalate ("nobody is solving this"): level +1 at once, the supervisor alerted', async () => {
    const z = await zone();
    const r = await assignedRequest(z);
    const escalated = await post(z.companyApi, `/requests/${r.id}/escalate`, { reason: '三天没人联系 nobody called in three days' });
    expect(escalated.sla?.escalationLevel).toBe(1);
    const note = await eventually(
      async () => (await z.supervisor.notifications()).items.find((n) => n.type === 'request.escalated'),
      'the supervisor alert',
    );
    expect(note.requestId).toBe(r.id);
    expect((await z.officer.post(`/requests/${r.id}/escalate`, { reason: 'x' })).status).toBe(403);
  });

  it('cancels before resolution and reopens after it; illegal moves are 409s naming the status', async () => {
    const z = await zone();
    const r = await assignedRequest(z);
    expect((await post(z.companyApi, `/requests/${r.id}/cancel`, { reason: '已自行解决 solved ourselves' })).status).toBe('cancelled');
    const again = await z.companyApi.post<{ code: string; message: string }>(`/requests/${r.id}/cancel`, { reason: 'again' });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('cancelled');
    expect((await z.companyApi.post(`/requests/${r.id}/escalate`, { reason: 'x' })).status).toBe(409);

    const s = await assignedRequest(z);
    await post(z.officer, `/requests/${s.id}/accept`);
    await post(z.officer, `/requests/${s.id}/resolve`, { resolution: 'done' });
    expect((await z.companyApi.post(`/requests/${s.id}/cancel`, { reason: 'late' })).status).toBe(409);
    expect((await post(z.companyApi, `/requests/${s.id}/reopen`, { reason: '问题复发 it came back' })).status).toBe('in_progress');
    expect((await post(z.officer, `/requests/${s.id}/resolve`, { resolution: 'fixed again' })).status).toBe('resolved');
  });

  it('names what is wrong in a move body', async () => {
    const z = await zone();
    const r = await assignedRequest(z);
    const empty = await z.officer.post<{ code: string; message: string }>(`/requests/${r.id}/request-info`, { items: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.message).toContain('items');
    const both = await z.officer.post<{ message: string }>(`/requests/${r.id}/transfer`, { reason: 'x' });
    expect(both.status).toBe(400);
    expect(both.body.message).toContain('toOfficerId');
    const nobody = await z.officer.post<{ message: string }>(`/requests/${r.id}/transfer`, {
      toOfficerId: '00000000-0000-4000-8000-000000000000',
      reason: 'x',
    });
    expect(nobody.status).toBe(400);
    const outcome = await z.supervisor.post<{ message: string }>(`/requests/${r.id}/review`, { outcome: 'maybe', note: 'x' });
    expect(outcome.status).toBe(400);
    expect(outcome.body.message).toContain('outcome');
  });

  it('sets a dated plan: the company is told, each milestone is timed like a target and breaches on its date', async () => {
    const z = await zone();
    const r = await assignedRequest(z);
    const soon = new Date(Date.now() + 2_500).toISOString();
    const later = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const early = await z.officer.post<{ message: string }>(`/requests/${r.id}/plan`, {
      milestones: [{ title: '面试', dueAt: later }],
      reason: 'x',
    });
    expect(early.status).toBe(409); // not accepted yet
    await post(z.officer, `/requests/${r.id}/accept`);
    const past = await z.officer.post<{ message: string }>(`/requests/${r.id}/plan`, {
      milestones: [{ title: '面试', dueAt: '2020-01-01T00:00:00Z' }],
      reason: 'x',
    });
    expect(past.status).toBe(400);
    expect(past.body.message).toContain('milestones.0.dueAt');
    const planned = await post(z.officer, `/requests/${r.id}/plan`, {
      milestones: [
        { title: '组织招聘会 job fair', dueAt: soon },
        { title: '岗前培训 training', dueAt: later },
      ],
      reason: '人数较多，需分批招聘 too many to hire at once',
    });
    expect(planned.status).toBe('in_progress');
    await eventually(
      async () => (await z.companyApi.notifications()).items.find((n) => n.type === 'request.plan_set'),
      'the company hears of the plan',
    );
    const breach = await eventually(
      async () => (await z.officer.notifications()).items.find((n) => n.type === 'sla.breached' && n.message.includes('job fair')),
      'the first milestone breaching on its date',
    );
    expect(breach.requestId).toBe(r.id);
    const v = await eventually(async () => {
      const got = await z.companyApi.request(r.id);
      return got.sla?.breached ? got : undefined;
    }, 'the request marked breached');
    expect(v.sla?.state).toBe('breached');
    const entry = (await z.companyApi.timeline(r.id)).find((e) => e.type === 'plan_set');
    expect((entry?.data as { milestones: unknown[] }).milestones).toHaveLength(2);
  });

  it('gives an unavailable officer nothing new and hands their unaccepted cases to someone else; accepted ones stay', async () => {
    // Category "other" is nobody else's in this suite, so only these two officers can take the cases.
    const z = await aZone(admin, { categories: ['other'] });
    const colleague = await aUser(admin, { role: 'officer', departmentId: z.dept.id, categories: ['other'], capacity: 5 });
    const other = { category: 'other', details: {} };
    const accepted = await anAssignedRequest(z, other);
    await post(z.officer, `/requests/${accepted.id}/accept`);
    const waiting = await anAssignedRequest(z, other);
    expect(waiting.assignee?.id).toBe(z.officerUser.id);
    await eventually(async () => (await z.officer.notifications()).items.length >= 2 || undefined, 'both assignments noted');

    await admin.ok(admin.call('PATCH', `/users/${z.officerUser.id}`, { available: false }), [200]);
    const moved = await eventually(async () => {
      const v = await z.companyApi.request(waiting.id);
      return v.assignee?.id === colleague.id ? v : undefined;
    }, 'the unaccepted case handed to the colleague');
    expect(moved.status).toBe('assigned');
    expect((await z.companyApi.request(accepted.id)).assignee?.id).toBe(z.officerUser.id);
    const next = await fileHiring(z.companyApi, 1, other);
    const placed = await eventually(async () => {
      const v = await z.companyApi.request(next.id);
      return v.assignee ? v : undefined;
    }, 'a new request placed');
    expect(placed.assignee?.id).toBe(colleague.id); // the liaison officer is away

    // With nobody else available, a case taken back waits with nobody, and returns when the officer does.
    await admin.ok(admin.call('PATCH', `/users/${z.officerUser.id}`, { available: true }), [200]);
    await admin.ok(admin.call('PATCH', `/users/${colleague.id}`, { available: false }), [200]);
    await admin.ok(admin.call('PATCH', `/users/${z.officerUser.id}`, { available: false }), [200]);
    const parked = await eventually(async () => {
      const v = await z.companyApi.request(next.id);
      return v.status === 'submitted' && !v.assignee ? v : undefined;
    }, 'the case waiting with nobody');
    expect(parked.assignee).toBeNull();
    await admin.ok(admin.call('PATCH', `/users/${z.officerUser.id}`, { available: true }), [200]);
    await eventually(
      async () => ((await z.companyApi.request(next.id)).assignee?.id === z.officerUser.id ? true : undefined),
      'back with the officer',
    );
  });
});
