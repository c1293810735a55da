import { anAssignedRequest } from '../support/fixtures';
import { call, ENDPOINTS, type Endpoint, type ErrorBody, expectRejected, pathOf, RATE_LIMITS_OFF } from '../support/endpoints';
import { buildWorld, snapshot, type World } from '../support/world';
import { TestSystem } from '../support/system';

jest.setTimeout(120_000);

/**
 * Bad input never hurts, field by field: every top-level field of every body with a value of the wrong
 * type, every text field with 10 000 characters, and the nested and semantic cases each endpoint knows
 * (EXTRA), are 400s whose message names the field; and none of them writes anything. The bugs it found
 * (now fixed) are at the end, kept so they stay fixed.
 */
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
/** Stands in for the world in test names: ids show as <officer> etc. */
const PLACEHOLDERS = {
  zone: {
    officerUser: { id: '<officer>' },
    company: { id: '<company>' },
    companyUser: { id: '<company user>' },
    supervisorUser: { id: '<supervisor>' },
  },
} as unknown as World;
const endpoint = (name: string): Endpoint => ENDPOINTS.find((e) => e.name === name)!;

function wrongType(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return 'twelve';
  if (typeof value === 'boolean') return 'yes';
  return Array.isArray(value) ? 'not-an-array' : 'not-an-object';
}

/** [endpoint, field, a bad value for it]: generated from each endpoint's valid body. */
function generated(w: World): [string, string, unknown][] {
  return ENDPOINTS.filter((e) => e.body).flatMap((e) =>
    Object.entries(e.body!(w)).flatMap(([field, value]): [string, string, unknown][] => [
      [e.name, field, wrongType(value)],
      ...(typeof value === 'string' ? [[e.name, field, 'x'.repeat(10_000)] as [string, string, unknown]] : []),
    ]),
  );
}

type Extra = readonly [endpoint: string, change: (w: World) => Record<string, unknown>, status: number, field: string];
const hiring = (details: unknown) => () => ({ details });
const as = (category: string, details: unknown) => () => ({ category, details });
const policy = (change: Record<string, unknown>) => () => change;

