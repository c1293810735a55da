import { Injectable } from '@nestjs/common';
import type {
  RequestAssignedV1,
  RequestStatus,
  RequestUnassignedV1,
  SlaAlertV1,
  SlaEscalatedV1,
  SlaStateChangedV1,
  SlaTargetsSetV1,
} from '@qifu/contracts';
import { type InboxContext, OnEvent } from '@qifu/messaging';
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
   * One statement on the hot path (every filing): the row is locked, checked and written at once,
   * and the status it had is returned for the timeline. Nothing is returned for a closed or cancelled
   * request, or when a later assignment is already on it (events of one request may arrive out of order).
   */
  @OnEvent('request.assigned.v1')
  async assigned(e: RequestAssignedV1, { manager: m }: InboxContext<'request.assigned.v1'>): Promise<void> {
    const at = new Date(e.assignedAt);
    const [rows] = (await m.query(
      `UPDATE requests r
          SET status = CASE WHEN r.status = ANY($2::text[]) THEN 'assigned' ELSE r.status END,
              assignee_id = $3, assignee_name = $4, department_id = $5, supervisor_id = $6, assigned_at = $7, updated_at = now()
         FROM (SELECT id, status FROM requests WHERE id = $1 FOR UPDATE) old
        WHERE r.id = old.id AND r.status NOT IN ('cancelled', 'closed') AND (r.assigned_at IS NULL OR r.assigned_at <= $7)
        RETURNING old.status AS from_status, r.status AS to_status`,
      [e.requestId, TRANSITIONS.assign.from, e.officerId, e.officerName, e.departmentId, e.supervisorId, at],
    )) as [{ from_status: RequestStatus; to_status: RequestStatus }[], number];
    const changed = rows[0];
    if (!changed) return;
    await this.timeline.append(m, {
      requestId: e.requestId,
      type: 'assigned',
      actor: null,
      fromStatus: changed.from_status,
      toStatus: changed.to_status,
      message: e.officerName,
      data: { officerId: e.officerId, reason: e.reason, previousOfficerId: e.previousOfficerId },
      at,
    });
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

  @OnEvent('sla.targets_set.v1')
  async targetsSet(e: SlaTargetsSetV1, { manager: m }: InboxContext<'sla.targets_set.v1'>): Promise<void> {
    // One statement (every filing comes here): a breach already recorded stays.
    const [, found] = (await m.query(
      `UPDATE requests SET response_due_at = $2, resolution_due_at = $3, sla_state = CASE WHEN sla_state = 'breached' THEN sla_state ELSE $4 END
        WHERE id = $1`,
      [e.requestId, new Date(e.responseDueAt), new Date(e.resolutionDueAt), e.state],
    )) as [unknown, number];
    if (found === 0) return;
    await this.timeline.append(m, {
      requestId: e.requestId,
      type: 'sla_set',
      actor: null,
      data: { policy: e.policy, responseDueAt: e.responseDueAt, resolutionDueAt: e.resolutionDueAt },
      at: new Date(e.at),
    });
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
