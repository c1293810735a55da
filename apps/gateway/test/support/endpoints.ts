import type { ApiResponse } from './api';
import { aCreditCode, PASSWORD } from './fixtures';
import type { Caller, World } from './world';

/**
 * Every endpoint that takes input, as data for the bad-input suites: who may call it, a valid id and a
 * valid body or query. A new endpoint is one row. Paths keep `:id`; the suites put good or bad ids in.
 */
export interface Endpoint {
  name: string;
  as: Caller;
  /** A valid value for `:id` (a UUID unless `idIsName`). */
  id?: (w: World) => string;
  /** `:id` is a name or key, not a UUID: any text is a valid one (PUT /sla/policies/:name). */
  idIsName?: boolean;
  body?: (w: World) => Record<string, unknown>;
  /** Valid values for each query parameter. */
  query?: (w: World) => Record<string, string>;
  paginated?: boolean;
}

/** The built-in calendar as shipped (no amendments): a PUT of it is valid and changes nothing. */
export const cnDefaultAsIs = (): Record<string, unknown> => ({
  name: 'China (State Council holidays, Beijing time)',
  timezone: 'Asia/Shanghai',
  workingHours: [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, open: '09:00', close: '12:00' },
    { weekday, open: '13:30', close: '17:30' },
  ]),
  holidays: [],
  workdays: [],
});

