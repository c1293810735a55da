import { Injectable } from '@nestjs/common';
import { type Actor, CodedError, type JsonObject, type Rating, type RequestView, type TimelineEntryView } from '@qifu/contracts';
import { OutboxPublisher } from '@qifu/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { TimelineService } from '../timeline/timeline.service';
import { nextStatus, type RequestAction } from './domain/request-state-machine';
import { RequestQueriesService } from './request-queries.service';
import { toRequestView, toTimelineView } from './request.mapper';
import { Request } from './request.entity';

interface Move {
  action: RequestAction;
  type: string;
  message?: string | null;
  data?: JsonObject;
  extra?: Partial<Request>;
  /** Who may do it, beyond seeing the request. */
  allowed: (actor: Actor, r: Request) => boolean;
  deniedBecause: string;
}

const isAssignee = (a: Actor, r: Request): boolean => r.assigneeId === a.userId;
const isOwnCompany = (a: Actor, r: Request): boolean => a.role === 'company' && a.companyId === r.companyId;

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
      allowed: isAssignee,
      deniedBecause: 'only the assignee accepts a request',
    });
  }

  resolve(actor: Actor, id: string, resolution: string): Promise<RequestView> {
    return this.move(actor, id, {
      action: 'resolve',
      type: 'resolved',
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
      Object.assign(r, mv.extra ?? {}, { status: to, updatedAt: now });
      await m.update(Request, { id: r.id }, { ...(mv.extra ?? {}), status: to, updatedAt: now });
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
