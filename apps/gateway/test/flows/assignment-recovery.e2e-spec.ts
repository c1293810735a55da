import type { RequestCategory, RequestView, UserView } from '@qifu/contracts';
import { withDefaultUser } from '@qifu/database';
import { deleteKeysWithPrefix } from '@qifu/messaging';
import { eventually, TEST_REDIS_URL } from '@qifu/testing';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { Api } from '../support/api';
import { aCompany, aDepartment, aUser, PASSWORD } from '../support/fixtures';
import { ServiceProcess } from '../support/service-process';
import { TestSystem } from '../support/system';

jest.setTimeout(600_000);

const CAPACITY = 10;

/**
 * Issue #4, point 6: the assignment service killed mid-burst (SIGKILL, as a crash) and started
 * again, and Redis losing its data mid-burst. Afterwards every request that could be assigned is,
 * none twice, and nobody holds more than their capacity. The assignment service runs as its own
 * process here (built in dist/) so that it can really be killed.
 */
describe('assignment: restart-safe and reconciled after Redis loses its data', () => {
  let sys: TestSystem;
  let assignment: ServiceProcess | undefined;
  let db: Client;
  let admin: Api;

  beforeAll(async () => {
    sys = await TestSystem.start({
      label: 'asg-recovery',
      replicas: { assignment: 0 },
      env: { RPC_TIMEOUT_MS: '20000', ASSIGNMENT_SWEEP_MS: '2000' },
    });
    assignment = await ServiceProcess.start('assignment', sys.env);
    admin = await new Api(sys.baseUrl).login('admin', 'admin');
    db = new Client({ connectionString: withDefaultUser(sys.databaseUrl) });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await assignment?.stop();
    await sys?.stop();
  });

  /** A department of `n` officers of capacity 10 for one category, and a company user who files in it. */
  async function aTeam(n: number, category: RequestCategory): Promise<{ officers: UserView[]; company: Api }> {
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

  const financing = (company: Api, i: number): Promise<{ status: number }> =>
    company.post<RequestView>('/requests', {
      category: 'financing',
      title: `设备贷款 #${i}`,
      description: 'a loan for two new looms',
      details: { amountCny: 500_000 + i, purpose: '购置设备 equipment', termMonths: 24 },
    });

  const hiring = (company: Api, i: number): Promise<{ status: number }> =>
    company.post<RequestView>('/requests', {
      category: 'hiring',
      title: `急需挡车工 #${i}`,
      description: 'short of loom operators',
      details: { positions: [{ title: '挡车工', headcount: 1 + (i % 30) }] },
    });

  /** Requests of these officers' category, as the requests service stored them, and how they were routed. */
  async function routing(category: RequestCategory): Promise<{ filed: number; rows: number; assigned: number; waiting: number }> {
    const { rows } = await db.query<{ filed: number; rows: number; assigned: number; waiting: number }>(
      `SELECT (SELECT count(*)::int FROM requests.requests WHERE category = $1) AS filed,
              count(*)::int AS rows,
              count(*) FILTER (WHERE state = 'assigned')::int AS assigned,
              count(*) FILTER (WHERE state = 'waiting')::int AS waiting
         FROM assignment.assignments WHERE category = $1`,
      [category],
    );
    return rows[0]!;
  }

  /** Nobody beyond capacity, open counts true, and no request assigned twice (as the requests service recorded it). */
  async function expectConsistent(officers: UserView[]): Promise<void> {
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

  it('loses nothing and assigns nothing twice when the assignment service is killed mid-burst', async () => {
    const { officers, company } = await aTeam(10, 'hiring');
    const seats = officers.length * CAPACITY;
    const burst = Promise.all(Array.from({ length: 250 }, (_, i) => hiring(company, i)));
    const atKill = await eventually(
      async () => {
        const r = await routing('hiring');
        return r.rows >= 30 ? r : undefined;
      },
      'the burst to be under way',
      60_000,
      20,
    );
    await assignment!.kill();
    expect(atKill.rows).toBeLessThan(250);
    const answers = await burst;
    expect(answers.every((a) => a.status === 201)).toBe(true);

    assignment = await ServiceProcess.start('assignment', sys.env);
    const settled = await eventually(
      async () => {
        const r = await routing('hiring');
        return r.rows === 250 && r.assigned === seats ? r : undefined;
      },
      'all 250 routed after the restart, 100 assigned',
      120_000,
      250,
    );
    expect(settled).toEqual({ filed: 250, rows: 250, assigned: seats, waiting: 250 - seats });
    await eventually(
      async () => {
        const { rows } = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM requests.requests WHERE category = 'hiring' AND status = 'assigned'`,
        );
        return rows[0]!.n === seats ? true : undefined;
      },
      'the requests service to show 100 assigned',
      60_000,
      250,
    );
    await expectConsistent(officers);
  });

  it('finds every request still waiting after Redis loses its data mid-burst, and assigns it when a seat frees', async () => {
    const { officers, company } = await aTeam(5, 'financing');
    const seats = officers.length * CAPACITY;
    const burst = Promise.all(Array.from({ length: 120 }, (_, i) => financing(company, i)));
    await eventually(
      async () => {
        const r = await routing('financing');
        return r.rows >= 20 ? r : undefined;
      },
      'the burst to be under way',
      60_000,
      20,
    );
    const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
    try {
      // Everything this system keeps in Redis (queues, jobs in flight, markers) is gone, as after a
      // Redis restart without persistence.
      expect(await deleteKeysWithPrefix(redis, sys.queuePrefix)).toBeGreaterThan(0);
    } finally {
      redis.disconnect();
    }
    // Filings caught in the loss may get a 503 (and were then never stored); the others are 201.
    const answers = await burst;
    expect(answers.every((a) => a.status === 201 || a.status === 503)).toBe(true);

    const settled = await eventually(
      async () => {
        const r = await routing('financing');
        return r.rows === r.filed && r.assigned === Math.min(seats, r.filed) ? r : undefined;
      },
      'every stored request routed again from PostgreSQL',
      120_000,
      250,
    );
    expect(settled.filed).toBeGreaterThanOrEqual(answers.filter((a) => a.status === 201).length);
    expect(settled.waiting).toBe(settled.filed - seats);
    await expectConsistent(officers);

    // A seat freed after the loss goes to the oldest waiting request.
    const officer = officers[0]!;
    const officerApi = await admin.as('').login(officer.username, PASSWORD);
    const { rows: held } = await db.query<{ request_id: string }>(
      `SELECT request_id FROM assignment.assignments WHERE officer_id = $1 AND state = 'assigned' LIMIT 1`,
      [officer.id],
    );
    const { rows: head } = await db.query<{ request_id: string }>(
      `SELECT request_id FROM assignment.assignments WHERE category = 'financing' AND state = 'waiting' ORDER BY filed_at, request_id LIMIT 1`,
    );
    const id = held[0]!.request_id;
    await eventually(
      async () => ((await officerApi.get<RequestView>(`/requests/${id}`)).status === 200 ? true : undefined),
      'the officer to see their case',
      60_000,
      100,
    );
    await officerApi.ok(officerApi.post(`/requests/${id}/accept`), [200]);
    await officerApi.ok(officerApi.post(`/requests/${id}/resolve`, { resolution: '已放款' }), [200]);
    await eventually(
      async () => {
        const { rows } = await db.query<{ officer_id: string }>(
          `SELECT officer_id FROM assignment.assignments WHERE request_id = $1 AND state = 'assigned'`,
          [head[0]!.request_id],
        );
        return rows[0]?.officer_id === officer.id ? true : undefined;
      },
      'the oldest waiting request to take the freed seat',
      60_000,
      100,
    );
    await expectConsistent(officers);
  });
});
