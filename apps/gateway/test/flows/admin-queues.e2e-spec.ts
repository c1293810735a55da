import { eventually } from '@qifu/testing';
import { Api } from '../support/api';
import { aZone, fileHiring } from '../support/fixtures';
import { TestSystem } from '../support/system';

jest.setTimeout(60_000);

/** API.md "Operations": the queue dashboard at /admin/queues, admin only. */
describe('the queue dashboard', () => {
  let sys: TestSystem;
  let admin: Api;
  let adminToken: string;

  beforeAll(async () => {
    sys = await TestSystem.start({ label: 'queues' });
    const login = await new Api(sys.baseUrl).post<{ accessToken: string }>('/auth/login', { username: 'admin', password: 'admin' });
    adminToken = login.body.accessToken;
    admin = new Api(sys.baseUrl, adminToken);
  });

  afterAll(async () => {
    await sys?.stop();
  });

  const get = (path: string, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${sys.baseUrl}${path}`, { headers, redirect: 'manual' });

  it('refuses anyone but an admin, saying why', async () => {
    const anonymous = await get('/admin/queues');
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringContaining('access_token') });
    expect((await get('/admin/queues', { authorization: 'Bearer forged.token.here' })).status).toBe(401);

    const z = await aZone(admin);
    const officerToken = (
      await new Api(sys.baseUrl).post<{ accessToken: string }>('/auth/login', {
        username: z.officerUser.username,
        password: 'secret-pass-1',
      })
    ).body.accessToken;
    const officer = await get('/admin/queues', { authorization: `Bearer ${officerToken}` });
    expect(officer.status).toBe(403);
    expect(await officer.json()).toMatchObject({ code: 'FORBIDDEN' });
  });

  it("opens for an admin from a link (the token moves into a cookie) and shows every queue's jobs", async () => {
    const z = await aZone(admin);
    await fileHiring(z.companyApi);

    const first = await get(`/admin/queues?access_token=${encodeURIComponent(adminToken)}`);
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe('/admin/queues/');
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/qifu_queues=.*HttpOnly/i);
    const session = { cookie: cookie.split(';')[0]! };

    const page = await get('/admin/queues/', session);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Qifu queues');
    const script = /src="(static\/js\/main[^"]+)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect((await get(`/admin/queues/${script!}`, session)).status).toBe(200);

    const queues = async (): Promise<{ name: string; counts: Record<string, number> }[]> => {
      const api = await get('/admin/queues/api/queues?activeQueue=assignment-inbox&status=completed', session);
      expect(api.status).toBe(200);
      return ((await api.json()) as { queues: { name: string; counts: Record<string, number> }[] }).queues;
    };
    expect((await queues()).map((q) => q.name)).toEqual(
      expect.arrayContaining(['requests-rpc', 'assignment-inbox', 'sla-inbox', 'notifications-inbox', 'sla-alerts']),
    );
    // The filing above reached the assignment service through its inbox: the board shows it done.
    await eventually(async () => {
      const inbox = (await queues()).find((q) => q.name === 'assignment-inbox');
      return (inbox?.counts.completed ?? 0) > 0 ? inbox : undefined;
    }, 'the filed event among the completed jobs of assignment-inbox');
  });
});
