import { jsonResponse } from './render';

export const aRequest = {
  id: 'r1',
  referenceNo: 'QF-2026-000123',
  category: 'hiring',
  title: '缺挡车工 20 名',
  description: '织布车间缺挡车工和辅工',
  priority: 'normal',
  status: 'in_progress',
  details: { positions: [{ title: '挡车工', headcount: 20 }], neededBy: '2026-12-01' },
  companyName: '华锦纺织',
  createdAt: '2026-11-20T01:00:00Z',
  assignee: { id: 'o1', displayName: '李帮办' },
  sla: {
    state: 'running',
    escalationLevel: 1,
    responseDueAt: '2026-11-20T05:00:00Z',
    resolutionDueAt: '2099-11-25T01:00:00Z',
  },
};

const routes: [RegExp, number, unknown][] = [
  [
    /\/requests\/r1\/timeline/,
    200,
    [{ id: 'e1', type: 'request.filed', actor: { id: 'u1', displayName: '张经理' }, at: '2026-11-20T01:00:00Z' }],
  ],
  [/\/requests\/r1$/, 200, aRequest],
  [/\/requests(\?|$)/, 200, { items: [aRequest], total: 1, page: 1, pageSize: 20 }],
  [
    /\/users/,
    200,
    [
      {
        id: 'o1',
        username: 'li',
        displayName: '李帮办',
        role: 'officer',
        capacity: 20,
        available: true,
        categories: ['hiring'],
      },
    ],
  ],
  [/\/departments/, 200, [{ id: 'd1', name: '企业服务科', code: 'QFK' }]],
  [/\/companies/, 404, { statusCode: 404, code: 'NOT_FOUND', message: 'Cannot GET /api/v1/companies' }],
  [/\/officers\/.+\/workload/, 404, { statusCode: 404, code: 'NOT_FOUND', message: 'Not found' }],
  [
    /\/reports\/summary/,
    200,
    {
      filed: 10,
      resolved: 8,
      open: 2,
      breached: 1,
      onTimeResolutionRate: 0.9,
      responseMetRate: 1,
      satisfactionRate: null,
      byCategory: { hiring: 6, financing: 4 },
      byOfficer: [{ officerId: 'o1', displayName: '李帮办', filed: 10, resolved: 8 }],
    },
  ],
  [
    /\/sla\/policies/,
    200,
    [
      {
        name: 'default',
        match: {},
        calendarId: 'cn-default',
        response: { duration: 'PT4H', clock: 'business' },
        resolution: { duration: 'P3D', clock: 'business' },
        warnAt: [0.5, 0.8],
        escalation: [{ after: 'PT1H', notify: 'supervisor' }],
      },
    ],
  ],
  [
    /\/calendars/,
    200,
    [
      {
        id: 'cn-default',
        name: '中国',
        timezone: 'Asia/Shanghai',
        workingHours: [{ weekday: 1, open: '09:00', close: '17:00' }],
        holidays: ['2026-10-01'],
        workdays: ['2026-09-27'],
      },
    ],
  ],
  [/\/webhooks/, 404, { statusCode: 404, code: 'NOT_FOUND', message: 'Not found' }],
  [/\/notifications/, 200, []],
];

/** A fetch that answers like the API would, enough for every page to render. */
export async function fakeApi(input: RequestInfo | URL): Promise<Response> {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const path = url.replace(/^\/api\/v1/, '');
  for (const [re, status, body] of routes) if (re.test(path.split('?')[0] ?? path)) return jsonResponse(status, body);
  return jsonResponse(404, { statusCode: 404, code: 'NOT_FOUND', message: `no fake for ${path}` });
}
