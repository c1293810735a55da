import type { Page, RequestView, TimelineEntryView } from '@qifu/contracts';
import {
  call,
  ENDPOINTS,
  type Endpoint,
  type ErrorBody,
  expectRejected,
  INJECTIONS,
  pathOf,
  RATE_LIMITS_OFF,
  takesBody,
} from '../support/endpoints';
import { buildWorld, snapshot, type World } from '../support/world';
import { TestSystem } from '../support/system';

jest.setTimeout(120_000);

/**
 * Bad input never hurts: malformed, mistyped, oversized, hostile or out-of-range input to any endpoint
 * is a 4xx in the error shape ({statusCode, error, code, message}) and writes nothing. The endpoints
 * are the table in support/endpoints.ts; the attacks below are tables too. Field by field checks are
 * in bad-input-fields.e2e-spec.ts.
 */
const MB = 'x'.repeat(1024 * 1024);

/** Attacks on the body: [label, applies to, body to send, expected status, text the message must contain]. */
type BodyAttack = readonly [string, (e: Endpoint) => boolean, (e: Endpoint, w: World) => unknown, number, string | RegExp];
const dto = (e: Endpoint): boolean => e.body !== undefined;
const firstTextField = (e: Endpoint, w: World): string =>
  Object.entries(e.body!(w)).find(([, v]) => typeof v === 'string')?.[0] ?? 'unexpected';

// prettier-ignore
const BODY_ATTACKS: readonly BodyAttack[] = [
  ['malformed JSON',           takesBody, () => '{"title": "急需挡车工",',                 400, /JSON/],
  ['a JSON string as body',    takesBody, () => '"just a string"',                          400, /JSON/],
  ['null as body',             takesBody, () => 'null',                                     400, /JSON/],
  ['an empty array as body',   takesBody, () => [],                                         400, 'JSON object'],
  ['an array of valid bodies', takesBody, (e, w) => [e.body?.(w) ?? {}],                    400, 'JSON object'],
  ['an unknown field',         dto,       (e, w) => ({ ...e.body!(w), unexpected: 1 }),     400, 'unexpected'],
  ['a 1 MB body',              takesBody, (e, w) => ({ ...e.body?.(w), padding: MB }),      413, /large/],
  ['a NUL in a text field',    dto,       (e, w) => ({ ...e.body!(w), [firstTextField(e, w)]: 'a\u0000b' }), 400, 'NUL'],
];

const BAD_IDS: readonly string[] = [
  'not-a-uuid',
  '-1',
  '0',
  '1.5',
  '99999999999999999999',
  '..%2F..%2Fetc%2Fpasswd',
  '..%2F..%2Fusers',
  ...INJECTIONS.map(encodeURIComponent),
  '00000000-0000-4000-8000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
];

const PAGINATION: readonly string[] = [
  'page=0',
  'page=-1',
  'page=1.5',
  'page=abc',
  'page=1&page=2',
  'pageSize=0',
  'pageSize=101',
  'pageSize=1000',
  'pageSize=abc',
  'pageSize=-5',
];
/** Query parameters that are free text: any string is valid there (and is searched for as text). */
const FREE_TEXT = new Set(['q']);

