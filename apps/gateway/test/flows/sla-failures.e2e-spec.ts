import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NotificationView, Page, RequestView } from '@qifu/contracts';
import { withDefaultUser } from '@qifu/database';
import { createRedis } from '@qifu/messaging';
import { eventually, loseRedisData, TEST_REDIS_URL } from '@qifu/testing';
import { Client } from 'pg';
import { Api } from '../support/api';
import { aZone, fileHiring, type Zone } from '../support/fixtures';
import { builtMain, ServiceProcess } from '../support/service-process';
import { TestSystem } from '../support/system';

jest.setTimeout(180_000);

/**
 * Timers that never miss (issue #5): the sla service runs as its own processes from dist/, so it
 * can be killed like a crash; Redis loses the suite's keys mid-run; two sla replicas run at once.
 * Each request gets five alerts on the calendar clock: response warning (2.5 s) and breach (5 s),
 * resolution warning (4.5 s) and breach (9 s), one escalation 2 s after that.
 */
const POLICY = {
  match: {},
  calendarId: 'cn-default',
  response: { duration: 'PT5S', clock: 'calendar' },
  resolution: { duration: 'PT9S', clock: 'calendar' },
  warnAt: [0.5],
  escalation: [{ after: 'PT2S', notify: 'supervisor' }],
};
const ALERTS_PER_REQUEST = 5;

interface AlertRow {
  id: string;
  request_id: string;
  kind: string;
  fire_at: Date;
  raised_at: Date | null;
  cancelled_at: Date | null;
  late: boolean;
}

