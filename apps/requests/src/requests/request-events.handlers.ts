import { preparedQuery } from '@qifu/database';
import { Injectable } from '@nestjs/common';
import type { RequestStatus, RequestUnassignedV1, SlaAlertV1, SlaEscalatedV1, SlaStateChangedV1 } from '@qifu/contracts';
import { type BatchedEvent, type InboxContext, OnEvent, OnEventBatch } from '@qifu/messaging';
import type { EntityManager } from 'typeorm';
import { TimelineService } from '../timeline/timeline.service';
import { TRANSITIONS } from './domain/request-state-machine';
import { Request } from './request.entity';

/** What other services tell us about a request: written to the row and its timeline. */
@Injectable()
export class RequestEventsHandlers {
  constructor(private readonly timeline: TimelineService) {}

  private lock(m: EntityManager, id: string): Promise<Request | null> {
    return m.findOne(Request, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Every filing comes here, so a batch is written set-wise: one UPDATE locks (in id order), checks
   * and writes the requests and returns the status each had, one INSERT adds their timeline lines.
   * Skipped: a closed or cancelled request, and one that already carries a later assignment (events
   * of one request may arrive out of order).
   */
  @OnEventBatch('request.assigned.v1')
  async assigned(events: readonly BatchedEvent<'request.assigned.v1'>[], m: EntityManager): Promise<void> {
    const es = events.map((x) => x.payload);
    const [rows] = (await preparedQuery(
      m,
      `UPDATE requests r
          SET status = CASE WHEN r.status = ANY($1::text[]) THEN 'assigned' ELSE r.status END,
              assignee_id = v.officer_id, assignee_name = v.officer_name, department_id = v.department_id,
              supervisor_id = v.supervisor_id, assigned_at = v.assigned_at, updated_at = now()
         FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::uuid[], $6::uuid[], $7::timestamptz[])
                AS v (request_id, officer_id, officer_name, department_id, supervisor_id, assigned_at),
              (SELECT id, status FROM requests WHERE id = ANY($2::uuid[]) ORDER BY id FOR UPDATE) old
        WHERE r.id = v.request_id AND old.id = r.id
          AND r.status NOT IN ('cancelled', 'closed') AND (r.assigned_at IS NULL OR r.assigned_at <= v.assigned_at)
        RETURNING r.id, old.status AS from_status, r.status AS to_status`,
      [
        TRANSITIONS.assign.from,
        es.map((e) => e.requestId),
        es.map((e) => e.officerId),
        es.map((e) => e.officerName),
        es.map((e) => e.departmentId),
        es.map((e) => e.supervisorId),
        es.map((e) => new Date(e.assignedAt)),
      ],
    )) as [{ id: string; from_status: RequestStatus; to_status: RequestStatus }[], number];
    const changed = new Map(rows.map((r) => [r.id, r]));
    await this.timeline.appendMany(
      m,
      es
        .filter((e) => changed.has(e.requestId))
        .map((e) => ({
          requestId: e.requestId,
          type: 'assigned',
          actor: null,
          fromStatus: changed.get(e.requestId)!.from_status,
          toStatus: changed.get(e.requestId)!.to_status,
          message: e.officerName,
          data: { officerId: e.officerId, reason: e.reason, previousOfficerId: e.previousOfficerId },
          at: new Date(e.assignedAt),
        })),
    );
  }

  @OnEvent('request.unassigned.v1')
  async unassigned(e: RequestUnassignedV1, { manager: m }: InboxContext<'request.unassigned.v1'>): Promise<void> {
    const r = await this.lock(m, e.requestId);
    if (!r) return;
    // Taken back from an officer who became unavailable before accepting: it waits, with nobody.
    const takenBack = !!e.releasedFrom && r.assigneeId === e.releasedFrom && r.status === 'assigned';
    if (takenBack) {
      await m.update(Request, { id: r.id }, { status: 'submitted', assigneeId: null, assigneeName: null, updatedAt: new Date() });
    }
    // It waits in that department's queue: its supervisors see it there (and can assign it by hand).
    if (e.departmentId && r.departmentId !== e.departmentId && (takenBack || r.status === 'submitted')) {
      await m.update(Request, { id: r.id }, { departmentId: e.departmentId });
    }
    await this.timeline.append(m, {
      requestId: e.requestId,
      type: 'waiting',
      actor: null,
      ...(takenBack ? { fromStatus: 'assigned' as const, toStatus: 'submitted' as const } : {}),
      message: e.reason,
      at: new Date(e.at),
    });
  }

  /** Every filing comes here: one UPDATE and one timeline INSERT per batch. A breach already recorded stays. */
  @OnEventBatch('sla.targets_set.v1')
  async targetsSet(events: readonly BatchedEvent<'sla.targets_set.v1'>[], m: EntityManager): Promise<void> {
    const es = events.map((x) => x.payload);
    const [rows] = (await preparedQuery(
      m,
      `UPDATE requests r
          SET response_due_at = v.response_due_at, resolution_due_at = v.resolution_due_at,
              sla_state = CASE WHEN r.sla_state = 'breached' THEN r.sla_state ELSE v.state END
         FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[], $4::text[]) AS v (id, response_due_at, resolution_due_at, state),
              (SELECT id FROM requests WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE) locked
        WHERE r.id = v.id AND locked.id = r.id
        RETURNING r.id`,
      [
        es.map((e) => e.requestId),
        es.map((e) => new Date(e.responseDueAt)),
        es.map((e) => new Date(e.resolutionDueAt)),
        es.map((e) => e.state),
      ],
    )) as [{ id: string }[], number];
    const found = new Set(rows.map((r) => r.id));
    await this.timeline.appendMany(
      m,
      es
        .filter((e) => found.has(e.requestId))
        .map((e) => ({
          requestId: e.requestId,
          type: 'sla_set',
          actor: null,
          data: { policy: e.policy, responseDueAt: e.responseDueAt, resolutionDueAt: e.resolutionDueAt },
          at: new Date(e.at),
        })),
    );
  }

  @OnEvent('sla.state_changed.v1')
  async stateChanged(e: SlaStateChangedV1, { manager: m }: InboxContext<'sla.state_changed.v1'>): Promise<void> {
    const r = await this.lock(m, e.requestId);
    if (!r) return;
    await m.update(
      Request,
      { id: r.id },
      {
        slaState: e.state,
        ...(e.responseDueAt ? { responseDueAt: new Date(e.responseDueAt) } : {}),
        ...(e.resolutionDueAt ? { resolutionDueAt: new Date(e.resolutionDueAt) } : {}),
        escalationLevel: Math.max(r.escalationLevel, e.escalationLevel),
      },
    );
  }

  @OnEvent('sla.breached.v1')
  async breached(e: SlaAlertV1, { manager: m }: InboxContext<'sla.breached.v1'>): Promise<void> {
    const r = await this.lock(m, e.requestId);
    if (!r) return;
    await m.update(Request, { id: r.id }, { breached: true, slaState: 'breached' });
    await this.timeline.append(m, {
      requestId: r.id,
      type: 'sla_breached',
      actor: null,
      message: `${e.target} target missed`,
      data: { target: e.target, dueAt: e.dueAt, late: e.late },
      at: new Date(e.raisedAt),
    });
  }

  @OnEvent('sla.escalated.v1')
  async escalated(e: SlaEscalatedV1, { manager: m }: InboxContext<'sla.escalated.v1'>): Promise<void> {
    const r = await this.lock(m, e.requestId);
    if (!r) return;
    await m.update(Request, { id: r.id }, { escalationLevel: Math.max(r.escalationLevel, e.level) });
    await this.timeline.append(m, {
      requestId: r.id,
      type: 'sla_escalated',
      actor: null,
      message: `escalated to ${e.notify}`,
      data: { level: e.level, notify: e.notify, target: e.target },
      at: new Date(e.raisedAt),
    });
  }
}
