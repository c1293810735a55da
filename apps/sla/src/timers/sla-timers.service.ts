import { notifyAtCommit } from '@qifu/database';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { RequestFiledV1, RequestPlanSetV1 } from '@qifu/contracts';
import { type OutboxEvent, OutboxPublisher } from '@qifu/messaging';
import { type EntityManager, In, IsNull } from 'typeorm';
import { CalendarsService } from '../calendars/calendars.service';
import { SlaPolicy } from '../policies/policy.entity';
import { PoliciesService } from '../policies/policies.service';
import { planMilestone, planTarget, type PlannedTarget, type PolicyTerms, remainingMillis, shiftedByPause } from './domain/sla-plan';
import { SlaAlert } from './sla-alert.entity';
import { overallState } from './sla-state';
import { SlaTimer } from './sla-timer.entity';

export const SLA_ALERTS_CHANNEL = 'qifu_sla_alerts';

/** The targets that stop while the request awaits the company (the response target does not). */
const PAUSABLE: SlaTimer['target'][] = ['resolution', 'milestone'];

function terms(p: SlaPolicy): PolicyTerms {
  return {
    response: { duration: p.responseDuration, clock: p.responseClock },
    resolution: { duration: p.resolutionDuration, clock: p.resolutionClock },
    warnAt: p.warnAt,
    escalation: p.escalation,
  };
}

/** Starts, stops, pauses and resumes a request's targets; the alert scheduler raises what is due. */
@Injectable()
export class SlaTimersService {
  constructor(
    private readonly policies: PoliciesService,
    private readonly calendars: CalendarsService,
    private readonly outbox: OutboxPublisher,
  ) {}

