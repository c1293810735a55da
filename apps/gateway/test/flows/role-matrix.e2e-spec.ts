import type { NotificationView, Page, RequestStatus, RequestView } from '@qifu/contracts';
import { eventually } from '@qifu/testing';
import { Api } from '../support/api';
import { cnDefaultAsIs, RATE_LIMITS_OFF } from '../support/endpoints';
import { aCompany, aCreditCode, anAssignedRequest, aUser, aZone, PASSWORD, type Zone } from '../support/fixtures';
import { TestSystem } from '../support/system';

jest.setTimeout(120_000);

type Caller = 'anonymous' | 'admin' | 'supervisor' | 'officer' | 'company';
/** One status, or [on the caller's own tenant's resource, on another tenant's]. */
type Expect = number | readonly [own: number, other: number];
type Row = readonly [endpoint: string, state: RequestStatus | null, ...expected: [Expect, Expect, Expect, Expect, Expect]];
const CALLERS: readonly Caller[] = ['anonymous', 'admin', 'supervisor', 'officer', 'company'];

/**
 * The role matrix (API.md): who gets what from each endpoint. Two tenants, A and B, each a department
 * with a supervisor, a liaison officer and a company whose request the officer holds. The callers are
 * A's; "own" is A's resource, "other" B's. A company's tenant is its company, an officer's the
 * requests assigned to them, a supervisor's their department's; admin has none (one value, on A's).
 * 401 no token · 403 the role may not do this · 404 unknown or another tenant's: never 403, which
 * would confirm that it exists. A move is tried on a request in the state it needs (`state`), so an
 * allowed caller succeeds. /notifications/:id: "own" is the caller's notification, "other" B's
 * officer's; admin reads A's officer's.
 */
// prettier-ignore
const MATRIX: readonly Row[] = [
  // endpoint                          state               anonymous admin supervisor   officer      company
  ['POST /auth/login',                 null,               200,      200,  200,         200,         200],
  ['GET /auth/me',                     null,               401,      200,  200,         200,         200],
  ['POST /departments',                null,               401,      201,  403,         403,         403],
  ['GET /departments',                 null,               401,      200,  200,         403,         403],
  ['POST /users',                      null,               401,      201,  403,         403,         403],
  ['GET /users',                       null,               401,      200,  200,         403,         403],
  ['GET /users/:id',                   null,               401,      200,  200,         403,         403],
  ['PATCH /users/:id',                 null,               401,      200,  403,         403,         403],
  ['POST /companies',                  null,               401,      201,  403,         403,         403],
  ['GET /companies',                   null,               401,      200,  200,         403,         403],
  ['GET /companies/:id',               null,               401,      200,  [200, 200],  [200, 200],  [200, 404]],
  ['PATCH /companies/:id',             null,               401,      200,  403,         403,         403],
  ['POST /requests',                   null,               401,      403,  403,         403,         201],
  ['GET /requests',                    null,               401,      200,  200,         200,         200],
  ['GET /requests/:id',                'assigned',         401,      200,  [200, 404],  [200, 404],  [200, 404]],
  ['GET /requests/:id/timeline',       'assigned',         401,      200,  [200, 404],  [200, 404],  [200, 404]],
  ['POST /requests/:id/comments',      'assigned',         401,      201,  [201, 404],  [201, 404],  [201, 404]],
  ['POST /requests/:id/accept',        'assigned',         401,      403,  [403, 404],  [200, 404],  403],
  ['POST /requests/:id/request-info',  'in_progress',      401,      403,  [403, 404],  [200, 404],  403],
  ['POST /requests/:id/provide-info',  'awaiting_company', 401,      403,  403,         403,         [200, 404]],
  ['POST /requests/:id/transfer',      'in_progress',      401,      200,  [200, 404],  [200, 404],  403],
  ['POST /requests/:id/resolve',       'in_progress',      401,      403,  [403, 404],  [200, 404],  403],
  ['POST /requests/:id/rate',          'resolved',         401,      403,  403,         403,         [200, 404]],
  ['POST /requests/:id/review',        'under_review',     401,      200,  [200, 404],  403,         403],
  ['POST /requests/:id/escalate',      'in_progress',      401,      403,  403,         403,         [200, 404]],
  ['POST /requests/:id/cancel',        'assigned',         401,      200,  403,         403,         [200, 404]],
  ['POST /requests/:id/reopen',        'closed',           401,      200,  [200, 404],  403,         [200, 404]],
  ['POST /requests/:id/plan',          'in_progress',      401,      403,  [403, 404],  [200, 404],  403],
  ['GET /reports/summary',             null,               401,      200,  200,         403,         403],
  ['GET /reports/requests.csv',        null,               401,      200,  200,         403,         403],
  ['GET /officers/:id/workload',       null,               401,      200,  [200, 404],  [200, 404],  403],
  ['GET /departments/:id/workload',    null,               401,      200,  [200, 404],  403,         403],
  ['GET /sla/policies',                null,               401,      200,  200,         403,         403],
  ['PUT /sla/policies/:name',          null,               401,      200,  403,         403,         403],
  ['GET /calendars/:id/due',           null,               401,      200,  200,         200,         200],
  ['GET /calendars',                   null,               401,      200,  200,         200,         200],
  ['GET /calendars/:id',               null,               401,      200,  200,         200,         200],
  ['POST /calendars',                  null,               401,      201,  403,         403,         403],
  ['PUT /calendars/:id',               null,               401,      200,  403,         403,         403],
  ['GET /notifications',               null,               401,      200,  200,         200,         200],
  ['POST /notifications/:id/read',     null,               401,      404,  [200, 404],  [200, 404],  [200, 404]],
  ['POST /notifications/read-all',     null,               401,      200,  200,         200,         200],
  ['GET /notifications/preferences',   null,               401,      200,  200,         200,         200],
  ['PUT /notifications/preferences',   null,               401,      200,  200,         200,         200],
  ['POST /webhooks',                   null,               401,      201,  403,         403,         403],
  ['GET /webhooks',                    null,               401,      200,  403,         403,         403],
  ['GET /webhooks/:id',                null,               401,      200,  403,         403,         403],
  ['PATCH /webhooks/:id',              null,               401,      200,  403,         403,         403],
  ['GET /webhooks/:id/deliveries',     null,               401,      200,  403,         403,         403],
];

