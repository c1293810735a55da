import { Injectable } from '@nestjs/common';
import { type Actor, CodedError, type ListRequestsQuery, type Page, type RequestView, type TimelineEntryView } from '@qifu/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { TimelineService } from '../timeline/timeline.service';
import { canSee, scopeSql } from './domain/request-scope';
import { toRequestView, toTimelineView } from './request.mapper';
import { Request } from './request.entity';

@Injectable()
export class RequestQueriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly timeline: TimelineService,
  ) {}

  /** Loads a request the actor may see; anything else is NOT_FOUND (never reveal existence). */
  async load(m: EntityManager, actor: Actor, id: string, lock = false): Promise<Request> {
    const r = await m.findOne(Request, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!r || !canSee(actor, r)) throw new CodedError('NOT_FOUND', `request ${id} not found`);
    return r;
  }

  async get(actor: Actor, id: string): Promise<RequestView> {
    return toRequestView(await this.load(this.dataSource.manager, actor, id));
  }

  async timelineOf(actor: Actor, id: string): Promise<TimelineEntryView[]> {
    const m = this.dataSource.manager;
    await this.load(m, actor, id);
    const rows = await this.timeline.list(m, id, actor.role !== 'company');
    return rows.map(toTimelineView);
  }

  async list(actor: Actor, q: ListRequestsQuery): Promise<Page<RequestView>> {
    const scope = scopeSql(actor);
    const qb = this.dataSource.manager.createQueryBuilder(Request, 'r').where(scope.sql, scope.params);
    if (q.status) qb.andWhere('r.status = :status', { status: q.status });
    if (q.category) qb.andWhere('r.category = :category', { category: q.category });
    if (q.assigneeId) qb.andWhere('r.assignee_id = :assigneeId', { assigneeId: q.assigneeId });
    if (q.breached !== undefined) qb.andWhere('r.breached = :breached', { breached: q.breached });
    if (q.q) {
      const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere('(r.title ILIKE :like OR r.description ILIKE :like OR r.reference_no ILIKE :like)', { like });
    }
    const [rows, total] = await qb
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return { items: rows.map(toRequestView), total, page: q.page, pageSize: q.pageSize };
  }
}
