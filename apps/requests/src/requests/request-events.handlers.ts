import { Injectable } from '@nestjs/common';
import type {
  RequestAssignedV1,
  RequestUnassignedV1,
  SlaAlertV1,
  SlaEscalatedV1,
  SlaStateChangedV1,
  SlaTargetsSetV1,
} from '@qifu/contracts';
import { type InboxContext, OnEvent } from '@qifu/messaging';
import type { EntityManager } from 'typeorm';
import { TimelineService } from '../timeline/timeline.service';
import { canApply } from './domain/request-state-machine';
import { Request } from './request.entity';

/** What other services tell us about a request: written to the row and its timeline. */
@Injectable()
export class RequestEventsHandlers {
  constructor(private readonly timeline: TimelineService) {}

  private lock(m: EntityManager, id: string): Promise<Request | null> {
    return m.findOne(Request, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  @OnEvent('request.assigned.v1')
  async assigned(e: RequestAssignedV1, { manager: m }: InboxContext<'request.assigned.v1'>): Promise<void> {
    const r = await this.lock(m, e.requestId);
    if (!r || r.status === 'cancelled' || r.status === 'closed') return;
    const at = new Date(e.assignedAt);
    // A later assignment is already on the request (events of one request may arrive out of order).
    if (r.assignedAt && at < r.assignedAt) return;
    const from = r.status;
    const to = canApply('assign', from) ? 'assigned' : from;
    await m.update(
      Request,
      { id: r.id },
      {
        status: to,
        assigneeId: e.officerId,
        assigneeName: e.officerName,
        departmentId: e.departmentId,
        supervisorId: e.supervisorId,
        assignedAt: at,
        updatedAt: new Date(),
      },
    );
    await this.timeline.append(m, {
      requestId: r.id,
      type: 'assigned',
      actor: null,
      fromStatus: from,
      toStatus: to,
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
    const r = await this.lock(m, e.requestId);
    if (!r) return;
    await m.update(
      Request,
      { id: r.id },
      {
        responseDueAt: new Date(e.responseDueAt),
        resolutionDueAt: new Date(e.resolutionDueAt),
        slaState: r.slaState === 'breached' ? 'breached' : e.state,
      },
    );
    await this.timeline.append(m, {
      requestId: r.id,
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