  /**
   * Filing and assignment events of one request are handled concurrently: both take this lock
   * first, so whichever runs second sees what the first committed (else an assignment handled while
   * the timers were being inserted would be lost).
   */
  private async lockRequest(m: EntityManager, requestId: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('sla-request:' || $1))`, [requestId]);
  }

  async start(m: EntityManager, e: RequestFiledV1): Promise<void> {
    await this.lockRequest(m, e.requestId);
    if (await m.exists(SlaTimer, { where: { requestId: e.requestId } })) return;
    const policy = await this.policies.forRequest(m, e);
    const cal = await this.calendars.get(policy.calendarId, m);
    const filedAt = new Date(e.filedAt);
    const plans = [planTarget(cal, 'response', terms(policy), filedAt), planTarget(cal, 'resolution', terms(policy), filedAt)];
    const assignee = await this.assigneeOf(m, e.requestId);
    await this.insertTimers(
      m,
      e.requestId,
      e.referenceNo,
      policy,
      plans.map((plan) => ({ plan, label: null, extra: { category: e.category, ...assignee } })),
    );
    await notifyAtCommit(m, SLA_ALERTS_CHANNEL);
    await this.outbox.publish(m, 'sla.targets_set.v1', {
      requestId: e.requestId,
      policy: policy.name,
      responseDueAt: plans[0]!.dueAt.toISOString(),
      resolutionDueAt: plans[1]!.dueAt.toISOString(),
      state: 'running',
      at: new Date().toISOString(),
    });
  }

  /**
   * A dated plan (replacing any earlier one): each milestone becomes a timer on the resolution
   * target's calendar and clock, with the policy's warnings and a breach on its date.
   */
  async setPlan(m: EntityManager, e: RequestPlanSetV1): Promise<void> {
    // One locking statement over the request's timers, in id order, as on every other path.
    const all = await m.find(SlaTimer, { where: { requestId: e.requestId }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
    const resolution = all.find((t) => t.target === 'resolution');
    if (!resolution) return;
    const policy = await m.findOne(SlaPolicy, { where: { name: resolution.policyName } });
    const cal = await this.calendars.get(resolution.calendarId, m);
    const old = all.filter((t) => t.target === 'milestone');
    if (old.length > 0) {
      await m.delete(SlaAlert, { timerId: In(old.map((t) => t.id)) });
      await m.delete(SlaTimer, { id: In(old.map((t) => t.id)) });
    }
    const setAt = new Date(e.setAt);
    await this.insertTimers(
      m,
      e.requestId,
      e.referenceNo,
      { name: resolution.policyName, calendarId: resolution.calendarId },
      e.milestones.map((ms) => ({
        plan: planMilestone(cal, resolution.clock, policy?.warnAt ?? [], setAt, new Date(ms.dueAt)),
        label: ms.title,
        extra: {
          assigneeId: resolution.assigneeId,
          supervisorId: resolution.supervisorId,
          category: resolution.category,
          state: resolution.state === 'paused' ? 'paused' : 'running',
          pausedAt: resolution.state === 'paused' ? setAt : null,
        },
      })),
    );
    await notifyAtCommit(m, SLA_ALERTS_CHANNEL);
    await this.publishState(m, e.requestId);
  }

  /** The timers and all their alerts in two statements (filing inserts two timers on every request). */
  private async insertTimers(
    m: EntityManager,
    requestId: string,
    referenceNo: string,
    policy: { name: string; calendarId: string },
    timers: readonly { plan: PlannedTarget; label: string | null; extra: Partial<SlaTimer> }[],
  ): Promise<void> {
    const rows = timers.map(({ plan, label, extra }) => ({
      timer: {
        id: randomUUID(),
        requestId,
        referenceNo,
        target: plan.target,
        label,
        policyName: policy.name,
        calendarId: policy.calendarId,
        clock: plan.clock,
        duration: plan.duration,
        startedAt: plan.startedAt,
        dueAt: plan.dueAt,
        state: 'running' as const,
        pausedAt: null,
        remainingMs: null,
        metAt: null,
        breachedAt: null,
        assigneeId: null,
        supervisorId: null,
        category: null,
        ...extra,
      },
      plan,
    }));
    if (rows.length === 0) return;
    await m.insert(
      SlaTimer,
      rows.map((r) => r.timer),
    );
    const alerts = rows.flatMap(({ timer, plan }) =>
      plan.alerts.map((a) => ({
        id: randomUUID(),
        timerId: timer.id,
        requestId,
        kind: a.kind,
        level: a.level,
        fraction: a.fraction,
        notify: a.notify,
        fireAt: a.fireAt,
        raisedAt: null,
        cancelledAt: null,
        late: false,
        queuedEpoch: null,
      })),
    );
    if (alerts.length > 0) await m.insert(SlaAlert, alerts);
  }

  /** The target was reached in time (or late: a breached target stays breached). Its pending alerts are cancelled. */
  async meet(m: EntityManager, requestId: string, target: 'response' | 'resolution', at: Date): Promise<void> {
    // Resolving the case also reaches every milestone of its plan that is still open.
    const targets: SlaTimer['target'][] = target === 'resolution' ? ['resolution', 'milestone'] : ['response'];
    const timers = await m.find(SlaTimer, {
      where: { requestId, target: In(targets) },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    const open = timers.filter((t) => t.state !== 'met');
    if (open.length === 0) return;
    for (const timer of open) {
      if (timer.state !== 'breached') {
        await m.update(SlaTimer, { id: timer.id }, { state: 'met', metAt: at, pausedAt: null, remainingMs: null });
      }
    }
    await this.cancelPending(
      m,
      open.map((t) => t.id),
      at,
    );
    await this.publishState(m, requestId);
  }

  /** Closed or cancelled: nothing more will be raised for this request. */
  async stopAll(m: EntityManager, requestId: string, at: Date): Promise<void> {
    const timers = await m.find(SlaTimer, { where: { requestId }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
    await this.cancelPending(
      m,
      timers.map((t) => t.id),
      at,
    );
  }

  /** Awaiting the company: the resolution target and the plan's milestones stop counting (the scheduler skips paused timers). */
  async pause(m: EntityManager, requestId: string, at: Date): Promise<void> {
    const timers = await m.find(SlaTimer, {
      where: { requestId, target: In(PAUSABLE), state: 'running' },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    for (const timer of timers) {
      const left = remainingMillis(await this.calendars.get(timer.calendarId, m), timer.clock, at, timer.dueAt);
      await m.update(SlaTimer, { id: timer.id }, { state: 'paused', pausedAt: at, remainingMs: String(left) });
    }
    if (timers.length > 0) await this.publishState(m, requestId);
  }

  /** Resumes with the time that was left: each deadline and every pending alert move by the pause. */
  async resume(m: EntityManager, requestId: string, at: Date): Promise<void> {
    const timers = await m.find(SlaTimer, {
      where: { requestId, target: In(PAUSABLE), state: 'paused' },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    for (const timer of timers) {
      const pausedAt = timer.pausedAt;
      if (!pausedAt) continue;
      const cal = await this.calendars.get(timer.calendarId, m);
      const shift = (d: Date): Date => shiftedByPause(cal, timer.clock, pausedAt, at, d);
      const pending = await m.find(SlaAlert, { where: { timerId: timer.id, raisedAt: IsNull(), cancelledAt: IsNull() } });
      for (const alert of pending) {
        if (alert.fireAt) await m.update(SlaAlert, { id: alert.id }, { fireAt: shift(alert.fireAt), queuedEpoch: null });
      }
      await m.update(SlaTimer, { id: timer.id }, { state: 'running', dueAt: shift(timer.dueAt), pausedAt: null, remainingMs: null });
    }
    if (timers.length === 0) return;
    await notifyAtCommit(m, SLA_ALERTS_CHANNEL);
    await this.publishState(m, requestId);
  }

  /**
   * Remembers the latest assignment (an older event delivered late changes nothing) and names it on
   * the request's timers. It may arrive before the filing: start() then reads it from the table.
   */
  async setAssignee(m: EntityManager, requestId: string, assigneeId: string, supervisorId: string | null, at: Date): Promise<void> {
    await this.lockRequest(m, requestId);
    const rows = (await m.query(
      `INSERT INTO assignees (request_id, assignee_id, supervisor_id, assigned_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (request_id) DO UPDATE SET assignee_id = EXCLUDED.assignee_id, supervisor_id = EXCLUDED.supervisor_id,
         assigned_at = EXCLUDED.assigned_at
       WHERE assignees.assigned_at <= EXCLUDED.assigned_at
       RETURNING request_id`,
      [requestId, assigneeId, supervisorId, at],
    )) as unknown[];
    if (rows.length > 0) await m.update(SlaTimer, { requestId }, { assigneeId, supervisorId });
  }

  private async assigneeOf(m: EntityManager, requestId: string): Promise<Pick<SlaTimer, 'assigneeId' | 'supervisorId'>> {
    const [row] = (await m.query('SELECT assignee_id, supervisor_id FROM assignees WHERE request_id = $1', [requestId])) as {
      assignee_id: string;
      supervisor_id: string | null;
    }[];
    return { assigneeId: row?.assignee_id ?? null, supervisorId: row?.supervisor_id ?? null };
  }

  private async cancelPending(m: EntityManager, timerIds: string[], at: Date): Promise<void> {
    if (timerIds.length === 0) return;
    await m.update(SlaAlert, { timerId: In(timerIds), raisedAt: IsNull(), cancelledAt: IsNull() }, { cancelledAt: at });
  }

  async publishState(m: EntityManager, requestId: string): Promise<void> {
    await this.outbox.publishMany(m, await this.stateEvents(m, [requestId]));
  }

  /** The `sla.state_changed.v1` event of each request: two queries whatever the number of requests. */
  async stateEvents(m: EntityManager, requestIds: readonly string[]): Promise<OutboxEvent[]> {
    if (requestIds.length === 0) return [];
    const timers = await m.find(SlaTimer, { where: { requestId: In([...requestIds]) } });
    const levels = (await m.query(
      `SELECT request_id, count(*)::int AS n FROM alerts
        WHERE request_id = ANY($1::uuid[]) AND kind = 'escalation' AND raised_at IS NOT NULL GROUP BY request_id`,
      [requestIds],
    )) as { request_id: string; n: number }[];
    const at = new Date().toISOString();
    return requestIds.map((requestId) => {
      const mine = timers.filter((t) => t.requestId === requestId);
      return {
        name: 'sla.state_changed.v1',
        payload: {
          requestId,
          state: overallState(mine),
          responseDueAt: mine.find((t) => t.target === 'response')?.dueAt.toISOString() ?? null,
          resolutionDueAt: mine.find((t) => t.target === 'resolution')?.dueAt.toISOString() ?? null,
          escalationLevel: levels.find((l) => l.request_id === requestId)?.n ?? 0,
          at,
        },
      };
    });
  }
}
