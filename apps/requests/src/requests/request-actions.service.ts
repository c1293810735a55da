import { Injectable } from '@nestjs/common';
import {
  type Actor,
  CodedError,
  type JsonObject,
  type Rating,
  type RequestView,
  type ReviewOutcome,
  type TimelineEntryView,
  type PlanInput,
  type TransferInput,
} from '@qifu/contracts';
import { OutboxPublisher } from '@qifu/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { TimelineService } from '../timeline/timeline.service';
import { checkEscalatable, nextStatus, type RequestAction } from './domain/request-state-machine';
import { RequestQueriesService } from './request-queries.service';
import { toRequestView, toTimelineView } from './request.mapper';
import { Request } from './request.entity';

interface Move {
  action: RequestAction;
  type: string;
  message?: string | null;
  data?: JsonObject;
  /** More columns to change, fixed or worked out from the locked row. */
  extra?: Partial<Request> | ((r: Request) => Partial<Request>);
  /** Who may do it, beyond seeing the request. */
  allowed: (actor: Actor, r: Request) => boolean;
  deniedBecause: string;
  /** More to write in the same transaction once the move is recorded. */
  after?: (m: EntityManager, r: Request, now: Date, before: Readonly<Request>) => Promise<void>;
}

const isAssignee = (a: Actor, r: Request): boolean => r.assigneeId === a.userId;
const isOwnCompany = (a: Actor, r: Request): boolean => a.role === 'company' && a.companyId === r.companyId;
/** Supervisors reach only requests in their scope (the load already answered 404 otherwise). */
const isManager = (a: Actor): boolean => a.role === 'supervisor' || a.role === 'admin';

/**
 * The company's and officer's moves. Each locks the request row (FOR UPDATE), so of two concurrent
 * moves one waits and then sees the status the other left: never both win.
 */
