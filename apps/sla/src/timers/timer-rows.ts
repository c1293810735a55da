import { insertMany } from '@qifu/database';
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

/** The timers and all their alerts in two statements, for one request or a batch of them. */
export async function insertTimers(m: EntityManager, timers: readonly NewTimer[]): Promise<void> {
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
  await insertMany(
    m,
    SlaTimer,
    rows.map((r) => r.timer),
  );
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
      raisedAt: null,
      cancelledAt: null,
      late: false,
      queuedEpoch: null,
    })),
  );
  await insertMany(m, SlaAlert, alerts);
}
