import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { RequestFiledV1 } from '@qifu/contracts';
import { OutboxPublisher } from '@qifu/messaging';
import { type EntityManager, In, IsNull, Not } from 'typeorm';
import { CalendarsService } from '../calendars/calendars.service';
import type { SlaPolicy } from '../policies/policy.entity';
import { PoliciesService } from '../policies/policies.service';
import { planTarget, remainingMillis, shiftedByPause, type PolicyTerms } from './domain/sla-plan';
import { SlaAlert } from './sla-alert.entity';
import { overallState } from './sla-state';
import { SlaTimer } from './sla-timer.entity';

export const SLA_ALERTS_CHANNEL = 'qifu_sla_alerts';

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

  async start(m: EntityManager, e: RequestFiledV1): Promise<void> {
    if (await m.exists(SlaTimer, { where: { requestId: e.requestId } })) return;
    const policy = await this.policies.forRequest(m, e);
    const cal = this.calendars.get(policy.calendarId);
    const filedAt = new Date(e.filedAt);
    const plans = [planTarget(cal, 'response', terms(policy), filedAt), planTarget(cal, 'resolution', terms(policy), filedAt)];
    for (const plan of plans) {
      const timerId = randomUUID();
      await m.insert(SlaTimer, {
        id: timerId,
        requestId: e.requestId,
        referenceNo: e.referenceNo,
        target: plan.target,
        policyName: policy.name,
        calendarId: policy.calendarId,
        clock: plan.clock,
        duration: plan.duration,
        startedAt: plan.startedAt,
        dueAt: plan.dueAt,
        state: 'running',
        pausedAt: null,
        remainingMs: null,
        metAt: null,
        breachedAt: null,
        assigneeId: null,
        supervisorId: null,
      });
      await m.insert(
        SlaAlert,
        plan.alerts.map((a) => ({
          id: randomUUID(),
          timerId,
          requestId: e.requestId,
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
    }
    await m.query('SELECT pg_notify($1, $2)', [SLA_ALERTS_CHANNEL, e.requestId]);
    await this.outbox.publish(m, 'sla.targets_set.v1', {
      requestId: e.requestId,
      policy: policy.name,
      responseDueAt: plans[0]!.dueAt.toISOString(),
      resolutionDueAt: plans[1]!.dueAt.toISOString(),
      state: 'running',
      at: new Date().toISOString(),
    });
  }

  /** The target was reached in time (or late: a breached target stays breached). Its pending alerts are cancelled. */
  async meet(m: EntityManager, requestId: string, target: 'response' | 'resolution', at: Date): Promise<void> {
    const timer = await m.findOne(SlaTimer, { where: { requestId, target }, lock: { mode: 'pessimistic_write' } });
    if (!timer || timer.state === 'met') return;
    if (timer.state !== 'breached')
      await m.update(SlaTimer, { id: timer.id }, { state: 'met', metAt: at, pausedAt: null, remainingMs: null });
    await this.cancelPending(m, [timer.id], at);
    await this.publishState(m, requestId);
  }

  /** Closed or cancelled: nothing more will be raised for this request. */
  async stopAll(m: EntityManager, requestId: string, at: Date): Promise<void> {
    const timers = await m.find(SlaTimer, { where: { requestId }, lock: { mode: 'pessimistic_write' } });
    await this.cancelPending(
      m,
      timers.map((t) => t.id),
      at,
    );
  }

  /** Awaiting the company: the resolution target stops counting; its alerts wait (the scheduler skips paused timers). */
  async pause(m: EntityManager, requestId: string, at: Date): Promise<void> {
    const timer = await m.findOne(SlaTimer, { where: { requestId, target: 'resolution' }, lock: { mode: 'pessimistic_write' } });
    if (!timer || timer.state !== 'running') return;
    const cal = this.calendars.get(timer.calendarId);
    const left = remainingMillis(cal, timer.clock, at, timer.dueAt);
    await m.update(SlaTimer, { id: timer.id }, { state: 'paused', pausedAt: at, remainingMs: String(left) });
    await this.publishState(m, requestId);
  }

  /** Resumes with the time that was left: the deadline and every pending alert move by the pause. */
  async resume(m: EntityManager, requestId: string, at: Date): Promise<void> {
    const timer = await m.findOne(SlaTimer, { where: { requestId, target: 'resolution' }, lock: { mode: 'pessimistic_write' } });
    if (!timer || timer.state !== 'paused' || !timer.pausedAt) return;
    const pausedAt = timer.pausedAt;
    const cal = this.calendars.get(timer.calendarId);
    const shift = (d: Date): Date => shiftedByPause(cal, timer.clock, pausedAt, at, d);
    const pending = await m.find(SlaAlert, { where: { timerId: timer.id, raisedAt: IsNull(), cancelledAt: IsNull() } });
    for (const alert of pending) {
      if (alert.fireAt) await m.update(SlaAlert, { id: alert.id }, { fireAt: shift(alert.fireAt), queuedEpoch: null });
    }
    await m.update(SlaTimer, { id: timer.id }, { state: 'running', dueAt: shift(timer.dueAt), pausedAt: null, remainingMs: null });
    await m.query('SELECT pg_notify($1, $2)', [SLA_ALERTS_CHANNEL, requestId]);
    await this.publishState(m, requestId);
  }

  async setAssignee(m: EntityManager, requestId: string, assigneeId: string, supervisorId: string | null): Promise<void> {
    await m.update(SlaTimer, { requestId }, { assigneeId, supervisorId });
  }

  private async cancelPending(m: EntityManager, timerIds: string[], at: Date): Promise<void> {
    if (timerIds.length === 0) return;
    await m.update(SlaAlert, { timerId: In(timerIds), raisedAt: IsNull(), cancelledAt: IsNull() }, { cancelledAt: at });
  }

  async publishState(m: EntityManager, requestId: string): Promise<void> {
    const timers = await m.find(SlaTimer, { where: { requestId } });
    const escalations = await m.count(SlaAlert, { where: { requestId, kind: 'escalation', raisedAt: Not(IsNull()) } });
    await this.outbox.publish(m, 'sla.state_changed.v1', {
      requestId,
      state: overallState(timers),
      responseDueAt: timers.find((t) => t.target === 'response')?.dueAt.toISOString() ?? null,
      resolutionDueAt: timers.find((t) => t.target === 'resolution')?.dueAt.toISOString() ?? null,
      escalationLevel: escalations,
      at: new Date().toISOString(),
    });
  }
}