/** A valid body for each endpoint that takes one. */
const BODIES: Record<string, (w: World, who: Caller) => unknown> = {
  'PUT /notifications/preferences': () => ({ locale: 'en' }),
  'POST /webhooks': () => ({
    url: 'https://hooks.example.cn/matrix',
    events: ['rating.bad'],
    secret: 'matrix-secret-0123456789',
    active: false,
  }),
  'PATCH /webhooks/:id': () => ({ description: 'matrix' }),
  'POST /auth/login': (w, who) => (who === 'anonymous' || who === 'admin' ? { username: 'admin', password: 'admin' } : w.credentials[who]),
  'POST /departments': () => ({ name: '矩阵科', code: `M${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}` }),
  'POST /users': () => ({
    username: `m${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
    password: PASSWORD,
    displayName: 'M',
    role: 'officer',
  }),
  'PATCH /users/:id': () => ({ displayName: 'Officer A' }),
  'POST /companies': (w) => ({ name: '矩阵公司', creditCode: w.creditCode() }),
  'PATCH /companies/:id': () => ({ contactName: '王经理' }),
  'POST /requests': () => ({ category: 'other', title: '矩阵', description: 'role matrix', details: {} }),
  'POST /requests/:id/comments': () => ({ body: '请尽快处理 please hurry' }),
  'POST /requests/:id/request-info': () => ({ items: ['营业执照副本 business licence'] }),
  'POST /requests/:id/provide-info': () => ({ message: '已上传 uploaded' }),
  'POST /requests/:id/transfer': (w) => ({ toDepartmentId: w.a.dept.id, reason: '转办 hand over' }),
  'POST /requests/:id/resolve': () => ({ resolution: '已解决 done' }),
  'POST /requests/:id/rate': () => ({ rating: 'good' }),
  'POST /requests/:id/review': () => ({ outcome: 'upheld', note: '核实 verified' }),
  'POST /requests/:id/escalate': () => ({ reason: '无人处理 nobody is solving this' }),
  'POST /requests/:id/cancel': () => ({ reason: '已自行解决 solved ourselves' }),
  'POST /requests/:id/reopen': () => ({ reason: '问题复发 it came back' }),
  'POST /requests/:id/plan': () => ({
    milestones: [{ title: '组织招聘会 job fair', dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString() }],
    reason: '分批招聘 in stages',
  }),
  'POST /calendars': () => ({
    name: '矩阵日历 matrix hall',
    timezone: 'Asia/Shanghai',
    workingHours: [{ weekday: 1, open: '09:00', close: '17:00' }],
    holidays: [],
    workdays: [],
  }),
  // cn-default without amendments: an allowed PUT changes nothing.
  'PUT /calendars/:id': cnDefaultAsIs,
  'PUT /sla/policies/:name': () => ({
    match: { category: 'policy', priority: 'low' },
    calendarId: 'cn-default',
    response: { duration: 'PT8H', clock: 'business' },
    resolution: { duration: 'P5D', clock: 'business' },
    warnAt: [0.5],
    escalation: [{ after: 'P1D', notify: 'supervisor' }],
  }),
};

interface World {
  a: Zone;
  b: Zone;
  api: Record<Caller, Api>;
  credentials: Record<'supervisor' | 'officer' | 'company', { username: string; password: string }>;
  creditCode: () => string;
  /** B's request: out of every A caller's scope. */
  otherRequest: RequestView;
}

describe('each role × endpoint × other tenant', () => {
  let sys: TestSystem;
  let admin: Api;
  let w: World;

  beforeAll(async () => {
    sys = await TestSystem.start({ label: 'roles', env: RATE_LIMITS_OFF });
    admin = await new Api(sys.baseUrl).login('admin', 'admin');
    const a = await aZone(admin, { capacity: 100 });
    const b = await aZone(admin, { capacity: 100 });
    w = {
      a,
      b,
      api: { anonymous: new Api(sys.baseUrl), admin, supervisor: a.supervisor, officer: a.officer, company: a.companyApi },
      credentials: {
        supervisor: { username: a.supervisorUser.username, password: PASSWORD },
        officer: { username: a.officerUser.username, password: PASSWORD },
        company: { username: a.companyUser.username, password: PASSWORD },
      },
      creditCode: aCreditCode,
      otherRequest: await anAssignedRequest(b),
    };
  });

  afterAll(async () => {
    await sys?.stop();
  });

  const ok = async <T>(api: Api, method: string, path: string, body?: unknown): Promise<T> =>
    api.ok(api.call<T>(method, path, body), [200, 201]);

  /** A fresh request of A's company, moved (by the people allowed to) into `state`. */
  async function requestIn(state: RequestStatus): Promise<RequestView> {
    const r = await anAssignedRequest(w.a);
    const move = (api: Api, action: string, body: unknown = {}) => ok(api, 'POST', `/requests/${r.id}/${action}`, body);
    if (state === 'assigned') return r;
    await move(w.a.officer, 'accept');
    if (state === 'awaiting_company') await move(w.a.officer, 'request-info', BODIES['POST /requests/:id/request-info']!(w, 'officer'));
    if (['resolved', 'under_review', 'closed'].includes(state)) await move(w.a.officer, 'resolve', { resolution: 'done' });
    if (state === 'under_review') await move(w.a.companyApi, 'rate', { rating: 'bad', comment: 'not really' });
    if (state === 'closed') await move(w.a.companyApi, 'rate', { rating: 'good' });
    expect((await w.a.companyApi.request(r.id)).status).toBe(state);
    return r;
  }

  /** Somebody's latest notification (waits for the feed to have one). */
  const latestNotification = (api: Api): Promise<NotificationView> =>
    eventually(async () => (await api.ok(api.get<Page<NotificationView>>('/notifications'), [200])).items[0], 'a notification', 15_000);

  let webhook: Promise<{ id: string }> | undefined;

  async function pathFor(endpoint: string, who: Caller, tenant: 'own' | 'other', request: () => Promise<RequestView>): Promise<string> {
    const path = endpoint.split(' ')[1]!;
    if (path.startsWith('/requests/:id')) return path.replace(':id', (await request()).id);
    if (path.startsWith('/users/:id')) return path.replace(':id', w.a.officerUser.id);
    if (path.startsWith('/companies/:id')) return path.replace(':id', (tenant === 'own' ? w.a : w.b).company.id);
    if (path.startsWith('/officers/:id')) return path.replace(':id', (tenant === 'own' ? w.a : w.b).officerUser.id);
    if (path.startsWith('/departments/:id')) return path.replace(':id', (tenant === 'own' ? w.a : w.b).dept.id);
    if (path.startsWith('/sla/policies/:name')) return path.replace(':name', 'matrix-low-policy');
    if (path.startsWith('/calendars/:id/due')) return '/calendars/cn-default/due?from=2025-09-30T10:00:00%2B08:00&duration=PT4H';
    if (path.startsWith('/calendars/:id')) return path.replace(':id', 'cn-default');
    if (path.startsWith('/webhooks/:id')) {
      webhook ??= ok<{ id: string }>(w.api.admin, 'POST', '/webhooks', BODIES['POST /webhooks']!(w, 'admin'));
      return path.replace(':id', (await webhook).id);
    }
    if (path.startsWith('/notifications/:id')) {
      const owner = who === 'admin' || who === 'anonymous' ? w.a.officer : tenant === 'other' ? w.b.officer : w.api[who];
      return path.replace(':id', (await latestNotification(owner)).id);
    }
    return path;
  }

  it.each(MATRIX.map((row) => [row[0], row] as const))('%s', async (endpoint, row) => {
    const [, state, ...expected] = row;
    const method = endpoint.split(' ')[0]!;
    let shared: Promise<RequestView> | undefined;
    const want: Record<string, number> = {};
    const got: Record<string, number> = {};
    for (const [i, who] of CALLERS.entries()) {
      const exp = expected[i]!;
      const cells =
        typeof exp === 'number'
          ? ([['', exp]] as const)
          : ([
              ['own', exp[0]],
              ['other', exp[1]],
            ] as const);
      for (const [tenant, status] of cells) {
        const key = tenant ? `${who} (${tenant})` : who;
        // A successful move changes its request, so it gets one of its own; other calls share one.
        const moves = state !== null && status < 300 && method === 'POST' && !endpoint.endsWith('/comments');
        const request = (): Promise<RequestView> =>
          tenant === 'other' ? Promise.resolve(w.otherRequest) : moves ? requestIn(state) : (shared ??= requestIn(state ?? 'assigned'));
        const path = await pathFor(endpoint, who, tenant === 'other' ? 'other' : 'own', request);
        const res = await w.api[who].call<{ code?: string }>(method, path, BODIES[endpoint]?.(w, who));
        want[key] = status;
        got[key] = res.status;
        if (status >= 400) expect(typeof res.body?.code).toBe('string');
      }
    }
    expect(got).toEqual(want);
  });

  const latestOrNone = async (api: Api): Promise<NotificationView[]> =>
    (await api.ok(api.get<Page<NotificationView>>('/notifications?pageSize=100'), [200])).items;

  it('scopes lists: a company its company, an officer their own cases, a supervisor their department', async () => {
    const ownRequest = await anAssignedRequest(w.a);
    const list = async (api: Api, query = '') => (await api.ok(api.get<Page<RequestView>>(`/requests?pageSize=100${query}`), [200])).items;
    const ids = (items: RequestView[]) => items.map((r) => r.id);

    const company = await list(w.a.companyApi);
    expect(ids(company)).toContain(ownRequest.id);
    expect(ids(company)).not.toContain(w.otherRequest.id);
    expect(company.every((r) => r.companyId === w.a.company.id)).toBe(true);

    const officer = await list(w.a.officer);
    expect(ids(officer)).toContain(ownRequest.id);
    expect(officer.every((r) => r.assignee?.id === w.a.officerUser.id)).toBe(true);

    const supervisor = await list(w.a.supervisor);
    expect(ids(supervisor)).toContain(ownRequest.id);
    expect(ids(supervisor)).not.toContain(w.otherRequest.id);
    expect(supervisor.every((r) => r.departmentId === w.a.dept.id)).toBe(true);

    expect(ids(await list(admin))).toEqual(expect.arrayContaining([ownRequest.id, w.otherRequest.id]));

    // Each company's request went to its own liaison officer.
    expect(w.otherRequest.assignee?.id).toBe(w.b.officerUser.id);
    expect(ownRequest.assignee?.id).toBe(w.a.officerUser.id);

    // Filters narrow a scope, never widen it.
    for (const api of [w.a.companyApi, w.a.officer, w.a.supervisor]) expect(await list(api, `&departmentId=${w.b.dept.id}`)).toEqual([]);
    expect(await list(w.a.companyApi, `&assigneeId=${w.b.officerUser.id}`)).toEqual([]);
    expect(await list(w.a.supervisor, `&assigneeId=${w.b.officerUser.id}`)).toEqual([]);
    expect(await list(w.a.companyApi, `&q=${w.otherRequest.referenceNo}`)).toEqual([]);
    expect(ids(await list(admin, `&q=${w.otherRequest.referenceNo}`))).toEqual([w.otherRequest.id]);
  });

  it('shows an officer only the cases assigned to them, even in their own department', async () => {
    const peerUser = await aUser(admin, {
      role: 'officer',
      departmentId: w.a.dept.id,
      supervisorId: w.a.supervisorUser.id,
      categories: [],
    });
    const peer = await new Api(sys.baseUrl).login(peerUser.username, PASSWORD);
    const r = await anAssignedRequest(w.a);
    // (A new officer may pick up requests waiting in the department: those are then theirs.)
    const seen = (await peer.ok(peer.get<Page<RequestView>>('/requests?pageSize=100'), [200])).items;
    expect(seen.map((x) => x.id)).not.toContain(r.id);
    expect(seen.every((x) => x.assignee?.id === peerUser.id)).toBe(true);
    for (const path of [`/requests/${r.id}`, `/requests/${r.id}/timeline`]) expect((await peer.get(path)).status).toBe(404);
    expect((await peer.post(`/requests/${r.id}/accept`)).status).toBe(404);
    expect((await peer.post(`/requests/${r.id}/comments`, { body: 'x' })).status).toBe(404);
  });

  it('a company user of a company without requests sees none, and never another company', async () => {
    const lonely = await aCompany(admin);
    const user = await aUser(admin, { role: 'company', companyId: lonely.id });
    const api = await new Api(sys.baseUrl).login(user.username, PASSWORD);
    expect(await api.ok(api.get<Page<RequestView>>('/requests'), [200])).toMatchObject({ items: [], total: 0 });
    expect((await api.get(`/companies/${w.a.company.id}`)).status).toBe(404);
    expect((await api.get(`/companies/${lonely.id}`)).status).toBe(200);
  });

  it('keeps internal comments out of the company timeline', async () => {
    const r = await anAssignedRequest(w.a);
    const secret = '内部备注：该企业社保欠缴 internal: arrears on social insurance';
    await ok(w.a.officer, 'POST', `/requests/${r.id}/comments`, { body: secret, internal: true });
    await ok(w.a.companyApi, 'POST', `/requests/${r.id}/comments`, { body: '公开留言 public note' });
    const messages = async (api: Api) => (await api.timeline(r.id)).map((e) => e.message);

    expect(await messages(w.a.companyApi)).not.toContain(secret);
    expect(await messages(w.a.companyApi)).toContain('公开留言 public note');
    for (const staff of [w.a.officer, w.a.supervisor, admin]) expect(await messages(staff)).toContain(secret);
    expect(JSON.stringify(await w.a.companyApi.request(r.id))).not.toContain('社保欠缴');
    expect(JSON.stringify(await latestOrNone(w.a.companyApi))).not.toContain('社保欠缴');
    // A company cannot post one.
    const res = await w.a.companyApi.post<{ code: string }>(`/requests/${r.id}/comments`, { body: 'x', internal: true });
    expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN']);
  });

  it('answers 401 to a forged, malformed or foreign token on every tenant-scoped read', async () => {
    const forged = `${(await w.a.officer.ok(w.a.officer.post<{ accessToken: string }>('/auth/login', w.credentials.officer), [200])).accessToken}x`;
    for (const token of [forged, 'not-a-token', 'Bearer', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZSI6ImFkbWluIn0.']) {
      const api = new Api(sys.baseUrl, token);
      for (const path of ['/requests', `/requests/${w.otherRequest.id}`, '/notifications', '/users']) {
        const res = await api.get<{ code: string }>(path);
        expect([path, res.status, res.body.code]).toEqual([path, 401, 'UNAUTHORIZED']);
      }
    }
  });
});