const unique = (): string => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export const ENDPOINTS: readonly Endpoint[] = [
  { name: 'POST /auth/login', as: 'anonymous', body: () => ({ username: 'nobody-here', password: 'not-the-password' }) },
  { name: 'POST /departments', as: 'admin', body: () => ({ name: '安全生产科', code: `BI-${unique()}` }) },
  { name: 'GET /departments', as: 'admin', paginated: true },
  {
    name: 'POST /users',
    as: 'admin',
    body: (w) => ({
      username: `bi${unique()}`,
      password: PASSWORD,
      displayName: '李四',
      role: 'officer',
      departmentId: w.zone.dept.id,
      supervisorId: w.zone.supervisorUser.id,
      categories: ['hiring'],
      capacity: 5,
    }),
  },
  { name: 'GET /users', as: 'admin', paginated: true, query: (w) => ({ role: 'officer', departmentId: w.zone.dept.id }) },
  { name: 'GET /users/:id', as: 'admin', id: (w) => w.zone.officerUser.id },
  {
    name: 'PATCH /users/:id',
    as: 'admin',
    id: (w) => w.zone.officerUser.id,
    body: (w) => ({
      displayName: '张三',
      password: PASSWORD,
      departmentId: w.zone.dept.id,
      supervisorId: w.zone.supervisorUser.id,
      categories: ['hiring'],
      capacity: 5,
      available: true,
    }),
  },
  {
    name: 'POST /companies',
    as: 'admin',
    body: (w) => ({
      name: '苏州恒丰纺织有限公司',
      creditCode: aCreditCode(),
      address: '苏州市吴中区',
      contactName: '王经理',
      contactPhone: '0512-6666 8888',
      liaisonOfficerId: w.zone.officerUser.id,
    }),
  },
  { name: 'GET /companies', as: 'admin', paginated: true },
  { name: 'GET /companies/:id', as: 'admin', id: (w) => w.zone.company.id },
  {
    name: 'PATCH /companies/:id',
    as: 'admin',
    id: (w) => w.zone.company.id,
    body: (w) => ({
      name: '恒丰纺织',
      address: '苏州',
      contactName: '王',
      contactPhone: '13800000000',
      liaisonOfficerId: w.zone.officerUser.id,
    }),
  },
  {
    name: 'POST /requests',
    as: 'company',
    body: () => ({
      category: 'hiring',
      title: '急需挡车工',
      description: 'short of loom operators',
      priority: 'normal',
      details: { positions: [{ title: '挡车工', headcount: 5 }] },
    }),
  },
  {
    name: 'GET /requests',
    as: 'admin',
    paginated: true,
    query: (w) => ({
      status: 'assigned',
      category: 'hiring',
      assigneeId: w.zone.officerUser.id,
      breached: 'false',
      escalated: 'false',
      departmentId: w.zone.dept.id,
      from: '2026-01-01',
      to: '2030-01-01T00:00:00+08:00',
      sort: '-dueAt',
      q: '挡车工',
    }),
  },
  { name: 'GET /requests/:id', as: 'officer', id: (w) => w.request.id },
  { name: 'GET /requests/:id/timeline', as: 'officer', id: (w) => w.request.id },
  { name: 'POST /requests/:id/accept', as: 'officer', id: (w) => w.request.id },
  { name: 'POST /requests/:id/comments', as: 'officer', id: (w) => w.request.id, body: () => ({ body: '已电话联系', internal: false }) },
  { name: 'POST /requests/:id/request-info', as: 'officer', id: (w) => w.request.id, body: () => ({ items: ['营业执照副本'] }) },
  { name: 'POST /requests/:id/provide-info', as: 'company', id: (w) => w.request.id, body: () => ({ message: '已上传' }) },
  {
    name: 'POST /requests/:id/transfer',
    as: 'officer',
    id: (w) => w.request.id,
    body: (w) => ({ toDepartmentId: w.zone.dept.id, reason: '转办' }),
  },
  { name: 'POST /requests/:id/resolve', as: 'officer', id: (w) => w.request.id, body: () => ({ resolution: '已解决' }) },
  { name: 'POST /requests/:id/rate', as: 'company', id: (w) => w.request.id, body: () => ({ rating: 'good', comment: '满意' }) },
  { name: 'POST /requests/:id/review', as: 'supervisor', id: (w) => w.request.id, body: () => ({ outcome: 'upheld', note: '核实' }) },
  { name: 'POST /requests/:id/escalate', as: 'company', id: (w) => w.request.id, body: () => ({ reason: '无人处理' }) },
  { name: 'POST /requests/:id/cancel', as: 'company', id: (w) => w.request.id, body: () => ({ reason: '已自行解决' }) },
  { name: 'POST /requests/:id/reopen', as: 'company', id: (w) => w.request.id, body: () => ({ reason: '问题复发' }) },
  {
    name: 'POST /requests/:id/plan',
    as: 'officer',
    id: (w) => w.request.id,
    body: () => ({ milestones: [{ title: '招聘会', dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString() }], reason: '分批招聘' }),
  },
  { name: 'GET /reports/summary', as: 'admin', query: (w) => ({ from: '2026-01-01', to: '2027-01-01', departmentId: w.zone.dept.id }) },
  {
    name: 'GET /reports/requests.csv',
    as: 'admin',
    query: (w) => ({ from: '2026-01-01', to: '2027-01-01', departmentId: w.zone.dept.id }),
  },
  { name: 'GET /officers/:id/workload', as: 'admin', id: (w) => w.zone.officerUser.id },
  { name: 'GET /departments/:id/workload', as: 'admin', id: (w) => w.zone.dept.id },
  {
    name: 'PUT /sla/policies/:name',
    as: 'admin',
    id: () => 'bad-input-policy',
    idIsName: true,
    body: () => ({
      match: { category: 'approval', priority: 'low' },
      calendarId: 'cn-default',
      response: { duration: 'PT8H', clock: 'business' },
      resolution: { duration: 'P5D', clock: 'business' },
      warnAt: [0.5, 0.8],
      escalation: [{ after: 'P1D', notify: 'supervisor' }],
    }),
  },
  {
    name: 'GET /calendars/:id/due',
    as: 'officer',
    id: () => 'cn-default',
    query: () => ({ from: '2025-09-30T10:00:00+08:00', duration: 'P3D', clock: 'business' }),
  },
  { name: 'GET /calendars/:id', as: 'officer', id: () => 'cn-default' },
  {
    name: 'POST /calendars',
    as: 'admin',
    body: () => ({
      name: '夜间窗口 night desk',
      timezone: 'Asia/Shanghai',
      workingHours: [{ weekday: 1, open: '09:00', close: '17:00' }],
      holidays: ['2027-01-01'],
      workdays: [],
    }),
  },
  {
    // The built-in calendar with no amendments: a valid PUT changes nothing.
    name: 'PUT /calendars/:id',
    as: 'admin',
    id: () => 'cn-default',
    body: cnDefaultAsIs,
  },
  { name: 'GET /notifications', as: 'officer', paginated: true, query: () => ({ unread: 'true' }) },
  { name: 'POST /notifications/:id/read', as: 'officer', id: (w) => w.notificationId },
  { name: 'POST /notifications/read-all', as: 'officer' },
  {
    name: 'PUT /notifications/preferences',
    as: 'officer',
    body: () => ({ email: 'li.wei@zone.example.cn', mutedTypes: ['sla.warning'], mutedChannels: [], locale: 'en' }),
  },
  {
    name: 'POST /webhooks',
    as: 'admin',
    body: () => ({ url: 'https://hooks.example.cn/qifu', events: ['sla.breached'], secret: 'bad-input-secret-0123', active: false }),
  },
  { name: 'GET /webhooks', as: 'admin', paginated: true },
  { name: 'PATCH /webhooks/:id', as: 'admin', id: (w) => w.webhookId, body: () => ({ description: '园区企业微信群', active: false }) },
  { name: 'GET /webhooks/:id/deliveries', as: 'admin', id: (w) => w.webhookId, paginated: true, query: () => ({ status: 'dead' }) },
];

