import type { Page, RequestView } from '@qifu/contracts';
import { eventually } from '@qifu/testing';
import { Api } from '../support/api';
import { aCompany, aDepartment, aUser, fileHiring, PASSWORD } from '../support/fixtures';
import { TestSystem } from '../support/system';

jest.setTimeout(60_000);

describe('GET /requests: filters, search and sorting', () => {
  let sys: TestSystem;
  let companyApi: Api;
  let admin: Api;
  let companyId: string;
  let filed: RequestView[];

  beforeAll(async () => {
    sys = await TestSystem.start({ label: 'lists' });
    admin = await new Api(sys.baseUrl).login('admin', 'admin');
    const dept = await aDepartment(admin);
    const officer = await aUser(admin, { role: 'officer', departmentId: dept.id, categories: ['hiring', 'financing'], capacity: 10 });
    const company = await aCompany(admin, { liaisonOfficerId: officer.id });
    companyId = company.id;
    companyApi = await new Api(sys.baseUrl).login((await aUser(admin, { role: 'company', companyId: company.id })).username, PASSWORD);
    filed = [
      await fileHiring(companyApi, 5, { title: '急需挡车工五名', priority: 'normal' }),
      await fileHiring(companyApi, 8, { title: '招聘电工 electricians', priority: 'urgent' }),
      await fileHiring(companyApi, 2, { title: '仓库管理员 warehouse keeper', priority: 'low' }),
    ];
    await eventually(async () => {
      const page = await list('');
      return page.items.every((r) => r.sla) ? true : undefined;
    }, 'deadlines on every request');
  });

  afterAll(async () => {
    await sys?.stop();
  });

  const list = (query: string) => companyApi.ok(companyApi.get<Page<RequestView>>(`/requests?${query}`), [200]);

  it('finds Chinese text anywhere in the title', async () => {
    const hits = await list(`q=${encodeURIComponent('挡车工')}`);
    expect(hits.items.map((r) => r.id)).toEqual([filed[0]!.id]);
    expect((await list(`q=${encodeURIComponent('电工')}`)).items.map((r) => r.id)).toEqual([filed[1]!.id]);
    expect((await list('q=%25')).total).toBe(0); // a literal %, not a wildcard
  });

  it('sorts by deadline, nearest first (urgent requests have the nearest)', async () => {
    const byDue = await list('sort=dueAt');
    const dues = byDue.items.map((r) => new Date(r.sla!.resolutionDueAt!).getTime());
    expect([...dues].sort((a, b) => a - b)).toEqual(dues);
    expect(byDue.items[0]!.id).toBe(filed[1]!.id);
    expect((await list('sort=createdAt')).items.map((r) => r.id)).toEqual(filed.map((r) => r.id));
  });

  it('filters by filing date (a bare date is Beijing midnight) and by escalation', async () => {
    expect((await list('to=2020-01-01')).total).toBe(0);
    expect((await list('from=2020-01-01')).total).toBe(3);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    expect((await list(`from=${encodeURIComponent(tomorrow)}`)).total).toBe(0);
    await companyApi.ok(companyApi.post(`/requests/${filed[2]!.id}/escalate`, { reason: '没人联系' }), [200]);
    expect((await list('escalated=true')).items.map((r) => r.id)).toEqual([filed[2]!.id]);
    expect((await list('escalated=false')).total).toBe(2);
  });

  it('names a wrong filter', async () => {
    const badSort = await companyApi.get<{ message: string }>('/requests?sort=title');
    expect(badSort.status).toBe(400);
    expect(badSort.body.message).toContain('sort');
    const badDate = await companyApi.get<{ message: string }>('/requests?from=yesterday');
    expect(badDate.status).toBe(400);
    expect(badDate.body.message).toContain('from');
  });

  it("names each request's company, and follows a rename", async () => {
    expect((await list('')).items.map((r) => r.companyName)).toEqual(filed.map(() => '恒丰纺织'));
    await admin.ok(admin.call('PATCH', `/companies/${companyId}`, { name: '恒丰纺织（集团）' }), [200]);
    expect((await list('')).items.map((r) => r.companyName)).toEqual(filed.map(() => '恒丰纺织（集团）'));
    expect((await companyApi.request(filed[0]!.id)).companyName).toBe('恒丰纺织（集团）');
  });
});
