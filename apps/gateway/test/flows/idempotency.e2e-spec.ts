import type { Page, RequestView } from '@qifu/contracts';
import { Api } from '../support/api';
import { aZone, type Zone } from '../support/fixtures';
import { TestSystem } from '../support/system';

jest.setTimeout(60_000);

describe('filing with an Idempotency-Key', () => {
  let sys: TestSystem;
  let z: Zone;

  beforeAll(async () => {
    sys = await TestSystem.start({ label: 'idem' });
    z = await aZone(await new Api(sys.baseUrl).login('admin', 'admin'));
  });

  afterAll(async () => {
    await sys?.stop();
  });

  const body = (title: string) => ({
    category: 'hiring',
    title,
    description: '缺工',
    details: { positions: [{ title: '挡车工', headcount: 20 }] },
  });
  const file = (key: string, title: string) =>
    z.companyApi.post<RequestView & { code?: string; message?: string }>('/requests', body(title), { 'Idempotency-Key': key });
  const total = async () => (await z.companyApi.ok(z.companyApi.get<Page<RequestView>>('/requests'), [200])).total;

  it('replays the first answer for the same key and body, and refuses another body with 409', async () => {
    const before = await total();
    const first = await file('order-1', '急需挡车工');
    const again = await file('order-1', '急需挡车工');
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.referenceNo).toBe(first.body.referenceNo);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const other = await file('order-1', '另一件事');
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('IDEMPOTENCY_CONFLICT');
    expect(other.body.message).toContain('order-1');
    expect(await total()).toBe(before + 1);
  });

  it('files once when the same key and body arrive at the same moment, and refuses the different body among them', async () => {
    const before = await total();
    const same = await Promise.all(Array.from({ length: 8 }, () => file('burst-1', '同时提交')));
    expect(same.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(new Set(same.map((r) => r.body.id)).size).toBe(1);
    const mixed = await Promise.all([file('burst-2', 'A'), file('burst-2', 'B'), file('burst-2', 'A'), file('burst-2', 'B')]);
    const created = mixed.filter((r) => r.status === 201);
    expect(new Set(created.map((r) => r.body.title)).size).toBe(1); // one body won; the other got 409s
    expect(mixed.filter((r) => r.status === 409)).toHaveLength(4 - created.length);
    expect(await total()).toBe(before + 2);
  });

  it('keeps keys per user: another user with the same key files their own request', async () => {
    const other = await aZone(await new Api(sys.baseUrl).login('admin', 'admin'));
    const mine = await file('shared-key', '我的');
    const theirs = await other.companyApi.post<RequestView>('/requests', body('我的'), { 'Idempotency-Key': 'shared-key' });
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
  });

  it('refuses a malformed key', async () => {
    const res = await file('bad key with spaces', 'x');
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('Idempotency-Key');
  });
});