/** Endpoint-specific cases: each changes the valid body and names the field the answer must name. */
// prettier-ignore
const EXTRA: readonly Extra[] = [
  ['POST /auth/login',                 () => ({ username: '' }),                                   400, 'username'],
  ['POST /auth/login',                 () => ({ username: ['admin'] }),                            400, 'username'],
  ['POST /auth/login',                 () => ({ username: "admin' --", password: "' OR 1=1 --" }), 401, 'wrong username or password'],
  ['POST /departments',                () => ({ code: "'; DROP TABLE requests; --" }),             400, 'code'],
  ['POST /departments',                () => ({ code: 'x'.repeat(33) }),                           400, 'code'],
  ['POST /users',                      () => ({ capacity: 1.5 }),                                  400, 'capacity'],
  ['POST /users',                      () => ({ capacity: -1 }),                                   400, 'capacity'],
  ['POST /users',                      () => ({ role: 'root' }),                                   400, 'role'],
  ['POST /users',                      () => ({ username: "' OR 1=1 --" }),                        400, 'username'],
  ['POST /users',                      () => ({ password: 'short' }),                              400, 'password'],
  ['POST /users',                      () => ({ categories: ['hiring', 'hiring'] }),               400, 'categories'],
  ['POST /users',                      () => ({ categories: ['<script>alert(1)</script>'] }),      400, 'categories'],
  ['POST /users',                      (w) => ({ supervisorId: w.zone.officerUser.id }),           400, 'supervisorId'],
  ['POST /users',                      () => ({ role: 'company', companyId: UNKNOWN }),            400, 'companyId'],
  ['PATCH /users/:id',                 () => ({ role: 'admin' }),                                  400, 'role'],
  ['PATCH /users/:id',                 (w) => ({ companyId: w.zone.company.id }),                  400, 'companyId'],
  ['POST /companies',                  () => ({ creditCode: '91350100M000100Y44' }),               400, 'check character'],
  ['POST /companies',                  () => ({ creditCode: "' OR 1=1 --" }),                      400, 'creditCode'],
  ['POST /companies',                  () => ({ contactPhone: '<script>alert(1)</script>' }),      400, 'contactPhone'],
  ['POST /companies',                  () => ({ liaisonOfficerId: UNKNOWN }),                      400, 'liaisonOfficerId'],
  ['POST /companies',                  (w) => ({ liaisonOfficerId: w.zone.companyUser.id }),       400, 'liaisonOfficerId'],
  ['PATCH /companies/:id',             () => ({ creditCode: 'x' }),                                400, 'creditCode'],
  ['PATCH /companies/:id',             () => ({ name: '' }),                                       400, 'name'],
  ['PATCH /companies/:id',             (w) => ({ liaisonOfficerId: w.zone.supervisorUser.id }),    400, 'liaisonOfficerId'],
  ['POST /requests',                   () => ({ category: { $ne: 1 } }),                           400, 'category'],
  ['POST /requests',                   () => ({ companyId: UNKNOWN }),                             400, 'companyId'],
  ['POST /requests',                   () => ({ status: 'closed' }),                               400, 'status'],
  ['POST /requests',                   () => ({ priority: 'critical' }),                           400, 'priority'],
  ['POST /requests',                   hiring({ positions: [] }),                                  400, 'details.positions'],
  ['POST /requests',                   hiring({ positions: Array(51).fill({ title: 'a', headcount: 1 }) }), 400, 'details.positions'],
  ['POST /requests',                   hiring({ positions: [null] }),                              400, 'details.positions.0'],
  ['POST /requests',                   hiring({ positions: [{ title: 'a', headcount: 0 }] }),      400, 'details.positions.0.headcount'],
  ['POST /requests',                   hiring({ positions: [{ title: 'a', headcount: '5' }] }),    400, 'details.positions.0.headcount'],
  ['POST /requests',                   hiring({ positions: [{ title: 'x'.repeat(10_000), headcount: 5 }] }), 400, 'details.positions.0.title'],
  ['POST /requests',                   hiring({ positions: [{ title: 'a', headcount: 5 }], neededBy: '2026-02-30' }), 400, 'details.neededBy'],
  ['POST /requests',                   as('financing', { amountCny: 0, purpose: 'p' }),           400, 'details.amountCny'],
  ['POST /requests',                   as('financing', { amountCny: '5', purpose: 'p' }),         400, 'details.amountCny'],
  ['POST /requests',                   as('financing', { amountCny: 5, purpose: 'p', termMonths: 361 }), 400, 'details.termMonths'],
  ['POST /requests',                   as('safety_hazard', { location: 'x', hazardType: 'flood', severity: 'low', immediateDanger: false }), 400, 'details.hazardType'],
  ['POST /requests',                   as('safety_hazard', { location: 'x', hazardType: 'fire', severity: 'low', immediateDanger: 'false' }), 400, 'details.immediateDanger'],
  ['POST /requests',                   as('other', { subject: 'x'.repeat(10_000) }),             400, 'details.subject'],
  ['POST /requests',                   as('other', { unexpected: "' OR 1=1 --" }),               400, 'details.unexpected'],
  ['POST /requests/:id/comments',      () => ({ internal: 'true' }),                               400, 'internal'],
  ['POST /requests/:id/comments',      () => ({ body: '' }),                                       400, 'body'],
  ['POST /requests/:id/request-info',  () => ({ items: [] }),                                      400, 'items'],
  ['POST /requests/:id/request-info',  () => ({ items: [1] }),                                     400, 'items'],
  ['POST /requests/:id/request-info',  () => ({ items: ['x'.repeat(10_000)] }),                    400, 'items'],
  ['POST /requests/:id/request-info',  () => ({ items: Array(51).fill('x') }),                     400, 'items'],
  ['POST /requests/:id/transfer',      () => ({ toDepartmentId: 'x' }),                            400, 'toDepartmentId'],
  ['POST /requests/:id/transfer',      (w) => ({ toOfficerId: w.zone.officerUser.id }),            400, 'toDepartmentId and toOfficerId'],
  ['POST /requests/:id/transfer',      () => ({ toDepartmentId: undefined }),                      400, 'toDepartmentId and toOfficerId'],
  ['POST /requests/:id/transfer',      (w) => ({ toDepartmentId: undefined, toOfficerId: w.zone.companyUser.id }), 400, 'toOfficerId'],
  ['POST /requests/:id/transfer',      () => ({ toDepartmentId: undefined, toOfficerId: UNKNOWN }), 400, 'toOfficerId'],
  ['POST /requests/:id/rate',          () => ({ rating: 'excellent' }),                            400, 'rating'],
  ['POST /requests/:id/rate',          () => ({ comment: 'x'.repeat(2_001) }),                     400, 'comment'],
  ['POST /requests/:id/review',        () => ({ outcome: "' OR 1=1 --" }),                         400, 'outcome'],
  ['POST /requests/:id/cancel',        () => ({ reason: '' }),                                     400, 'reason'],
  ['PUT /sla/policies/:name',          policy({ match: { category: 'nope' } }),                    400, 'match.category'],
  ['PUT /sla/policies/:name',          policy({ match: { unexpected: 1 } }),                       400, 'match.unexpected'],
  ['PUT /sla/policies/:name',          policy({ response: { duration: 'PT4H', clock: 'wall' } }),  400, 'response.clock'],
  ['PUT /sla/policies/:name',          policy({ response: { duration: '4 hours', clock: 'business' } }), 400, 'response.duration'],
  ['PUT /sla/policies/:name',          policy({ response: { duration: 'P1Y', clock: 'business' } }), 400, 'response.duration'],
  ['PUT /sla/policies/:name',          policy({ response: { duration: 'PT0S', clock: 'business' } }), 400, 'response.duration'],
  ['PUT /sla/policies/:name',          policy({ resolution: { duration: 'P99999D', clock: 'calendar' } }), 400, 'resolution.duration'],
  ['PUT /sla/policies/:name',          policy({ warnAt: [0] }),                                    400, 'warnAt'],
  ['PUT /sla/policies/:name',          policy({ warnAt: [1.5] }),                                  400, 'warnAt'],
  ['PUT /sla/policies/:name',          policy({ warnAt: ['half'] }),                               400, 'warnAt'],
  ['PUT /sla/policies/:name',          policy({ escalation: [{ after: 'P1D', notify: 'ceo' }] }),  400, 'escalation.0.notify'],
  ['PUT /sla/policies/:name',          policy({ escalation: [{ after: 'soon', notify: 'admin' }] }), 400, 'escalation.0.after'],
  ['PUT /sla/policies/:name',          policy({ escalation: [null] }),                             400, 'escalation.0'],
];

