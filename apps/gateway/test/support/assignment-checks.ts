import type { RequestCategory, RequestView, UserView } from '@qifu/contracts';
import { eventually } from '@qifu/testing';
import type { Client } from 'pg';
import type { Api } from './api';
import { aCompany, aDepartment, aUser, PASSWORD } from './fixtures';

/** Capacity of every officer in the assignment recovery suites. */
export const CAPACITY = 10;

/** A department of `n` officers of capacity 10 for one category, and a company user who files in it. */
export async function aTeam(admin: Api, n: number, category: RequestCategory): Promise<{ officers: UserView[]; company: Api }> {
  const dept = await aDepartment(admin);
  const supervisor = await aUser(admin, { role: 'supervisor', departmentId: dept.id });
  const officers: UserView[] = [];
  for (let i = 0; i < n; i++) {
    officers.push(
      await aUser(admin, {
        role: 'officer',
        departmentId: dept.id,
        supervisorId: supervisor.id,
        categories: [category],
        capacity: CAPACITY,
      }),
    );
  }
  const company = await aCompany(admin);
  const user = await aUser(admin, { role: 'company', companyId: company.id });
  return { officers, company: await admin.as('').login(user.username, PASSWORD) };
}

export const fileFinancing = (company: Api, i: number): Promise<{ status: number }> =>
  company.post<RequestView>('/requests', {
    category: 'financing',
    title: `设备贷款 #${i}`,
    description: 'a loan for two new looms',
    details: { amountCny: 500_000 + i, purpose: '购置设备 equipment', termMonths: 24 },
  });

export const fileHiringN = (company: Api, i: number): Promise<{ status: number }> =>
  company.post<RequestView>('/requests', {
    category: 'hiring',
    title: `急需挡车工 #${i}`,
    description: 'short of loom operators',
    details: { positions: [{ title: '挡车工', headcount: 1 + (i % 30) }] },
  });

export interface Routing {
  filed: number;
  rows: number;
  assigned: number;
  waiting: number;
}

/** Requests of one category as the requests service stored them, and how the assignment service routed them. */
export async function routingOf(db: Client, category: RequestCategory): Promise<Routing> {
  const { rows } = await db.query<Routing>(
    `SELECT (SELECT count(*)::int FROM requests.requests WHERE category = $1) AS filed,
            count(*)::int AS rows,
            count(*) FILTER (WHERE state = 'assigned')::int AS assigned,
            count(*) FILTER (WHERE state = 'waiting')::int AS waiting
       FROM assignment.assignments WHERE category = $1`,
    [category],
  );
  return rows[0]!;
}

/** Waits until the assignment service has routed at least `n` requests of the category (a burst under way). */
export function routedAtLeast(db: Client, category: RequestCategory, n: number): Promise<Routing> {
  return eventually(
    async () => {
      const r = await routingOf(db, category);
      return r.rows >= n ? r : undefined;
    },
    'the burst to be under way',
    60_000,
    20,
  );
}

/** Nobody beyond capacity, open counts true, and no request assigned twice (as the requests service recorded it). */
export async function expectConsistent(db: Client, officers: UserView[]): Promise<void> {
  const { rows } = await db.query<{ id: string; open_count: number; held: number }>(
    `SELECT u.id, u.open_count, count(a.request_id)::int AS held
       FROM assignment.users u LEFT JOIN assignment.assignments a ON a.officer_id = u.id AND a.state = 'assigned'
      WHERE u.id = ANY($1) GROUP BY u.id`,
    [officers.map((o) => o.id)],
  );
  for (const r of rows) {
    expect(r.held).toBeLessThanOrEqual(CAPACITY);
    expect(r.open_count).toBe(r.held);
  }
  const { rows: twice } = await db.query(
    `SELECT request_id FROM requests.request_events WHERE type = 'assigned' GROUP BY request_id HAVING count(*) > 1`,
  );
  expect(twice).toEqual([]);
}
