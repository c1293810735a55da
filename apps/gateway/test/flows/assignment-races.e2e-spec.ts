import { INBOX_QUEUES, type RequestView } from '@qifu/contracts';
import { withDefaultUser } from '@qifu/database';
import { eventually, TEST_REDIS_URL } from '@qifu/testing';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { AssignmentReconciler } from '../../../assignment/src/routing/assignment.reconciler';
import { Api } from '../support/api';
import { anAssignedRequest, aUser, aZone } from '../support/fixtures';
import { TestSystem } from '../support/system';

jest.setTimeout(90_000);

/** Moves that cross in flight between the requests and assignment services. */
describe('assignment: races between services', () => {
  let sys: TestSystem;
  let admin: Api;
  let redis: Redis;
  let inbox: Queue;
  let db: Client;

  beforeAll(async () => {
    sys = await TestSystem.start({ label: 'asg-races' });
    admin = await new Api(sys.baseUrl).login('admin', 'admin');
    redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    inbox = new Queue(INBOX_QUEUES.assignment, { connection: redis, prefix: sys.queuePrefix });
    db = new Client({ connectionString: withDefaultUser(sys.databaseUrl) });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await inbox?.close();
    redis?.disconnect();
    await sys?.stop();
  });

  const openCount = async (id: string): Promise<number> =>
    (await db.query<{ open_count: number }>(`SELECT open_count FROM assignment.users WHERE id = $1`, [id])).rows[0]!.open_count;

  it('keeps a case with the officer who accepted it as they were being marked unavailable', async () => {
    // Approvals are nobody else's in this suite: only these two officers can take the case.
    const z = await aZone(admin, { categories: ['approval'] });
    const colleague = await aUser(admin, { role: 'officer', departmentId: z.dept.id, categories: ['approval'], capacity: 5 });
    const r = await anAssignedRequest(z, { category: 'approval', details: {} });
    expect(r.assignee?.id).toBe(z.officerUser.id);

    // The acceptance is stored, but its event has not reached the assignment service yet...
    await inbox.pause();
    await z.officer.ok(z.officer.post<RequestView>(`/requests/${r.id}/accept`), [200]);
    // ...when the officer is marked unavailable: the assignment service, which has not heard of the
    // acceptance, takes the case back and gives it to the colleague.
    await admin.ok(admin.call('PATCH', `/users/${z.officerUser.id}`, { available: false }), [200]);
    expect(await openCount(colleague.id)).toBe(1);
    await inbox.resume();

    // The acceptance wins: the case stays with the officer working on it, the colleague's seat is free.
    const settled = await eventually(
      async () => {
        const v = await z.companyApi.request(r.id);
        const rows = await db.query<{ officer_id: string; state: string }>(
          `SELECT officer_id, state FROM assignment.assignments WHERE request_id = $1`,
          [r.id],
        );
        return v.assignee?.id === z.officerUser.id && rows.rows[0]?.officer_id === z.officerUser.id && (await openCount(colleague.id)) === 0
          ? v
          : undefined;
      },
      'the case back with the officer who accepted it',
      30_000,
      100,
    );
    expect(settled.status).toBe('in_progress');
    expect(await openCount(z.officerUser.id)).toBe(1);
    // The colleague never sees it as theirs in the end.
    const colleagueApi = await admin.as('').login(colleague.username, 'secret-pass-1');
    expect((await colleagueApi.get(`/requests/${r.id}`)).status).toBe(404);
  });

  it('reconciliation finds an officer whose open count drifted, corrects it and gives the seat to the request waiting for it', async () => {
    // Nobody else in this suite takes "other" requests: the zone's officer is the only candidate.
    const z = await aZone(admin, { categories: ['other'], capacity: 1 });
    // The count drifts (as a crash between steps could leave it): the officer looks full while holding nothing.
    await db.query(`UPDATE assignment.users SET open_count = 1 WHERE id = $1`, [z.officerUser.id]);
    const filed = await z.companyApi.ok(
      z.companyApi.post<RequestView>('/requests', { category: 'other', title: '咨询 drift', description: 'waits for a seat', details: {} }),
      [201],
    );
    await eventually(async () => {
      const { rows } = await db.query<{ state: string }>(`SELECT state FROM assignment.assignments WHERE request_id = $1`, [filed.id]);
      return rows[0]?.state === 'waiting' ? true : undefined;
    }, 'the request waiting');

    await sys.replicasOf('assignment')[0]!.get(AssignmentReconciler).reconcile();

    const assigned = await eventually(async () => {
      const v = await z.companyApi.request(filed.id);
      return v.assignee ? v : undefined;
    }, 'the request assigned');
    expect(assigned.assignee?.id).toBe(z.officerUser.id);
    expect(await openCount(z.officerUser.id)).toBe(1);
  });
});