/**
 * References to things that do not exist: refused (400) with `details` naming the field, but the
 * message names the thing ("department … does not exist"), not the field: see the documented bugs.
 */
// prettier-ignore
const MESSAGE_GAPS: readonly (readonly [string, (w: World) => Record<string, unknown>, string])[] = [
  ['POST /users',             () => ({ departmentId: UNKNOWN }),       'departmentId'],
  ['POST /users',             () => ({ supervisorId: UNKNOWN }),       'supervisorId'],
  ['PATCH /users/:id',        () => ({ departmentId: UNKNOWN }),       'departmentId'],
  ['PATCH /users/:id',        () => ({ supervisorId: UNKNOWN }),       'supervisorId'],
  ['PUT /sla/policies/:name', () => ({ calendarId: "' OR 1=1 --" }),   'calendarId'],
];
const gapLabel = (x: (typeof MESSAGE_GAPS)[number]): string => `${x[0]} ${JSON.stringify(x[1](PLACEHOLDERS))}`;

/** Query cases: [endpoint, changed parameters (undefined removes one), the parameter the answer names]. */
// prettier-ignore
const EXTRA_QUERIES: readonly (readonly [string, Record<string, string | undefined>, string])[] = [
  ['GET /calendars/:id/due', { from: '2025-02-30T10:00:00Z' },          'from'],
  ['GET /calendars/:id/due', { from: undefined },                       'from'],
  ['GET /calendars/:id/due', { duration: 'P1W', clock: 'business' },   'duration'],
  ['GET /calendars/:id/due', { duration: 'P1Y' },                       'duration'],
  ['GET /calendars/:id/due', { duration: 'PT0S' },                      'duration'],
  ['GET /calendars/:id/due', { duration: 'P99999D' },                   'duration'],
  ['GET /calendars/:id/due', { duration: '-P1D' },                      'duration'],
  ['GET /calendars/:id/due', { clock: 'wall' },                         'clock'],
  ['GET /requests',          { from: '2026-13-01' },                    'from'],
  ['GET /requests',          { to: 'yesterday' },                       'to'],
  ['GET /requests',          { breached: 'maybe' },                     'breached'],
  ['GET /users',             { role: 'root' },                          'role'],
];