describe('bad input never hurts', () => {
  let sys: TestSystem;
  let w: World;
  let before: Record<string, unknown>;

  beforeAll(async () => {
    sys = await TestSystem.start({ label: 'badin', env: RATE_LIMITS_OFF });
    w = await buildWorld(sys);
    before = await snapshot(w);
  });

  afterAll(async () => {
    await sys?.stop();
  });

  describe.each(BODY_ATTACKS.map((a) => [a[0], a] as const))('%s', (_label, [, applies, body, status, text]) => {
    it.each(ENDPOINTS.filter(applies).map((e) => [e.name, e] as const))('%s', async (_name, e) => {
      const res = await call(e, w, { body: body(e, w) });
      expectRejected(res, status);
      expect(res.body.message).toMatch(text);
    });
  });

  it.each(ENDPOINTS.filter((e) => e.id && !e.idIsName).map((e) => [e.name, e] as const))(
    '%s: a bad or unknown id is a 404, never a 400 or 500',
    async (_name, e) => {
      const got: Record<string, string> = {};
      for (const id of BAD_IDS) {
        const res = await call(e, w, { id, query: e.query?.(w) });
        got[id] = `${res.status} ${res.body?.code}`;
      }
      expect(got).toEqual(Object.fromEntries(BAD_IDS.map((id) => [id, '404 NOT_FOUND'])));
      expectRejected(await call(e, w, { id: 'a%00b', query: e.query?.(w) }), 400, 'NUL');
    },
  );

  it.each(ENDPOINTS.filter((e) => e.paginated).map((e) => [e.name, e] as const))(
    '%s: out-of-range or mistyped pagination is a 400 naming the parameter',
    async (_name, e) => {
      for (const bad of PAGINATION) {
        const res = await w.api[e.as].call<ErrorBody>('GET', `${pathOf(e, w)}?${bad}`);
        expectRejected(res, 400, bad.split('=')[0]);
      }
      const edge = await w.api[e.as].ok(w.api[e.as].get<Page<unknown>>(`${pathOf(e, w)}?page=1000&pageSize=100`), [200]);
      expect(edge).toMatchObject({ items: [], page: 1000, pageSize: 100 });
    },
  );

  it.each(ENDPOINTS.filter((e) => e.query || e.paginated).map((e) => [e.name, e] as const))(
    '%s: unknown, hostile, huge or NUL query values are 400s naming the parameter (free text stays text)',
    async (_name, e) => {
      const valid = e.query?.(w) ?? {};
      expectRejected(await call(e, w, { query: { ...valid, unexpected: '1' } }), 400, 'unexpected');
      for (const param of Object.keys(valid)) {
        for (const value of [...INJECTIONS, 'x'.repeat(10_000), 'a\u0000b', '']) {
          const res = await call(e, w, { query: { ...valid, [param]: value } });
          if (value === '') {
            expect([param, res.status < 500]).toEqual([param, true]);
          } else if (FREE_TEXT.has(param) && value.length <= 100 && !value.includes('\u0000')) {
            // Searched as text, so it matches nothing here: never "everything".
            expect([param, value, res.status, (res.body as unknown as Page<unknown>).total]).toEqual([param, value, 200, 0]);
          } else {
            expectRejected(res, 400, value.includes('\u0000') ? 'NUL' : param);
          }
        }
      }
    },
  );

  it('GET /requests: odd but well-formed instants and sorts are answered, never a 500', async () => {
    const odd = [
      'from=0001-01-01',
      'from=9999-12-31T23:59:59Z',
      'to=1970-01-01T00:00:00-12:00',
      'from=2026-11-01T00:00:00%2B14:00',
      'sort=id',
      'sort=-createdAt;DROP TABLE requests',
    ];
    for (const q of odd) {
      const res = await w.api.admin.get<ErrorBody>(`/requests?${q}`);
      expect([q, res.status < 500]).toEqual([q, true]);
      if (res.status >= 400) expectRejected(res, res.status, q.split('=')[0]);
    }
  });

  it('refuses a body that is not JSON, or not UTF-8, without creating anything', async () => {
    const body = JSON.stringify(ENDPOINTS.find((e) => e.name === 'POST /requests')!.body!(w));
    const text = await w.api.company.call<ErrorBody>('POST', '/requests', body, { 'content-type': 'text/plain' });
    expectRejected(text, 400, 'category');
    const latin1 = await w.api.company.call<ErrorBody>('POST', '/requests', body, { 'content-type': 'application/json; charset=latin1' });
    expectRejected(latin1, 415);
    const key = await w.api.company.call<ErrorBody>('POST', '/requests', body, { 'idempotency-key': "'; DROP TABLE requests; --\u00e9" });
    expect(key.status).toBeGreaterThanOrEqual(400);
    expect(key.status).toBeLessThan(500);
  });

  it('answers an oversized address with a 4xx from the HTTP server', async () => {
    const res = await w.api.admin.get(`/requests?q=${'x'.repeat(100_000)}`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('changed nothing: every call above was refused', async () => {
    expect(await snapshot(w)).toEqual(before);
  });

  // After the check above: these bodies are otherwise valid, and such keys are accepted today (see bad-input-fields).
  it('pollutes no prototype: __proto__ or constructor.prototype in any body leaves Object.prototype alone', async () => {
    const payloads = ['{"__proto__":{"polluted":"yes"}}', '{"constructor":{"prototype":{"polluted":"yes"}}}'];
    for (const e of ENDPOINTS.filter((x) => x.body)) {
      for (const raw of payloads) {
        const body = JSON.stringify(e.body!(w)).replace(/^\{/, `${raw.slice(0, -1)},`);
        const res = await call(e, w, { body, id: '00000000-0000-4000-8000-000000000000' });
        expect([e.name, res.status < 500]).toEqual([e.name, true]);
      }
    }
    // The gateway runs in this process: its Object.prototype is ours.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });

  describe('hostile text where text is valid is stored and returned verbatim, and does nothing else', () => {
    it.each(INJECTIONS.map((s) => [s]))('%s', async (text) => {
      const { admin, company, officer } = w.api;
      const counts = await snapshot(w);
      const filed = await company.ok(
        company.post<RequestView>('/requests', {
          category: 'other',
          title: text,
          description: `${text} ${text}`,
          details: { subject: text },
        }),
        [201],
      );
      expect(filed).toMatchObject({ title: text, description: `${text} ${text}`, details: { subject: text } });
      expect(await admin.request(filed.id)).toMatchObject({ title: text, details: { subject: text } });

      const found = await admin.ok(admin.get<Page<RequestView>>(`/requests?q=${encodeURIComponent(text)}`), [200]);
      expect(found.items.map((r) => r.id)).toEqual([filed.id]);

      const comment = await officer.ok(officer.post<TimelineEntryView>(`/requests/${w.request.id}/comments`, { body: text }), [201]);
      expect(comment.message).toBe(text);
      expect((await officer.timeline(w.request.id)).at(-1)?.message).toBe(text);

      const dept = await admin.ok(
        admin.post<{ id: string; name: string }>('/departments', { name: text, code: `INJ-${Date.now().toString(36)}` }),
      );
      expect(dept.name).toBe(text);
      const updated = await admin.ok(
        admin.call<{ name: string; address: string }>('PATCH', `/companies/${w.zone.company.id}`, { address: text }),
        [200],
      );
      expect(updated.address).toBe(text);

      // Exactly one request, one comment and one department more; nothing dropped, nothing else touched.
      const after = await snapshot(w);
      expect({
        requests: after.requests,
        timeline: after.timeline,
        departments: after.departments,
        users: after.users,
        companies: after.companies,
      }).toEqual({
        requests: (counts.requests as number) + 1,
        timeline: (counts.timeline as number) + 1,
        departments: (counts.departments as number) + 1,
        users: counts.users,
        companies: counts.companies,
      });
    });
  });
});