@Injectable()
export class RequestActionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: RequestQueriesService,
    private readonly timeline: TimelineService,
    private readonly outbox: OutboxPublisher,
  ) {}

  accept(actor: Actor, id: string): Promise<RequestView> {
    return this.move(actor, id, {
      action: 'accept',
      type: 'accepted',
      // The response target is met once: a transferred case accepted again keeps its first time.
      extra: (r) => ({ acceptedAt: r.acceptedAt ?? new Date() }),
      allowed: isAssignee,
      deniedBecause: 'only the assignee accepts a request',
    });
  }

  resolve(actor: Actor, id: string, resolution: string): Promise<RequestView> {
    return this.move(actor, id, {
      action: 'resolve',
      type: 'resolved',
      extra: { resolvedAt: new Date() },
      message: resolution,
      allowed: isAssignee,
      deniedBecause: 'only the assignee resolves a request',
    });
  }

  rate(actor: Actor, id: string, rating: Rating, comment?: string): Promise<RequestView> {
    return this.move(actor, id, {
      action: rating === 'good' ? 'rate_good' : 'rate_bad',
      type: 'rated',
      message: comment ?? null,
      data: { rating },
      extra: { rating },
      allowed: isOwnCompany,
      deniedBecause: 'only the filing company rates a request',
    });
  }

  requestInfo(actor: Actor, id: string, items: string[]): Promise<RequestView> {
    return this.move(actor, id, {
      action: 'request_info',
      type: 'info_requested',
      message: items.map((item, i) => `${i + 1}. ${item}`).join('\n'),
      data: { items },
      allowed: isAssignee,
      deniedBecause: 'only the assignee asks the company for information',
    });
  }

  provideInfo(actor: Actor, id: string, message: string): Promise<RequestView> {
    return this.move(actor, id, {
      action: 'provide_info',
      type: 'info_provided',
      message,
      allowed: isOwnCompany,
      deniedBecause: 'only the filing company provides the information asked for',
    });
  }

  async transfer(actor: Actor, id: string, input: TransferInput): Promise<RequestView> {
    return this.move(actor, id, {
      action: 'transfer',
      type: 'transferred',
      message: input.reason,
      data: { toDepartmentId: input.toDepartmentId ?? null, toOfficerId: input.toOfficerId ?? null },
      // A department transfer shows at once in that department's queue.
      extra: { assigneeId: null, assigneeName: null, ...(input.toDepartmentId ? { departmentId: input.toDepartmentId } : {}) },
      allowed: (a, r) => {
        if (input.toOfficerId && input.toOfficerId === r.assigneeId) {
          throw new CodedError('VALIDATION_FAILED', 'toOfficerId: the request is already with this officer', [
            { field: 'toOfficerId', message: 'the request is already with this officer' },
          ]);
        }
        return isAssignee(a, r) || isManager(a);
      },
      deniedBecause: 'only the assignee or a supervisor transfers a request',
      after: async (m, r, now, before) => {
        await this.outbox.publish(m, 'request.transfer_requested.v1', {
          requestId: r.id,
          referenceNo: r.referenceNo,
          fromOfficerId: before.assigneeId,
          toDepartmentId: input.toDepartmentId ?? null,
          toOfficerId: input.toOfficerId ?? null,
          reason: input.reason,
          byUserId: actor.userId,
          requestedAt: now.toISOString(),
        });
      },
    });
  }

  plan(actor: Actor, id: string, input: PlanInput): Promise<RequestView> {
    return this.move(actor, id, {
      action: 'plan',
      type: 'plan_set',
      message: input.reason,
      data: { milestones: input.milestones },
      allowed: isAssignee,
      deniedBecause: 'only the assignee sets a plan',
      after: async (m, r, now) => {
        await this.outbox.publish(m, 'request.plan_set.v1', {
          requestId: r.id,
          referenceNo: r.referenceNo,
          companyId: r.companyId,
          milestones: input.milestones,
          reason: input.reason,
          assigneeId: r.assigneeId,
          supervisorId: r.supervisorId,
          setAt: now.toISOString(),
        });
      },
    });
  }

  review(actor: Actor, id: string, outcome: ReviewOutcome, note: string): Promise<RequestView> {
    return this.move(actor, id, {
      action: outcome === 'rework' ? 'review_rework' : 'review_upheld',
      type: 'reviewed',
      message: note,
      data: { outcome },
      allowed: isManager,
      deniedBecause: 'only a supervisor reviews a bad rating',
    });
  }

  cancel(actor: Actor, id: string, reason: string): Promise<RequestView> {
    return this.move(actor, id, {
      action: 'cancel',
      type: 'cancelled',
      message: reason,
      allowed: (a, r) => isOwnCompany(a, r) || a.role === 'admin',
      deniedBecause: 'only the filing company cancels its request',
    });
  }

  reopen(actor: Actor, id: string, reason: string): Promise<RequestView> {
    return this.move(actor, id, {
      action: 'reopen',
      type: 'reopened',
      message: reason,
      extra: { rating: null },
      allowed: (a, r) => isOwnCompany(a, r) || isManager(a),
      deniedBecause: 'only the filing company or a supervisor reopens a request',
    });
  }

  /** "Nobody is solving this": the escalation level rises at once and the supervisor hears of it. */
  async escalate(actor: Actor, id: string, reason: string): Promise<RequestView> {
    return this.dataSource.transaction(async (m) => {
      const r = await this.queries.load(m, actor, id, true);
      if (!isOwnCompany(actor, r)) throw new CodedError('FORBIDDEN', 'only the filing company escalates its request');
      checkEscalatable(r.status);
      const now = new Date();
      r.escalationLevel += 1;
      r.updatedAt = now;
      await m.update(Request, { id: r.id }, { escalationLevel: r.escalationLevel, updatedAt: now });
      await this.timeline.append(m, {
        requestId: r.id,
        type: 'escalated_by_company',
        actor,
        message: reason,
        data: { level: r.escalationLevel },
        at: now,
      });
      await this.outbox.publish(m, 'request.escalated.v1', {
        requestId: r.id,
        referenceNo: r.referenceNo,
        companyId: r.companyId,
        level: r.escalationLevel,
        reason,
        assigneeId: r.assigneeId,
        supervisorId: r.supervisorId,
        escalatedAt: now.toISOString(),
      });
      return toRequestView(r);
    });
  }

  async comment(actor: Actor, id: string, body: string, internal: boolean): Promise<TimelineEntryView> {
    if (internal && actor.role === 'company') throw new CodedError('FORBIDDEN', 'companies cannot post internal comments');
    return this.dataSource.transaction(async (m) => {
      const r = await this.queries.load(m, actor, id);
      const entry = await this.timeline.append(m, { requestId: r.id, type: 'comment', actor, message: body, internal });
      await m.update(Request, { id: r.id }, { updatedAt: new Date() });
      return toTimelineView(entry);
    });
  }

  private async move(actor: Actor, id: string, mv: Move): Promise<RequestView> {
    return this.dataSource.transaction(async (m) => {
      const r = await this.queries.load(m, actor, id, true);
      if (!mv.allowed(actor, r)) throw new CodedError('FORBIDDEN', mv.deniedBecause);
      const from = r.status;
      const to = nextStatus(mv.action, from);
      const now = new Date();
      const before: Readonly<Request> = { ...r };
      const extra = typeof mv.extra === 'function' ? mv.extra(r) : (mv.extra ?? {});
      Object.assign(r, extra, { status: to, updatedAt: now });
      await m.update(Request, { id: r.id }, { ...extra, status: to, updatedAt: now });
      await this.timeline.append(m, {
        requestId: r.id,
        type: mv.type,
        actor,
        fromStatus: from,
        toStatus: to,
        message: mv.message ?? null,
        data: mv.data ?? {},
        at: now,
      });
      await this.emit(m, actor, r, mv, from, now);
      await mv.after?.(m, r, now, before);
      return toRequestView(r);
    });
  }

  private async emit(m: EntityManager, actor: Actor, r: Request, mv: Move, from: Request['status'], now: Date): Promise<void> {
    if (mv.action === 'accept') {
      await this.outbox.publish(m, 'request.accepted.v1', {
        requestId: r.id,
        referenceNo: r.referenceNo,
        officerId: actor.userId,
        acceptedAt: now.toISOString(),
      });
    }
    if (mv.action === 'rate_good' || mv.action === 'rate_bad') {
      await this.outbox.publish(m, 'request.rated.v1', {
        requestId: r.id,
        referenceNo: r.referenceNo,
        companyId: r.companyId,
        rating: mv.action === 'rate_good' ? 'good' : 'bad',
        comment: mv.message ?? null,
        assigneeId: r.assigneeId,
        supervisorId: r.supervisorId,
        ratedAt: now.toISOString(),
      });
    }
    if (from === r.status) return; // a move that keeps the status (a plan) is not a status change
    await this.outbox.publish(m, 'request.status_changed.v1', {
      requestId: r.id,
      referenceNo: r.referenceNo,
      companyId: r.companyId,
      from,
      to: r.status,
      actorId: actor.userId,
      assigneeId: r.assigneeId,
      supervisorId: r.supervisorId,
      changedAt: now.toISOString(),
    });
  }
}