describe('SLA timers through failure', () => {
  let sys: TestSystem;
  let admin: Api;
  let z: Zone;
  let db: Client;
  const procs: ServiceProcess[] = [];

  beforeAll(async () => {
    if (!existsSync(builtMain('sla')))
      execFileSync('npm', ['run', 'build:api'], { cwd: join(__dirname, '..', '..', '..', '..'), stdio: 'inherit' });
    sys = await TestSystem.start({
      label: 'slafail',
      replicas: { sla: 0 },
      env: { SLA_METRICS_PUSH_MS: '1000', SLA_RETRY_AFTER_SECONDS: '2' },
    });
    procs.push(await ServiceProcess.start('sla', sys.env));
    admin = await new Api(sys.baseUrl).login('admin', 'admin');
    expect((await admin.call('PUT', '/sla/policies/default', POLICY)).status).toBe(200);
    z = await aZone(admin, { capacity: 100 });
    db = new Client({ connectionString: withDefaultUser(sys.databaseUrl) });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    for (const p of procs) await p.kill();
    await sys?.stop();
  });

  async function alertsOf(ids: string[]): Promise<AlertRow[]> {
    const res = await db.query<AlertRow>(
      'SELECT id, request_id, kind, fire_at, raised_at, cancelled_at, late FROM sla.alerts WHERE request_id = ANY($1::uuid[])',
      [ids],
    );
    return res.rows;
  }

  /** How many events the sla service wrote for each alert (raising twice would write two). */
  async function eventsPerAlert(ids: string[]): Promise<Map<string, number>> {
    const res = await db.query<{ id: string; n: number }>(
      `SELECT payload->>'alertId' AS id, count(*)::int AS n FROM sla.outbox
        WHERE name IN ('sla.warning.v1', 'sla.breached.v1', 'sla.escalated.v1') AND payload->>'requestId' = ANY($1::text[])
        GROUP BY 1`,
      [ids],
    );
    return new Map(res.rows.map((r) => [r.id, r.n]));
  }

  async function fileWithTimers(n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push((await fileHiring(z.companyApi, 5)).id);
    await eventually(async () => ((await alertsOf(ids)).length === n * ALERTS_PER_REQUEST ? true : undefined), 'timers stored', 20_000);
    // The sla service knows the assignee and supervisor (alerts name them as recipients).
    await eventually(
      async () => {
        const res = await db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM sla.assignees WHERE request_id = ANY($1::uuid[]) AND supervisor_id IS NOT NULL',
          [ids],
        );
        return res.rows[0]?.n === n ? true : undefined;
      },
      'assignment known to the sla service',
      20_000,
    );
    return ids;
  }

  async function allSettled(ids: string[], what: string): Promise<AlertRow[]> {
    return eventually(
      async () => {
        const rows = await alertsOf(ids);
        return rows.every((a) => a.raised_at || a.cancelled_at) ? rows : undefined;
      },
      what,
      45_000,
      200,
    );
  }

  async function expectEachRaisedOnce(ids: string[], rows: AlertRow[]): Promise<void> {
    const events = await eventsPerAlert(ids);
    for (const a of rows) expect([a.kind, events.get(a.id) ?? 0]).toEqual([a.kind, a.raised_at ? 1 : 0]);
  }

  async function metricsText(): Promise<string> {
    return (await fetch(`${sys.baseUrl}/metrics`)).text();
  }

  it('runs at nice 10 (every thread) by default, so under load it yields the CPU to filing and assignment', () => {
    const nice = procs[0]!.threadNiceValues();
    expect(nice.length).toBeGreaterThan(1);
    expect(new Set(nice)).toEqual(new Set([10]));
  });

  it('sla killed with SIGKILL: instants that passed while it was down are raised at once on start, flagged late, once', async () => {
    const ids = await fileWithTimers(3);
    const killedAt = Date.now();
    await procs[0]!.kill();
    // With no replica publishing, /metrics says so (operators alert on it).
    await eventually(
      async () => ((await metricsText()).includes('qifu_sla_metrics_replicas 0') ? true : undefined),
      'no replica reporting',
    );
    const lastInstant = Math.max(...(await alertsOf(ids)).map((a) => a.fire_at.getTime()));
    await new Promise((r) => setTimeout(r, Math.max(lastInstant + 1_000 - Date.now(), 0)));

    procs[0] = await ServiceProcess.start('sla', sys.env);
    const startedAt = Date.now();
    const rows = await allSettled(ids, 'every alert raised after the restart');
    const whileDown = rows.filter((a) => a.raised_at!.getTime() > killedAt);
    expect(whileDown.length).toBeGreaterThan(0);
    for (const a of whileDown) {
      expect(a.late).toBe(true);
      expect(a.raised_at!.getTime() - startedAt).toBeLessThan(5_000);
    }
    expect(rows.every((a) => a.raised_at !== null)).toBe(true);
    await expectEachRaisedOnce(ids, rows);
    // The supervisor hears of each escalation exactly once.
    const notes = await eventually(async () => {
      const page = await z.supervisor.ok(z.supervisor.get<Page<NotificationView>>('/notifications?pageSize=100'), [200]);
      const esc = page.items.filter((n) => n.type === 'sla.escalated' && ids.includes(n.requestId ?? ''));
      return esc.length >= ids.length ? esc : undefined;
    }, 'escalation notifications');
    expect(notes.map((n) => n.requestId).sort()).toEqual([...ids].sort());
    // Metrics are back: lateness observed, breaches counted by category, no due alert left behind.
    const text = await eventually(async () => {
      const t = await metricsText();
      return t.includes('qifu_sla_metrics_replicas 1') && t.includes('qifu_sla_breaches_total{') ? t : undefined;
    }, 'SLA metrics after the restart');
    expect(text).toMatch(/qifu_sla_breaches_total\{category="hiring",target="resolution"\} [1-9]/);
    expect(text).toMatch(/qifu_sla_alert_lateness_seconds_count\{kind="breach"\} [1-9]/);
    expect(text).toMatch(/qifu_sla_oldest_due_unraised_seconds 0/);
    expect(text).toMatch(/qifu_sla_open_timers\{state="running",target="resolution"\} \d+/);
  });

  it("Redis loses the suite's keys mid-run: reconciliation raises every alert still due, none twice", async () => {
    const ids = await fileWithTimers(3);
    // Let the first warnings be raised, then wipe every key of this installation's prefix.
    await eventually(async () => ((await alertsOf(ids)).some((a) => a.raised_at) ? true : undefined), 'a first warning', 20_000);
    expect(await loseRedisData(sys.queuePrefix)).toBeGreaterThan(0);
    const rows = await allSettled(ids, 'every alert raised after the flush');
    expect(rows.every((a) => a.raised_at !== null)).toBe(true);
    await expectEachRaisedOnce(ids, rows);
  });

  it('a job lost from Redis while its epoch marker stays: the overdue safety net raises the alert, once', async () => {
    const ids = await fileWithTimers(2);
    await eventually(
      async () => {
        const res = await db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM sla.alerts WHERE request_id = ANY($1::uuid[]) AND queued_epoch IS NULL',
          [ids],
        );
        return res.rows[0]?.n === 0 ? true : undefined;
      },
      'every alert queued',
      20_000,
    );
    // Only the timer queue goes: the sweep still believes every alert is queued.
    const redis = createRedis(TEST_REDIS_URL);
    try {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${sys.queuePrefix}:sla-alerts:*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length > 0) await redis.del(...keys);
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
    const rows = await allSettled(ids, 'every alert raised by the safety net');
    expect(rows.every((a) => a.raised_at !== null)).toBe(true);
    await expectEachRaisedOnce(ids, rows);
  });

  it('two sla replicas at once, with cases accepted and resolved while alerts fire: each alert exactly once, no deadlock', async () => {
    procs.push(await ServiceProcess.start('sla', sys.env));
    const ids = await fileWithTimers(10);
    // Half of them are accepted and resolved around the response deadline, racing the alerts.
    for (const id of ids.slice(0, 5)) {
      await z.officer.ok(z.officer.post<RequestView>(`/requests/${id}/accept`), [200]);
      await z.officer.ok(z.officer.post<RequestView>(`/requests/${id}/resolve`, { resolution: '已解决 solved' }), [200]);
    }
    const rows = await allSettled(ids, 'every alert raised or cancelled');
    await expectEachRaisedOnce(ids, rows);
    for (const a of rows.filter((r) => ids.slice(5).includes(r.request_id))) expect(a.raised_at).not.toBeNull();
    for (const p of procs) expect(p.log).not.toMatch(/deadlock/i);
  });
});