describe('bad input never hurts, field by field', () => {
  let sys: TestSystem;
  let w: World;
  let before: Record<string, unknown>;

  beforeAll(async () => {
    sys = await TestSystem.start({ label: 'badfld', env: RATE_LIMITS_OFF });
    w = await buildWorld(sys);
    before = await snapshot(w);
  });

  afterAll(async () => {
    await sys?.stop();
  });

  it('a wrong type in any field, or 10 000 characters in any text field, is a 400 naming the field', async () => {
    const wrong: string[] = [];
    for (const [name, field, value] of generated(w)) {
      const e = endpoint(name);
      const res = await call(e, w, { body: { ...e.body!(w), [field]: value } });
      const label = `${name} ${field}=${typeof value === 'string' ? `"${value.slice(0, 12)}…"` : JSON.stringify(value)}`;
      if (res.status !== 400 || typeof res.body?.code !== 'string' || !res.body.message?.includes(field)) {
        wrong.push(`${label} → ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it.each(EXTRA.map((x) => [`${x[0]} ${JSON.stringify(x[1](PLACEHOLDERS)).slice(0, 80)}`, x] as const))(
    '%s',
    async (_label, [name, change, status, field]) => {
      const e = endpoint(name);
      const res = await call(e, w, { body: { ...e.body!(w), ...change(w) } });
      expectRejected(res, status, field);
    },
  );

  it.each(EXTRA_QUERIES.map((x) => [`${x[0]} ${JSON.stringify(x[1])}`, x] as const))('%s', async (_label, [name, change, field]) => {
    const e = endpoint(name);
    const query = Object.fromEntries(
      Object.entries({ ...e.query!(w), ...change }).filter((kv): kv is [string, string] => kv[1] !== undefined),
    );
    expectRejected(await call(e, w, { query }), 400, field);
  });

  it.each(MESSAGE_GAPS.map((x) => [gapLabel(x), x] as const))(
    '%s is a 400 whose details name the field',
    async (_label, [name, change, field]) => {
      const e = endpoint(name);
      const res = await call(e, w, { body: { ...e.body!(w), ...change(w) } });
      expectRejected(res, 400);
      expect(res.body.details?.map((d) => d.field)).toContain(field);
    },
  );

  it('refuses nesting so deep it would overflow the stack, and 20 000 positions (413)', async () => {
    const deep = `{"category":"hiring","title":"t","description":"d","details":{"positions":${'['.repeat(5_000)}${']'.repeat(5_000)}}}`;
    expectRejected(await w.api.company.call<ErrorBody>('POST', '/requests', deep), 400);
    const many = {
      category: 'hiring',
      title: 't',
      description: 'd',
      details: { positions: Array(20_000).fill({ title: '挡车工', headcount: 1 }) },
    };
    expectRejected(await w.api.company.call<ErrorBody>('POST', '/requests', many), 413);
  });

  it('changed nothing: every call above was refused', async () => {
    expect(await snapshot(w)).toEqual(before);
  });

  /** Bugs this suite found, each kept as a case so it stays fixed. */
  describe('bugs found and fixed', () => {
    it.each(MESSAGE_GAPS.map((x) => [gapLabel(x), x] as const))(
      '%s: the message names the field, not only details',
      async (_label, [name, change, field]) => {
        const e = endpoint(name);
        expectRejected(await call(e, w, { body: { ...e.body!(w), ...change(w) } }), 400, field);
      },
    );

    it.each(ENDPOINTS.filter((e) => e.paginated).map((e) => [e.name, e] as const))(
      '%s?page=1e20 is a 400 naming page',
      async (_name, e) => {
        expectRejected(await w.api[e.as].call<ErrorBody>('GET', `${pathOf(e, w)}?page=1e20`), 400, 'page');
      },
    );

    it('POST /requests/:id/transfer to an unknown department is a 400 naming toDepartmentId', async () => {
      const assigned = await anAssignedRequest(w.zone);
      const res = await w.api.officer.post<ErrorBody>(`/requests/${assigned.id}/transfer`, { toDepartmentId: UNKNOWN, reason: '转办' });
      expectRejected(res, 400, 'toDepartmentId');
    });

    it('PUT /sla/policies/<10 000 characters> is a 400 naming name', async () => {
      const e = endpoint('PUT /sla/policies/:name');
      expectRejected(await call(e, w, { id: 'p'.repeat(10_000) }), 400, 'name');
    });

    it('PUT /sla/policies with weeks on the business clock is a 400 naming resolution.duration', async () => {
      const e = endpoint('PUT /sla/policies/:name');
      const res = await call(e, w, {
        id: 'weekly-business',
        body: { ...e.body!(w), resolution: { duration: 'P1W', clock: 'business' } },
      });
      expectRejected(res, 400, 'resolution.duration');
    });

    it.each(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'])(
      'an unknown body field named %s is a 400 like any other',
      async (key) => {
        const res = await w.api.admin.call<ErrorBody>('PATCH', `/users/${w.zone.officerUser.id}`, `{"${key}":{"polluted":true}}`);
        expectRejected(res, 400, key);
      },
    );

    it.each(['__proto__', 'constructor', 'toString'])('an unknown query parameter named %s is a 400', async (key) => {
      expectRejected(await w.api.admin.call<ErrorBody>('GET', `/requests?${key}=1`), 400, key);
    });

    it.each(['POST /requests/:id/accept', 'POST /notifications/:id/read'])('%s with an unknown JSON field is a 400', async (name) => {
      expectRejected(await call(endpoint(name), w, { id: UNKNOWN, body: { unexpected: 1 } }), 400, 'unexpected');
    });
  });
});
