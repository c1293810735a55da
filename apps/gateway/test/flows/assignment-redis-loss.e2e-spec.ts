import { withDefaultUser } from '@qifu/database';
import { eventually, loseRedisData } from '@qifu/testing';
import { Client } from 'pg';
import { Api } from '../support/api';
import { aTeam, CAPACITY, expectConsistent, fileFinancing, routedAtLeast, routingOf } from '../support/assignment-checks';
import { PASSWORD } from '../support/fixtures';
import type { RequestView } from '@qifu/contracts';
import { TestSystem } from '../support/system';

jest.setTimeout(600_000);

/**
 * Issue #4, point 6: Redis loses its data mid-burst. The outbox relays send recent events again and
 * reconciliation works from PostgreSQL: every stored request is routed, none twice, nobody beyond
 * capacity, and a seat freed afterwards goes to the oldest waiting request.
 */
describe('assignment: reconciled after Redis loses its data', () => {
  let sys: TestSystem;
  let db: Client;
  let admin: Api;

  beforeAll(async () => {
    sys = await TestSystem.start({ label: 'asg-redis-loss', env: { RPC_TIMEOUT_MS: '20000', ASSIGNMENT_SWEEP_MS: '2000' } });
    admin = await new Api(sys.baseUrl).login('admin', 'admin');
    db = new Client({ connectionString: withDefaultUser(sys.databaseUrl) });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await sys?.stop();
  });

  it('finds every request still waiting after Redis loses its data mid-burst, and assigns it when a seat frees', async () => {
    const { officers, company } = await aTeam(admin, 5, 'financing');
    const seats = officers.length * CAPACITY;
    const burst = Promise.all(Array.from({ length: 120 }, (_, i) => fileFinancing(company, i)));
    await routedAtLeast(db, 'financing', 20);
    // Everything this system keeps in Redis (queues, jobs in flight, markers) is gone, as after a
    // Redis restart without persistence.
    expect(await loseRedisData(sys.queuePrefix)).toBeGreaterThan(0);
    // Filings caught in the loss may get a 503 (and were then never stored); the others are 201.
    const answers = await burst;
    expect(answers.every((a) => a.status === 201 || a.status === 503)).toBe(true);

    const settled = await eventually(
      async () => {
        const r = await routingOf(db, 'financing');
        return r.rows === r.filed && r.assigned === Math.min(seats, r.filed) ? r : undefined;
      },
      'every stored request routed again from PostgreSQL',
      120_000,
      250,
    );
    expect(settled.filed).toBeGreaterThanOrEqual(answers.filter((a) => a.status === 201).length);
    expect(settled.waiting).toBe(settled.filed - seats);
    await expectConsistent(db, officers);

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
    await expectConsistent(db, officers);
  });
});