export const methodOf = (e: Endpoint): string => e.name.split(' ')[0]!;
export const takesBody = (e: Endpoint): boolean => methodOf(e) !== 'GET';

/** The endpoint's path with `id` (default: its valid one) and query parameters. */
export function pathOf(e: Endpoint, w: World, id?: string, query?: Record<string, string>): string {
  const path = e.name
    .split(' ')[1]!
    .replace(':id', id ?? e.id?.(w) ?? '')
    .replace(':name', id ?? e.id?.(w) ?? '');
  const qs = query ? new URLSearchParams(query).toString() : '';
  return qs ? `${path}?${qs}` : path;
}

export function call(
  e: Endpoint,
  w: World,
  opts: { id?: string; query?: Record<string, string>; body?: unknown } = {},
): Promise<ApiResponse<ErrorBody>> {
  const body = 'body' in opts ? opts.body : takesBody(e) ? (e.body?.(w) ?? {}) : undefined;
  return w.api[e.as].call<ErrorBody>(methodOf(e), pathOf(e, w, opts.id, opts.query), body);
}

export interface ErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  details?: { field: string; message: string }[];
}

/** A 4xx in the error shape, whose message names `field` when given. */
export function expectRejected(res: ApiResponse<ErrorBody>, status: number, field?: string): void {
  const summary = { status: res.status, code: res.body?.code, message: res.body?.message };
  expect(summary).toEqual({ status, code: expect.any(String), message: expect.any(String) });
  expect(res.body.statusCode).toBe(status);
  if (field) expect(res.body.message).toContain(field);
}

/** These suites hammer on purpose: rate limits (API.md's names, and the gateway's current ones) out of the way. */
export const RATE_LIMITS_OFF = {
  RATE_LIMIT_LOGIN_FAILURES: '0',
  RATE_LIMIT_FILINGS_PER_MIN: '0',
  RATE_LIMIT_CALLS_PER_MIN: '0',
  LOGIN_RATE_LIMIT: '1000000',
  FILING_RATE_LIMIT: '1000000',
};
export const INJECTIONS = ["' OR 1=1 --", "'; DROP TABLE requests; --", '<script>alert(1)</script>'] as const;
