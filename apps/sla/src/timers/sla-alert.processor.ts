import { Injectable } from '@nestjs/common';
import type { SlaAlertV1 } from '@qifu/contracts';
import { type OutboxEvent, OutboxPublisher } from '@qifu/messaging';
import { DataSource, type EntityManager, In } from 'typeorm';
import { SlaAlert } from './sla-alert.entity';
import { SlaTimer } from './sla-timer.entity';
import { SlaTimersService } from './sla-timers.service';

/** A raise more than this long after its instant is flagged late (API.md: within 1 second). */
export const LATE_AFTER_MS = 1_000;

export interface AlertJob {
  alertId: string;
  /** The instant the job was queued for (ms); a moved alert (resumed) is carried by a newer job. */
  fireAt: number;
}

export type RaiseResult =
  | { outcome: 'raised'; kind: SlaAlert['kind']; target: SlaTimer['target']; category: string | null; lateMs: number; late: boolean }
  | { outcome: 'skipped' | 'early' };

const SKIPPED: RaiseResult = { outcome: 'skipped' };

type Assignee = { assigneeId: string; supervisorId: string | null };

/**
 * Raises alerts exactly once, many per transaction: the timers are locked first (in id order, as
 * on every other path: meet, pause, resume, stop and plan replacement lock timers, then write their
 * alerts; the other order deadlocks), then the alerts. Whoever sets raised_at first writes the
 * events to the outbox in the same transaction; every later attempt sees the alert raised.
 */
@Injectable()
export class SlaAlertProcessor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    private readonly timers: SlaTimersService,
  ) {}

  async raise(alertId: string, expectedFireAt: number, at?: Date): Promise<RaiseResult> {
    const [result] = await this.raiseMany([{ alertId, fireAt: expectedFireAt }], at);
    return result ?? SKIPPED;
  }

  /**
   * One result per job, in order. The raise instant is read once the rows are locked (a batch may
   * wait for a connection or a lock), unless `at` fixes it.
   */
  async raiseMany(jobs: readonly AlertJob[], at?: Date): Promise<RaiseResult[]> {
    const ids = [...new Set(jobs.map((j) => j.alertId))];
    return this.dataSource.transaction(async (m) => {
      const peek = await m.find(SlaAlert, { select: { id: true, timerId: true }, where: { id: In(ids) } });
      if (peek.length === 0) return jobs.map(() => SKIPPED);
      const timerIds = [...new Set(peek.map((a) => a.timerId))];
      const timers = new Map(
        (await m.find(SlaTimer, { where: { id: In(timerIds) }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } })).map((t) => [
          t.id,
          t,
        ]),
      );
      const alerts = new Map(
        (await m.find(SlaAlert, { where: { id: In(ids) }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } })).map((a) => [
          a.id,
          a,
        ]),
      );
      const now = at ?? new Date();

      const results: RaiseResult[] = [];
      const raised: { alert: SlaAlert; timer: SlaTimer; late: boolean }[] = [];
      const done = new Set<string>();
      for (const job of jobs) {
        const alert = alerts.get(job.alertId);
        const timer = alert ? timers.get(alert.timerId) : undefined;
        if (!alert || !timer || done.has(alert.id) || alert.raisedAt || alert.cancelledAt || !alert.fireAt) {
          results.push(SKIPPED);
        } else if (alert.fireAt.getTime() !== job.fireAt) {
          results.push(SKIPPED); // moved (resumed): a newer job carries it
        } else if (alert.fireAt.getTime() > now.getTime()) {
          results.push({ outcome: 'early' });
        } else if (timer.state === 'paused' || timer.state === 'met') {
          results.push(SKIPPED);
        } else {
          const lateMs = now.getTime() - alert.fireAt.getTime();
          const late = lateMs > LATE_AFTER_MS;
          done.add(alert.id);
          raised.push({ alert, timer, late });
          results.push({ outcome: 'raised', kind: alert.kind, target: timer.target, category: timer.category, lateMs, late });
        }
      }
      if (raised.length === 0) return results;

      await m.query(
        `UPDATE alerts a SET raised_at = $1, late = v.late FROM unnest($2::uuid[], $3::boolean[]) AS v(id, late) WHERE a.id = v.id`,
        [now, raised.map((r) => r.alert.id), raised.map((r) => r.late)],
      );
      const breachedTimers = raised.filter((r) => r.alert.kind === 'breach').map((r) => r.timer.id);
      if (breachedTimers.length > 0) await m.update(SlaTimer, { id: In(breachedTimers) }, { state: 'breached', breachedAt: now });

      const assignees = await this.assigneesOf(m, [...new Set(raised.map((r) => r.timer.requestId))]);
      const events: OutboxEvent[] = raised.map(({ alert, timer, late }) => {
        const who = assignees.get(timer.requestId);
        const base: SlaAlertV1 = {
          alertId: alert.id,
          requestId: timer.requestId,
          referenceNo: timer.referenceNo,
          target: timer.target,
          label: timer.label,
          dueAt: timer.dueAt.toISOString(),
          raisedAt: now.toISOString(),
          late,
          assigneeId: who?.assigneeId ?? null,
          supervisorId: who?.supervisorId ?? null,
        };
        if (alert.kind === 'warning') return { name: 'sla.warning.v1', payload: { ...base, fraction: alert.fraction ?? 0 } };
        if (alert.kind === 'breach') return { name: 'sla.breached.v1', payload: base };
        return { name: 'sla.escalated.v1', payload: { ...base, level: alert.level, notify: alert.notify ?? 'supervisor' } };
      });
      // A breach or an escalation changes the request's sla block (state, escalation level).
      const changed = [...new Set(raised.filter((r) => r.alert.kind !== 'warning').map((r) => r.timer.requestId))];
      events.push(...(await this.timers.stateEvents(m, changed)));
      await this.outbox.publishMany(m, events, now);
      return results;
    });
  }

  /** Who handles each request now (the latest assignment the sla service heard of); none before the first. */
  private async assigneesOf(m: EntityManager, requestIds: readonly string[]): Promise<Map<string, Assignee>> {
    const rows = (await m.query('SELECT request_id, assignee_id, supervisor_id FROM assignees WHERE request_id = ANY($1::uuid[])', [
      requestIds,
    ])) as { request_id: string; assignee_id: string; supervisor_id: string | null }[];
    return new Map(rows.map((r) => [r.request_id, { assigneeId: r.assignee_id, supervisorId: r.supervisor_id }]));
  }
}
