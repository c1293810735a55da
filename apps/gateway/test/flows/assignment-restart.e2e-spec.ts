import type { RequestCategory } from '@qifu/contracts';
import { withDefaultUser } from '@qifu/database';
import { eventually } from '@qifu/testing';
import { Client } from 'pg';
import { Api } from '../support/api';
import { aTeam, CAPACITY, expectConsistent, fileFinancing, fileHiringN, routedAtLeast, routingOf } from '../support/assignment-checks';
import { ServiceProcess } from '../support/service-process';
import { TestSystem } from '../support/system';

jest.setTimeout(600_000);

/**
 * Issue #4, point 6: the assignment service killed mid-burst (SIGKILL, as a crash) and started
 * again: every request that could be assigned is, none twice, nobody beyond capacity. The assignment
 * service runs as its own process here (built in dist/) so that it can really be killed.
 */
describe('assignment: restart-safe', () => {
  let sys: TestSystem;
  let assignment: ServiceProcess | undefined;
  let db: Client;
  let admin: Api;

  beforeAll(async () => {
    sys = await TestSystem.start({
      label: 'asg-restart',
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

  /** Starts the assignment service again; all 250 of the burst get routed, `seats` of them assigned. */
  async function restartAndExpectAllRouted(category: RequestCategory, seats: number): Promise<void> {
    assignment = await ServiceProcess.start('assignment', sys.env);
    const settled = await eventually(
      async () => {
        const r = await routingOf(db, category);
        return r.rows === 250 && r.assigned === seats ? r : undefined;
      },
      `all 250 routed after the restart, ${seats} assigned`,
      120_000,
      250,
    );
    expect(settled).toEqual({ filed: 250, rows: 250, assigned: seats, waiting: 250 - seats });
  }

  it('assignment, on the filing path, keeps the normal CPU priority', () => {
    expect(new Set(assignment!.threadNiceValues())).toEqual(new Set([0]));
  });

  it('loses nothing and assigns nothing twice when the assignment service is killed mid-burst', async () => {
    const { officers, company } = await aTeam(admin, 10, 'hiring');
    const seats = officers.length * CAPACITY;
    const burst = Promise.all(Array.from({ length: 250 }, (_, i) => fileHiringN(company, i)));
    const atKill = await routedAtLeast(db, 'hiring', 30);
    await assignment!.kill();
    expect(atKill.rows).toBeLessThan(250);
    const answers = await burst;
    expect(answers.every((a) => a.status === 201)).toBe(true);

    await restartAndExpectAllRouted('hiring', seats);
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
    await expectConsistent(db, officers);
  });

  it('stopped with SIGTERM mid-burst (a rolling restart), it finishes its events and sends theirs before it closes', async () => {
    const { officers, company } = await aTeam(admin, 10, 'financing');
    const seats = officers.length * CAPACITY;
    const burst = Promise.all(Array.from({ length: 250 }, (_, i) => fileFinancing(company, i)));
    const atSignal = await routedAtLeast(db, 'financing', 30);
    const stopping = assignment!;
    await stopping.stop();
    // Signalled mid-burst; the events it had already taken may finish the burst before it exits.
    expect(atSignal.rows).toBeLessThan(250);
    // Every event it had taken ran to its end (none failed for want of a database), and what those
    // transactions published left with it: no event of this burst is left in its outbox for the next
    // start. (Only this burst's: rows the replica SIGKILLed in the test above had leased stay leased
    // for up to 10 s, as designed, and a fast run may stop this one within that time.)
    expect(stopping.log).toContain('SIGTERM: finishing the commands and events in flight');
    expect(stopping.log).not.toMatch(/failed \(attempt|Driver not Connected|marking sent/);
    const { rows: unsent } = await db.query<{ name: string }>(
      `SELECT name FROM assignment.outbox
        WHERE published_at IS NULL AND payload->>'requestId' IN (SELECT id::text FROM requests.requests WHERE category = 'financing')`,
    );
    expect(unsent).toEqual([]);
    expect((await burst).every((a) => a.status === 201)).toBe(true);

    await restartAndExpectAllRouted('financing', seats);
    await expectConsistent(db, officers);
  });
});
