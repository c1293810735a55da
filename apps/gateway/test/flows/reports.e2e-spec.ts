import type { ReportSummaryView, RequestView } from '@qifu/contracts';
import { eventually } from '@qifu/testing';
import { Api } from '../support/api';
import { anAssignedRequest, aZone, type Zone } from '../support/fixtures';
import { TestSystem } from '../support/system';

jest.setTimeout(90_000);

describe('reports: the numbers managers are judged by, and the ledger', () => {
  let sys: TestSystem;
  let admin: Api;
  let z: Zone;
  let other: Zone;
  let done: RequestView;

  beforeAll(async () => {
    sys = await TestSystem.start({ label: 'reports' });
    admin = await new Api(sys.baseUrl).login('admin', 'admin');
    z = await aZone(admin);
    other = await aZone(admin);
    const post = (api: Api, path: string, body: unknown = {}) => api.ok(api.post<RequestView>(path, body), [200]);
    // Zone z: one closed with a good rating, one resolved and rated bad, one still open. Zone other: one open.
    done = await anAssignedRequest(z, { title: '急需挡车工 "20名", 含逗号, 换行\n第二行' });
    const bad = await anAssignedRequest(z);
    await anAssignedRequest(z);
    await anAssignedRequest(other);
    for (const r of [done, bad]) {
      await post(z.officer, `/requests/${r.id}/accept`);
      await post(z.officer, `/requests/${r.id}/resolve`, { resolution: '已办结' });
    }
    await post(z.companyApi, `/requests/${done.id}/rate`, { rating: 'good' });
    await post(z.companyApi, `/requests/${bad.id}/rate`, { rating: 'bad' });
  });

  afterAll(async () => {
    await sys?.stop();
  });

  it('counts filed, resolved, open, on-time, response-met and satisfaction for a department', async () => {
    const s = await z.supervisor.ok(z.supervisor.get<ReportSummaryView>('/reports/summary'), [200]);
    expect(s).toMatchObject({ filed: 3, resolved: 2, open: 1, breached: 0, rated: 2, departmentId: z.dept.id });
    expect(s.onTimeResolutionRate).toBe(1);
    expect(s.responseMetRate).toBe(1);
    expect(s.satisfactionRate).toBe(0.5);
    expect(s.byCategory).toEqual([expect.objectContaining({ key: 'hiring', filed: 3 })]);
    expect(s.byOfficer).toEqual([
      expect.objectContaining({ key: z.officerUser.id, label: z.officerUser.displayName, filed: 3, resolved: 2 }),
    ]);
  });

  it('lets an admin see every department, a supervisor only their own, and nobody else at all', async () => {
    const all = await admin.ok(admin.get<ReportSummaryView>('/reports/summary'), [200]);
    expect(all.filed).toBe(4);
    expect((await admin.ok(admin.get<ReportSummaryView>(`/reports/summary?departmentId=${other.dept.id}`), [200])).filed).toBe(1);
    expect((await z.supervisor.get(`/reports/summary?departmentId=${other.dept.id}`)).status).toBe(403);
    expect((await z.officer.get('/reports/summary')).status).toBe(403);
    expect((await z.companyApi.get('/reports/requests.csv')).status).toBe(403);
    const empty = await admin.ok(admin.get<ReportSummaryView>('/reports/summary?from=2020-01-01&to=2020-02-01'), [200]);
    expect(empty).toMatchObject({ filed: 0, onTimeResolutionRate: null, satisfactionRate: null });
    expect((await admin.get('/reports/summary?from=2026-02-01&to=2026-01-01')).status).toBe(400);
  });

  it('downloads the ledger as CSV that a spreadsheet opens with Chinese text intact', async () => {
    const res = await fetch(`${sys.baseUrl}/api/v1/reports/requests.csv`, {
      headers: { authorization: `Bearer ${(z.supervisor as unknown as { token: string }).token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="qifu-requests-.*\.csv"/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.startsWith('编号 Reference,企业 Company,类别 Category')).toBe(true);
    expect(text).toContain('\r\n');
    expect(text).toContain(`"急需挡车工 ""20名"", 含逗号, 换行\n第二行"`);
    expect(text).toContain('已关闭');
    expect(text).toContain('满意');
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(1 + 3); // header + the department's three requests
    const row = lines.find((l) => l.startsWith(done.referenceNo))!;
    expect(row).toMatch(/,\d{4}-\d{2}-\d{2} \d{2}:\d{2},/); // Beijing wall-clock times
  });

  it('keeps counting as a case moves (a reopened case is open again)', async () => {
    await z.companyApi.ok(z.companyApi.post(`/requests/${done.id}/reopen`, { reason: '问题复发' }), [200]);
    const s = await eventually(async () => {
      const v = await z.supervisor.ok(z.supervisor.get<ReportSummaryView>('/reports/summary'), [200]);
      return v.open === 2 ? v : undefined;
    }, 'the reopened case counted as open');
    expect(s).toMatchObject({ resolved: 1, rated: 1, satisfactionRate: 0 });
  });

  it('shows workload per officer beside capacity, scoped like requests', async () => {
    type Workload = {
      officerId: string;
      open: number;
      capacity: number;
      available: boolean;
      oldestOpenAt: string | null;
      displayName: string;
    };
    const mine = await z.officer.ok(z.officer.get<Workload>(`/officers/${z.officerUser.id}/workload`), [200]);
    expect(mine).toMatchObject({ officerId: z.officerUser.id, capacity: 5, available: true, displayName: z.officerUser.displayName });
    expect(mine.open).toBeGreaterThanOrEqual(1);
    expect(new Date(mine.oldestOpenAt!).getTime()).toBeLessThanOrEqual(Date.now());
    const dept = await z.supervisor.ok(z.supervisor.get<Workload[]>(`/departments/${z.dept.id}/workload`), [200]);
    expect(dept.map((w) => w.officerId)).toEqual([z.officerUser.id]);
    expect(dept[0]!.open).toBe(mine.open);
    expect((await z.supervisor.get(`/officers/${other.officerUser.id}/workload`)).status).toBe(404);
    expect((await z.supervisor.get(`/departments/${other.dept.id}/workload`)).status).toBe(404);
    expect((await other.officer.get(`/officers/${z.officerUser.id}/workload`)).status).toBe(404);
    expect((await z.companyApi.get(`/officers/${z.officerUser.id}/workload`)).status).toBe(403);
    expect((await admin.get<Workload[]>(`/departments/${other.dept.id}/workload`)).status).toBe(200);
  });
});
