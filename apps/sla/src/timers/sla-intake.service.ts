import { Inject, Injectable } from '@nestjs/common';
import type { WorkingCalendar } from '@qifu/calendar';
import type { RequestAssignedV1, RequestFiledV1 } from '@qifu/contracts';
import { notifyAtCommit, preparedQuery } from '@qifu/database';
import { type OutboxEvent, OutboxMessage, OutboxPublisher } from '@qifu/messaging';
import type { EntityManager } from 'typeorm';
import { CalendarsService } from '../calendars/calendars.service';
import type { SlaConfig } from '../config/sla.config';
import { SLA_CONFIG } from '../config/sla.tokens';
import { PoliciesService } from '../policies/policies.service';
import { firesWithin, planTarget } from './domain/sla-plan';
import { SLA_ALERTS_CHANNEL } from './sla-timers.service';
import { insertTimers, type NewTimer, terms } from './timer-rows';

/**
 * What every filing brings to the SLA service, handled a batch at a time (inbox batches): the
 * request's response and resolution targets, and who is assigned to it. A handful of statements per
 * batch, whatever its size.
 */
@Injectable()
export class SlaIntakeService {
  constructor(
    private readonly policies: PoliciesService,
    private readonly calendars: CalendarsService,
    private readonly outbox: OutboxPublisher,
    @Inject(SLA_CONFIG) private readonly config: SlaConfig,
  ) {}

  /** Starts the targets of newly filed requests (a request already started is skipped) and tells the requests service the deadlines. */
  async start(m: EntityManager, filed: readonly RequestFiledV1[]): Promise<void> {
    const ids = filed.map((e) => e.requestId);
    const started = (await preparedQuery(m, 'SELECT DISTINCT request_id FROM timers WHERE request_id = ANY($1::uuid[])', [ids])) as {
      request_id: string;
    }[];
    const done = new Set(started.map((r) => r.request_id));
    const todo = filed.filter((e) => !done.has(e.requestId));
    if (todo.length === 0) return;
    const policies = await this.policies.forRequests(m, todo);
    const calendars = new Map<string, WorkingCalendar>();
    const timers: NewTimer[] = [];
    const events: OutboxEvent[] = [];
    for (const [i, e] of todo.entries()) {
      const policy = policies[i]!;
      let cal = calendars.get(policy.calendarId);
      if (!cal) calendars.set(policy.calendarId, (cal = await this.calendars.get(policy.calendarId, m)));
      const filedAt = new Date(e.filedAt);
      const [response, resolution] = [
        planTarget(cal, 'response', terms(policy), filedAt),
        planTarget(cal, 'resolution', terms(policy), filedAt),
      ];
      const extra = { category: e.category };
      for (const plan of [response, resolution])
        timers.push({ requestId: e.requestId, referenceNo: e.referenceNo, policy, plan, label: null, extra });
      events.push({
        name: 'sla.targets_set.v1',
        payload: {
          requestId: e.requestId,
          policy: policy.name,
          responseDueAt: response.dueAt.toISOString(),
          resolutionDueAt: resolution.dueAt.toISOString(),
          state: 'running',
          at: new Date().toISOString(),
        },
      });
    }
    // The timers, their alerts and the events that announce the deadlines: one statement.
    await insertTimers(m, timers, [{ target: OutboxMessage, rows: this.outbox.rowsFor(m, events) }]);
    // The scheduler sweeps at once only for an alert inside its window; later ones wait for its periodic sweep.
    const plans = timers.map((t) => t.plan);
    if (firesWithin(plans, new Date(), this.config.SLA_WINDOW_SECONDS * 1000)) await notifyAtCommit(m, SLA_ALERTS_CHANNEL);
  }

  /**
   * Remembers each request's latest assignment (an older event delivered late changes nothing); an
   * alert names whoever is here when it is raised. It may arrive before the filing: nothing else
   * depends on the order.
   */
  async setAssignees(m: EntityManager, assigned: readonly RequestAssignedV1[]): Promise<void> {
    await preparedQuery(
      m,
      `INSERT INTO assignees (request_id, assignee_id, supervisor_id, assigned_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::timestamptz[])
       ON CONFLICT (request_id) DO UPDATE SET assignee_id = EXCLUDED.assignee_id, supervisor_id = EXCLUDED.supervisor_id,
         assigned_at = EXCLUDED.assigned_at
       WHERE assignees.assigned_at <= EXCLUDED.assigned_at`,
      [
        assigned.map((e) => e.requestId),
        assigned.map((e) => e.officerId),
        assigned.map((e) => e.supervisorId),
        assigned.map((e) => new Date(e.assignedAt)),
      ],
    );
  }
}
