import type { Page, RequestView, UserView } from '@qifu/contracts';
import { withDefaultUser } from '@qifu/database';
import { eventually } from '@qifu/testing';
import { Client } from 'pg';
import { Api } from '../support/api';
import { aCompany, aDepartment, aUser, fileHiring, PASSWORD } from '../support/fixtures';
import { TestSystem } from '../support/system';

jest.setTimeout(600_000);

const OFFICERS = 20;
const CAPACITY = 10;
const BURST = 500;

interface Row {
  request_id: string;
  officer_id: string | null;
  state: string;
}

/**
 * Issue #4's burst: 500 requests filed at once against 20 officers of capacity 10, with two
 * assignment replicas competing for the events. Exactly 200 are assigned, nobody beyond capacity,
 * and the 300 waiting are drained most urgent, then oldest, first as cases close.
 */
describe('assignment: capacity holds under a burst and the queue drains in order', () => {
  let sys: TestSystem;
  let db: Client;
  let supervisor: Api;
  let supervisorUser: UserView;
  const officers = new Map<string, Api>();
  const companies: Api[] = [];
  const filed: RequestView[] = [];

  beforeAll(async () => {
    // Everything runs in this one test process: the RPC deadline is generous (latency is the benchmark's job).
    sys = await TestSystem.start({
      label: 'burst',
      replicas: { assignment: 2 },
      env: { RPC_TIMEOUT_MS: '120000', DATABASE_POOL_SIZE: '6' },
    });
    const admin = await new Api(sys.baseUrl).login('admin', 'admin');
    const dept = await aDepartment(admin);
    supervisorUser = await aUser(admin, { role: 'supervisor', departmentId: dept.id });
    const anonymous = admin.as('');
    supervisor = await anonymous.login(supervisorUser.username, PASSWORD);
    for (let i = 0; i < OFFICERS; i++) {
      const u = await aUser(admin, {
        role: 'officer',
        departmentId: dept.id,
        supervisorId: supervisorUser.id,
        categories: ['hiring', 'safety_hazard'],
        capacity: CAPACITY,
      });
      officers.set(u.id, await anonymous.login(u.username, PASSWORD));
    }
    for (let i = 0; i < 5; i++) {
      const company = await aCompany(admin);
      const user = await aUser(admin, { role: 'company', companyId: company.id });
      companies.push(await anonymous.login(user.username, PASSWORD));
    }
    db = new Client({ connectionString: withDefaultUser(sys.databaseUrl) });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await sys?.stop();
  });

  const rows = async (): Promise<Row[]> => (await db.query<Row>(`SELECT request_id, officer_id, state FROM assignment.assignments`)).rows;

  /** Waiting requests in the order the service must drain them. */
  const waitingInOrder = async (): Promise<string[]> =>
    (
      await db.query<{ request_id: string }>(
        `SELECT request_id FROM assignment.assignments WHERE state = 'waiting'
          ORDER BY CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END, filed_at, request_id`,
      )
    ).rows.map((r) => r.request_id);

  const loadPerOfficer = async (): Promise<Map<string, { held: number; openCount: number }>> => {
    const { rows: users } = await db.query<{ id: string; open_count: number; held: number }>(
      `SELECT u.id, u.open_count, count(a.request_id)::int AS held
         FROM assignment.users u LEFT JOIN assignment.assignments a ON a.officer_id = u.id AND a.state = 'assigned'
        WHERE u.role = 'officer' GROUP BY u.id`,
    );
    return new Map(users.map((u) => [u.id, { held: u.held, openCount: u.open_count }]));
  };

  const expectNobodyBeyondCapacity = async (): Promise<void> => {
    for (const [, load] of await loadPerOfficer()) {
      expect(load.held).toBeLessThanOrEqual(CAPACITY);
      expect(load.openCount).toBe(load.held);
    }
  };

  /** Waits until the assignment service has routed everything filed and the waiting count is `waiting`. */
  const settled = (total: number, waiting: number, what: string): Promise<Row[]> =>
    eventually(
      async () => {
        const all = await rows();
        return all.length === total && all.filter((r) => r.state === 'waiting').length === waiting ? all : undefined;
      },
      what,
      180_000,
      250,
    );

  it('assigns exactly 200 of 500 filed at once, nobody beyond capacity, and queues 300', async () => {
    const answers = await Promise.all(
      Array.from({ length: BURST }, (_, i) => fileHiring(companies[i % companies.length]!, 1 + (i % 50), { title: `招聘需求 #${i}` })),
    );
    filed.push(...answers);
    expect(new Set(answers.map((r) => r.id)).size).toBe(BURST);

    const all = await settled(BURST, BURST - OFFICERS * CAPACITY, '500 requests routed with 300 waiting');
    expect(all.filter((r) => r.state === 'assigned')).toHaveLength(OFFICERS * CAPACITY);
    const load = await loadPerOfficer();
    expect([...load.values()].map((l) => l.held)).toEqual(Array.from({ length: OFFICERS }, () => CAPACITY));
    await expectNobodyBeyondCapacity();

    // Still so a moment later: no replica assigns a waiting request beyond capacity afterwards.
    await new Promise((r) => setTimeout(r, 1500));
    expect((await rows()).filter((r) => r.state === 'assigned')).toHaveLength(OFFICERS * CAPACITY);

    // The requests service agrees, and each request was assigned once.
    const assigned = await supervisor.ok(supervisor.get<Page<RequestView>>('/requests?status=assigned&pageSize=1'), [200]);
    const waiting = await supervisor.ok(supervisor.get<Page<RequestView>>('/requests?status=submitted&pageSize=1'), [200]);
    await eventually(
      async () => {
        const a = await supervisor.ok(supervisor.get<Page<RequestView>>('/requests?status=assigned&pageSize=1'), [200]);
        return a.total === OFFICERS * CAPACITY ? a : undefined;
      },
      'the requests service to show 200 assigned',
      60_000,
      250,
    );
    expect(assigned.total + waiting.total).toBeLessThanOrEqual(BURST);
    const { rows: events } = await db.query<{ n: number; distinct_requests: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT request_id)::int AS distinct_requests FROM requests.request_events WHERE type = 'assigned'`,
    );
    expect(events[0]).toEqual({ n: OFFICERS * CAPACITY, distinct_requests: OFFICERS * CAPACITY });

    // The department's supervisor heard of every waiting request, once each.
    await eventually(
      async () => {
        const { rows: heard } = await db.query<{ n: number; distinct_requests: number }>(
          `SELECT count(*)::int AS n, count(DISTINCT request_id)::int AS distinct_requests
             FROM notifications.notifications WHERE user_id = $1 AND type = 'request.unassigned'`,
          [supervisorUser.id],
        );
        const waitingCount = BURST - OFFICERS * CAPACITY;
        return heard[0]!.n === waitingCount && heard[0]!.distinct_requests === waitingCount ? heard : undefined;
      },
      'one unassigned notification per waiting request for the supervisor',
      60_000,
      250,
    );
  });

  it('gives a freed seat to the most urgent, then the oldest, waiting request', async () => {
    // Three urgent hazards join the queue behind 300 ordinary requests.
    for (let i = 0; i < 3; i++) {
      await companies[0]!.ok(
        companies[0]!.post<RequestView>('/requests', {
          category: 'safety_hazard',
          title: `化学品泄漏隐患 #${i}`,
          description: 'a drum of solvent leaking next to the boiler room',
          details: { location: '3号车间', hazardType: 'chemical', severity: 'critical', immediateDanger: true },
        }),
        [201],
      );
    }
    await settled(BURST + 3, BURST + 3 - OFFICERS * CAPACITY, 'the urgent hazards waiting');
    const expected = (await waitingInOrder()).slice(0, 13);

    // Close 13 cases one at a time: each freed seat takes the head of the queue.
    const held = (await rows()).filter((r) => r.state === 'assigned');
    for (let i = 0; i < expected.length; i++) {
      const { request_id: id, officer_id: officerId } = held[i]!;
      const officer = officers.get(officerId!)!;
      await officer.ok(officer.post(`/requests/${id}/accept`), [200]);
      await officer.ok(officer.post(`/requests/${id}/resolve`, { resolution: '已办结' }), [200]);
      const next = await eventually(
        async () => (await rows()).find((r) => r.request_id === expected[i] && r.state === 'assigned'),
        `${expected[i]} to take the seat freed by closing case ${i + 1}`,
        30_000,
        100,
      );
      expect(next.officer_id).toBe(officerId);
      expect((await rows()).filter((r) => r.state === 'waiting')).toHaveLength(BURST + 3 - OFFICERS * CAPACITY - (i + 1));
    }
    await expectNobodyBeyondCapacity();
  });

  it('drains the whole queue in order as every officer closes their cases, each request assigned once', async () => {
    for (let wave = 1; ; wave++) {
      const before = await waitingInOrder();
      if (before.length === 0) break;
      const held = (await rows()).filter((r) => r.state === 'assigned');
      // Every officer closes all their cases at once.
      await Promise.all(
        held.map(async ({ request_id: id, officer_id: officerId }) => {
          const officer = officers.get(officerId!)!;
          // The requests service may still be recording the assignment the assignment service made.
          const r = await eventually(
            async () => {
              const res = await officer.get<RequestView>(`/requests/${id}`);
              return res.status === 200 && res.body.assignee?.id === officerId ? res.body : undefined;
            },
            `${id} to show as assigned to its officer`,
            60_000,
            100,
          );
          if (r.status === 'assigned') await officer.ok(officer.post(`/requests/${id}/accept`), [200]);
          await officer.ok(officer.post(`/requests/${id}/resolve`, { resolution: '已办结' }), [200]);
        }),
      );
      const seats = Math.min(before.length, held.length);
      const after = await eventually(
        async () => {
          const all = await rows();
          const stillWaiting = all.filter((r) => r.state === 'waiting').length;
          const assignedNow = all.filter((r) => r.state === 'assigned').length;
          return stillWaiting === before.length - seats && assignedNow === seats ? all : undefined;
        },
        `wave ${wave}: ${seats} waiting requests to take the freed seats`,
        120_000,
        250,
      );
      // The seats went to the head of the queue, none beyond capacity.
      const taken = new Set(after.filter((r) => r.state === 'assigned').map((r) => r.request_id));
      expect(taken).toEqual(new Set(before.slice(0, seats)));
      await expectNobodyBeyondCapacity();
    }
    // Every request filed (503) was assigned in the end, as the requests service records it.
    await eventually(
      async () => {
        const { rows: never } = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM requests.requests r
            WHERE NOT EXISTS (SELECT 1 FROM requests.request_events e WHERE e.request_id = r.id AND e.type = 'assigned')`,
        );
        return never[0]!.n === 0 ? true : undefined;
      },
      'every request to have been assigned',
      60_000,
      250,
    );
    const { rows: twice } = await db.query(
      `SELECT request_id FROM requests.request_events WHERE type = 'assigned' GROUP BY request_id HAVING count(*) > 1`,
    );
    expect(twice).toEqual([]);
    expect((await rows()).filter((r) => r.state === 'waiting')).toEqual([]);
    await expectNobodyBeyondCapacity();
  });
});
