import { notifyAtCommit } from '@qifu/database';
import { Injectable } from '@nestjs/common';
import type { RequestPlanSetV1 } from '@qifu/contracts';
import { type OutboxEvent, OutboxPublisher } from '@qifu/messaging';
import { type EntityManager, In, IsNull } from 'typeorm';
import { CalendarsService } from '../calendars/calendars.service';
import { SlaPolicy } from '../policies/policy.entity';
import { planMilestone, remainingMillis, shiftedByPause } from './domain/sla-plan';
import { SlaAlert } from './sla-alert.entity';
import { overallState } from './sla-state';
import { SlaTimer } from './sla-timer.entity';
import { insertTimers } from './timer-rows';

export const SLA_ALERTS_CHANNEL = 'qifu_sla_alerts';

/** The targets that stop while the request awaits the company (the response target does not). */
const PAUSABLE: SlaTimer['target'][] = ['resolution', 'milestone'];

/** Stops, pauses, resumes and re-plans a request's targets (SlaIntakeService starts them); the alert scheduler raises what is due. */
@Injectable()
export class SlaTimersService {
  constructor(
    private readonly calendars: CalendarsService,
    private readonly outbox: OutboxPublisher,
  ) {}

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
    await insertTimers(
      m,
      e.milestones.map((ms) => ({
        requestId: e.requestId,
        referenceNo: e.referenceNo,
        policy: { name: resolution.policyName, calendarId: resolution.calendarId },
        plan: planMilestone(cal, resolution.clock, policy?.warnAt ?? [], setAt, new Date(ms.dueAt)),
        label: ms.title,
        extra: {
          category: resolution.category,
          state: resolution.state === 'paused' ? 'paused' : 'running',
          pausedAt: resolution.state === 'paused' ? setAt : null,
        },
      })),
    );
    await notifyAtCommit(m, SLA_ALERTS_CHANNEL);
    await this.publishState(m, e.requestId);
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
      `SELECT t.request_id, count(*)::int AS n FROM timers t JOIN alerts a ON a.timer_id = t.id
        WHERE t.request_id = ANY($1::uuid[]) AND a.kind = 'escalation' AND a.raised_at IS NOT NULL GROUP BY t.request_id`,
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
