import { insertMany, notifyAtCommit } from '@qifu/database';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type Actor, CodedError, type LiveNotification, type NotificationView, type Page } from '@qifu/contracts';
import { Brackets, DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { PlannedEvent } from './domain/recipient-rules';
import { visibleTypesFilter } from '../preferences/domain/mute-rules';
import { PreferencesService } from '../preferences/preferences.service';
import { FEED_CHANNEL } from './feed.rows';
import { Notification } from './notification.entity';

function toView(n: Notification): NotificationView {
  return {
    id: n.id,
    type: n.type,
    requestId: n.requestId,
    referenceNo: n.referenceNo,
    message: n.message,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  };
}

@Injectable()
export class FeedService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly preferences: PreferencesService,
  ) {}

  /** Writes the feed lines of events, inside the inbox transaction (a duplicate event never gets here): one INSERT for all. */
  async record(m: EntityManager, events: readonly PlannedEvent[], now: Date): Promise<number> {
    const rows = events.flatMap(({ planned, eventId }) =>
      planned.recipients.map((r) => ({
        id: randomUUID(),
        eventId,
        userId: 'userId' in r ? r.userId : null,
        companyId: 'companyId' in r ? r.companyId : null,
        role: 'role' in r ? r.role : null,
        type: planned.type,
        requestId: planned.requestId,
        referenceNo: planned.referenceNo,
        message: planned.message,
        createdAt: now,
        readAt: null,
      })),
    );
    if (rows.length === 0) return 0;
    await insertMany(m, Notification, rows);
    await notifyAtCommit(m, FEED_CHANNEL);
    return rows.length;
  }

  private mine(actor: Actor): SelectQueryBuilder<Notification> {
    return this.dataSource.manager.createQueryBuilder(Notification, 'n').where(
      new Brackets((w) => {
        w.where('n.user_id = :user', { user: actor.userId }).orWhere('n.role = :role', { role: actor.role });
        if (actor.companyId) w.orWhere('n.company_id = :company', { company: actor.companyId });
      }),
    );
  }

  /** The caller's lines they want to see in the app (muted types and a muted in-app channel hide lines). */
  private async visible(actor: Actor): Promise<SelectQueryBuilder<Notification> | null> {
    const filter = visibleTypesFilter(await this.preferences.get(actor));
    if ('none' in filter) return null;
    const qb = this.mine(actor);
    if (filter.except.length > 0) qb.andWhere('n.type NOT IN (:...muted)', { muted: filter.except });
    return qb;
  }

  async list(actor: Actor, q: { unread: boolean; page: number; pageSize: number }): Promise<Page<NotificationView>> {
    const qb = await this.visible(actor);
    if (!qb) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
    if (q.unread) qb.andWhere('n.read_at IS NULL');
    const [rows, total] = await qb
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return { items: rows.map(toView), total, page: q.page, pageSize: q.pageSize };
  }

  async markRead(actor: Actor, id: string): Promise<NotificationView> {
    const n = await this.mine(actor).andWhere('n.id = :id', { id }).getOne();
    if (!n) throw new CodedError('NOT_FOUND', `notification ${id} not found`);
    if (!n.readAt) {
      n.readAt = new Date();
      await this.dataSource.manager.update(Notification, { id }, { readAt: n.readAt });
    }
    return toView(n);
  }

  async markAllRead(actor: Actor): Promise<{ updated: number }> {
    const res = (await this.dataSource.query(
      `UPDATE notifications SET read_at = now()
        WHERE read_at IS NULL AND (user_id = $1 OR role = $2 OR company_id = $3)`,
      [actor.userId, actor.role, actor.companyId],
    )) as [unknown, number];
    return { updated: res[1] };
  }

  /** The caller's lines pushed after `afterId`, in stream order (SSE replay from Last-Event-ID). */
  async since(actor: Actor, afterId: string, limit: number): Promise<{ known: boolean; items: LiveNotification[] }> {
    const anchor = await this.mine(actor).andWhere('n.id = :id', { id: afterId }).andWhere('n.seq IS NOT NULL').getOne();
    if (!anchor?.seq) return { known: false, items: [] };
    const qb = await this.visible(actor);
    if (!qb) return { known: true, items: [] };
    const rows = await qb.andWhere('n.seq > :seq', { seq: anchor.seq }).orderBy('n.seq', 'ASC').limit(limit).getMany();
    return { known: true, items: rows.map((n) => ({ seq: Number(n.seq), notification: toView(n) })) };
  }
}
