import { Injectable } from '@nestjs/common';
import {
  type Actor,
  CodedError,
  type ListRequestsQuery,
  type Page,
  type RequestSort,
  type RequestView,
  type TimelineEntryView,
} from '@qifu/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { TimelineService } from '../timeline/timeline.service';
import { canSee, scopeSql } from './domain/request-scope';
import { toRequestView, toTimelineView } from './request.mapper';
import { Request } from './request.entity';

const SORTS: Readonly<Record<RequestSort, { column: string; direction: 'ASC' | 'DESC'; nulls?: 'NULLS FIRST' | 'NULLS LAST' }>> = {
  createdAt: { column: 'r.created_at', direction: 'ASC' },
  '-createdAt': { column: 'r.created_at', direction: 'DESC' },
  dueAt: { column: 'r.resolution_due_at', direction: 'ASC', nulls: 'NULLS LAST' },
  '-dueAt': { column: 'r.resolution_due_at', direction: 'DESC', nulls: 'NULLS LAST' },
  updatedAt: { column: 'r.updated_at', direction: 'ASC' },
  '-updatedAt': { column: 'r.updated_at', direction: 'DESC' },
};

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
    if (q.escalated !== undefined) qb.andWhere(q.escalated ? 'r.escalation_level > 0' : 'r.escalation_level = 0');
    if (q.departmentId) qb.andWhere('r.department_id = :departmentId', { departmentId: q.departmentId });
    if (q.from) qb.andWhere('r.created_at >= :from', { from: q.from });
    if (q.to) qb.andWhere('r.created_at < :to', { to: q.to });
    if (q.q) {
      const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere('(r.title ILIKE :like OR r.description ILIKE :like OR r.reference_no ILIKE :like)', { like });
    }
    const { column, direction, nulls } = SORTS[q.sort ?? '-createdAt'];
    const [rows, total] = await qb
      .orderBy(column, direction, nulls)
      .addOrderBy('r.id', direction)
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return { items: rows.map(toRequestView), total, page: q.page, pageSize: q.pageSize };
  }
}
