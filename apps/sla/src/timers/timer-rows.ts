import { type InsertPart, insertManyTogether } from '@qifu/database';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { SlaPolicy } from '../policies/policy.entity';
import type { PlannedTarget, PolicyTerms } from './domain/sla-plan';
import { SlaAlert } from './sla-alert.entity';
import { SlaTimer } from './sla-timer.entity';

/** A policy's targets as the planner reads them. */
export function terms(p: SlaPolicy): PolicyTerms {
  return {
    response: { duration: p.responseDuration, clock: p.responseClock },
    resolution: { duration: p.resolutionDuration, clock: p.resolutionClock },
    warnAt: p.warnAt,
    escalation: p.escalation,
  };
}

/** One timer to insert: the request, the policy it runs under, its plan and what else the row holds. */
export interface NewTimer {
  requestId: string;
  referenceNo: string;
  policy: { name: string; calendarId: string };
  plan: PlannedTarget;
  label: string | null;
  extra: Partial<SlaTimer>;
}

/**
 * The timers and all their alerts in one statement, for one request or a batch of them, with `also`
 * (the events that announce them) in the same statement. An alert starts pending: its raise,
 * cancellation and queue marks take the table's defaults.
 */
export async function insertTimers(m: EntityManager, timers: readonly NewTimer[], also: readonly InsertPart[] = []): Promise<void> {
  if (timers.length === 0) return;
  const rows = timers.map(({ requestId, referenceNo, policy, plan, label, extra }) => ({
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
      category: null,
      ...extra,
    },
    plan,
  }));
  const alerts = rows.flatMap(({ timer, plan }) =>
    plan.alerts.map((a) => ({
      id: randomUUID(),
      timerId: timer.id,
      requestId: timer.requestId,
      kind: a.kind,
      level: a.level,
      fraction: a.fraction,
      notify: a.notify,
      fireAt: a.fireAt,
    })),
  );
  await insertManyTogether(m, [{ target: SlaTimer, rows: rows.map((r) => r.timer) }, { target: SlaAlert, rows: alerts }, ...also]);
}
