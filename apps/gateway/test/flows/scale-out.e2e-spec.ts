import {
  EVENT_SUBSCRIBERS,
  INBOX_QUEUES,
  type EventEnvelope,
  type EventName,
  type NotificationView,
  type Page,
  type RequestView,
  type ServiceName,
} from '@qifu/contracts';
import { withDefaultUser } from '@qifu/database';
import { commandsOf, eventsOf, INBOX_JOB_OPTIONS, type InboxJobData, type RpcJob } from '@qifu/messaging';
import { eventually } from '@qifu/testing';
import { Queue, type Job, type Worker } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Api } from '../support/api';
import { aCompany, aDepartment, aUser, fileHiring, PASSWORD } from '../support/fixtures';
import { TestSystem } from '../support/system';

jest.setTimeout(120_000);

/** Commands and events with two replicas of every service, as in production. */
describe('two replicas of every service', () => {
  let sys: TestSystem;
  let admin: Api;
  const fileCommandsHandled: number[] = [];

  beforeAll(async () => {
    // Nine Nest apps share this one test process's thread, so a burst of 100 queues up far longer
    // than across real processes: the timeout is generous here (latency is the benchmarks' job).
    sys = await TestSystem.start({
      label: 'replicas',
      replicas: { requests: 2, assignment: 2, sla: 2, notifications: 2 },
      env: { RPC_TIMEOUT_MS: '30000' },
    });
    admin = await new Api(sys.baseUrl).login('admin', 'admin');
    // Count, per replica, the filing commands its RPC worker completed.
    sys.replicasOf('requests').forEach((app, i) => {
      fileCommandsHandled[i] = 0;
      app.unwrap<Worker>().on('completed', (job: Job<RpcJob>) => {
        const files = commandsOf(job.data).filter((c) => c.pattern === 'requests.file').length;
        fileCommandsHandled[i] = (fileCommandsHandled[i] ?? 0) + files;
      });
    });
  });

  afterAll(async () => {
    await sys?.stop();
  });

  async function allRequests(api: Api): Promise<RequestView[]> {
    const out: RequestView[] = [];
    for (let page = 1; ; page++) {
      const res = await api.ok(api.get<Page<RequestView>>(`/requests?pageSize=100&page=${page}`), [200]);
      out.push(...res.items);
      if (out.length >= res.total || res.items.length === 0) return out;
    }
  }

  it('files 100 requests at once without an Idempotency-Key: exactly 100 exist, each assigned once', async () => {
    const dept = await aDepartment(admin);
    const officers = await Promise.all(
      [1, 2].map(() => aUser(admin, { role: 'officer', departmentId: dept.id, categories: ['hiring'], capacity: 60 })),
    );
    const company = await aCompany(admin);
    const companyUser = await aUser(admin, { role: 'company', companyId: company.id });
    const companyApi = await new Api(sys.baseUrl).login(companyUser.username, PASSWORD);

    const filed = await Promise.all(Array.from({ length: 100 }, (_, i) => fileHiring(companyApi, i + 1)));
    expect(new Set(filed.map((r) => r.id)).size).toBe(100);
    expect(new Set(filed.map((r) => r.referenceNo)).size).toBe(100);
    // Every command ran on exactly one replica, and both replicas took a share.
    // (a worker reports "completed" just after it sends the reply, so wait for the last report)
    const handled = await eventually(async () => {
      const sum = fileCommandsHandled.reduce((a, b) => a + b, 0);
      return sum >= 100 ? sum : undefined;
    }, 'the workers to report their jobs');
    expect(handled).toBe(100);
    expect(fileCommandsHandled.every((n) => n > 0)).toBe(true);

    const assigned = await eventually(
      async () => {
        const all = await allRequests(companyApi);
        return all.length === 100 && all.every((r) => r.status === 'assigned' && r.sla) ? all : undefined;
      },
      '100 requests assigned with deadlines',
      30_000,
      250,
    );
    expect(assigned).toHaveLength(100);

    // Each assigned once: one "assigned" entry per timeline, one notification per request.
    const timelines = await Promise.all(assigned.map((r) => companyApi.timeline(r.id)));
    for (const tl of timelines) expect(tl.filter((e) => e.type === 'assigned')).toHaveLength(1);
    const perOfficer = new Map(officers.map((o) => [o.id, 0]));
    for (const r of assigned) perOfficer.set(r.assignee!.id, (perOfficer.get(r.assignee!.id) ?? 0) + 1);
    expect([...perOfficer.values()].reduce((a, b) => a + b, 0)).toBe(100);
    for (const n of perOfficer.values()) expect(n).toBeLessThanOrEqual(60);

    const notified: NotificationView[] = [];
    for (const o of officers) {
      const api = await new Api(sys.baseUrl).login(o.username, PASSWORD);
      const page = await api.ok(api.get<Page<NotificationView>>('/notifications?pageSize=100'), [200]);
      notified.push(...page.items.filter((n) => n.type === 'request.assigned'));
    }
    expect(notified).toHaveLength(100);
    expect(new Set(notified.map((n) => n.requestId)).size).toBe(100);
  });

  it('an event delivered twice changes nothing', async () => {
    const dept = await aDepartment(admin);
    // No category of its own: only the liaison rule brings it work, so the first test's backlog never does.
    const officer = await aUser(admin, { role: 'officer', departmentId: dept.id, categories: [], capacity: 5 });
    const company = await aCompany(admin, { liaisonOfficerId: officer.id });
    const companyUser = await aUser(admin, { role: 'company', companyId: company.id });
    const companyApi = await new Api(sys.baseUrl).login(companyUser.username, PASSWORD);
    const officerApi = await new Api(sys.baseUrl).login(officer.username, PASSWORD);
    const filed = await fileHiring(companyApi);
    await eventually(async () => ((await companyApi.request(filed.id)).sla ? true : undefined), 'assignment and deadlines', 30_000);
    await eventually(async () => ((await officerApi.notifications()).items.length > 0 ? true : undefined), 'the notification', 30_000);
    expect((await officerApi.notifications()).items).toHaveLength(1);

    // Deliver every event about this request again (read straight from each producer's outbox) to
    // each of its subscribers, under new job ids, as a relay replaying after a Redis loss would.
    const db = new Client({ connectionString: withDefaultUser(sys.databaseUrl) });
    await db.connect();
    const envelopes: EventEnvelope[] = [];
    for (const source of ['requests', 'assignment', 'sla'] as const) {
      const { rows } = await db.query<{ id: string; name: EventName; payload: EventEnvelope['payload']; occurred_at: Date }>(
        `SELECT id, name, payload, occurred_at FROM "${source}".outbox WHERE payload->>'requestId' = $1`,
        [filed.id],
      );
      envelopes.push(...rows.map((r) => ({ id: r.id, name: r.name, source, occurredAt: r.occurred_at.toISOString(), payload: r.payload })));
    }
    await db.end();
    expect(envelopes.map((e) => e.name)).toEqual(expect.arrayContaining(['request.filed.v1', 'request.assigned.v1', 'sla.targets_set.v1']));
    const copies: Job[] = [];
    const queues = new Map<ServiceName, Queue>();
    for (const e of envelopes) {
      for (const service of EVENT_SUBSCRIBERS[e.name]) {
        if (!queues.has(service))
          queues.set(service, new Queue(INBOX_QUEUES[service], { connection: { url: sys.env.REDIS_URL }, prefix: sys.queuePrefix }));
        copies.push(await queues.get(service)!.add(e.name, e, { ...INBOX_JOB_OPTIONS, jobId: `again-${e.id}` }));
      }
    }
    await eventually(
      async () => ((await Promise.all(copies.map((j) => j.getState()))).every((st) => st === 'completed') ? true : undefined),
      'every subscriber handled the copies',
    );
    await Promise.all([...queues.values()].map((q) => q.close()));
    await new Promise((r) => setTimeout(r, 500));

    const after = await companyApi.request(filed.id);
    expect(after.assignee?.id).toBe(officer.id);
    expect(
      (await companyApi.timeline(filed.id))
        .filter((e) => e.type === 'assigned' || e.type === 'sla_set')
        .map((e) => e.type)
        .sort(),
    ).toEqual(['assigned', 'sla_set']);
    expect((await officerApi.notifications()).items).toHaveLength(1);
  });

  it('an event its handler cannot take fails alone: the events batched with it are handled on their first try', async () => {
    const dept = await aDepartment(admin);
    await aUser(admin, { role: 'officer', departmentId: dept.id, categories: ['hiring'], capacity: 10 });
    const company = await aCompany(admin);
    const companyUser = await aUser(admin, { role: 'company', companyId: company.id });
    const companyApi = await new Api(sys.baseUrl).login(companyUser.username, PASSWORD);
    const inbox = new Queue<InboxJobData>(INBOX_QUEUES.requests, { connection: { url: sys.env.REDIS_URL }, prefix: sys.queuePrefix });
    // The requests service's inbox is held while three filings' assignments and deadlines pile up
    // in it, then a broken event joins them: released together, they share the replicas' batches.
    await inbox.pause();
    let bad: Job<InboxJobData>;
    try {
      const filed = await Promise.all([1, 2, 3].map((i) => fileHiring(companyApi, i)));
      await eventually(async () => {
        const held = (await inbox.getJobs(['waiting'])).flatMap((j) => eventsOf(j.data));
        const about = (name: string): number =>
          held.filter((e) => e.name === name && filed.some((r) => r.id === e.payload.requestId)).length;
        return about('request.assigned.v1') === 3 && about('sla.targets_set.v1') === 3 ? true : undefined;
      }, 'the six events held in the inbox');
      const id = randomUUID();
      const at = new Date().toISOString();
      const broken = { requestId: 'not-a-uuid', policy: 'default', responseDueAt: at, resolutionDueAt: at, state: 'running', at };
      bad = await inbox.add(
        'sla.targets_set.v1',
        { id, name: 'sla.targets_set.v1', source: 'sla', occurredAt: at, payload: broken } as EventEnvelope,
        {
          ...INBOX_JOB_OPTIONS,
          jobId: id,
        },
      );
    } finally {
      await inbox.resume();
    }
    const done = await eventually(async () => {
      const mine = (await companyApi.ok(companyApi.get<Page<RequestView>>('/requests?pageSize=10'), [200])).items;
      return mine.length === 3 && mine.every((r) => r.status === 'assigned' && r.sla?.resolutionDueAt) ? mine : undefined;
    }, 'the three requests assigned with deadlines');
    expect(done).toHaveLength(3);
    // None of the good events failed on the way (a failed try leaves a stack trace on its job) ...
    const about = (j: Job<InboxJobData>): EventEnvelope[] => eventsOf(j.data).filter((e) => done.some((r) => r.id === e.payload.requestId));
    const handled = (await inbox.getJobs(['completed'])).filter((j) => about(j).length > 0);
    expect(handled.flatMap(about)).toHaveLength(6);
    expect(handled.map((j) => j.stacktrace?.length ?? 0).filter((n) => n > 0)).toEqual([]);
    // ... while the broken one failed and waits for its next try.
    const state = await bad!.getState();
    expect(['delayed', 'failed', 'waiting']).toContain(state);
    expect((await inbox.getJob(bad!.id!))?.attemptsMade).toBeGreaterThan(0);
    await bad!.remove().catch(() => undefined);
    await inbox.close();
  });
});
