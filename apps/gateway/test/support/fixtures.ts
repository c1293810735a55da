import type { CompanyView, DepartmentView, RequestView, UserView } from '@qifu/contracts';
import type { Api } from './api';

let seq = 0;
const unique = (base: string): string => `${base}${Date.now().toString(36)}${(seq++).toString(36)}`;

/** Valid Unified Social Credit Codes (check character computed per GB 32100-2015). */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
export function aCreditCode(): string {
  const body = `913205${String(Math.floor(Math.random() * 1e11)).padStart(11, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(body.charAt(i)) * (WEIGHTS[i] ?? 0);
  return body + ALPHABET.charAt((31 - (sum % 31)) % 31);
}

export const PASSWORD = 'secret-pass-1';

export async function aDepartment(admin: Api): Promise<DepartmentView> {
  return admin.ok(admin.post<DepartmentView>('/departments', { name: '企业服务科', code: unique('D') }));
}

export async function aUser(admin: Api, input: Record<string, unknown>): Promise<UserView> {
  return admin.ok(admin.post<UserView>('/users', { username: unique('u'), password: PASSWORD, displayName: 'Test User', ...input }));
}

export async function aCompany(admin: Api, input: Record<string, unknown> = {}): Promise<CompanyView> {
  return admin.ok(admin.post<CompanyView>('/companies', { name: '恒丰纺织', creditCode: aCreditCode(), ...input }));
}

export async function fileHiring(company: Api, headcount = 20, extra: Record<string, unknown> = {}): Promise<RequestView> {
  return company.ok(
    company.post<RequestView>('/requests', {
      category: 'hiring',
      title: `急需挡车工${headcount}名`,
      description: 'short of loom operators and helpers',
      details: { positions: [{ title: '挡车工 loom operator', headcount }] },
      ...extra,
    }),
    [201],
  );
}

/** A department with its supervisor and liaison officer, and a company (with one user) served by that officer. */
export interface Zone {
  dept: DepartmentView;
  supervisorUser: UserView;
  officerUser: UserView;
  company: CompanyView;
  companyUser: UserView;
  supervisor: Api;
  officer: Api;
  companyApi: Api;
}

export async function aZone(admin: Api, officer: Record<string, unknown> = {}): Promise<Zone> {
  const dept = await aDepartment(admin);
  const supervisorUser = await aUser(admin, { role: 'supervisor', departmentId: dept.id });
  const officerUser = await aUser(admin, {
    role: 'officer',
    departmentId: dept.id,
    supervisorId: supervisorUser.id,
    categories: ['hiring'],
    capacity: 5,
    ...officer,
  });
  const company = await aCompany(admin, { liaisonOfficerId: officerUser.id });
  const companyUser = await aUser(admin, { role: 'company', companyId: company.id });
  const anonymous = admin.as('');
  return {
    dept,
    supervisorUser,
    officerUser,
    company,
    companyUser,
    supervisor: await anonymous.login(supervisorUser.username, PASSWORD),
    officer: await anonymous.login(officerUser.username, PASSWORD),
    companyApi: await anonymous.login(companyUser.username, PASSWORD),
  };
}

/** A hiring request of the zone's company, once assigned (to the liaison officer) with its deadlines set. */
export async function anAssignedRequest(z: Zone, extra: Record<string, unknown> = {}): Promise<RequestView> {
  const filed = await fileHiring(z.companyApi, 20, extra);
  const until = Date.now() + 10_000;
  for (;;) {
    const r = await z.companyApi.request(filed.id);
    if (r.status === 'assigned' && r.sla) return r;
    if (Date.now() > until) throw new Error(`${filed.referenceNo} was not assigned within 10 s (status ${r.status})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
