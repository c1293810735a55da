import { insertMany } from '@qifu/database';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Actor, JsonObject, RequestStatus } from '@qifu/contracts';
import type { EntityManager } from 'typeorm';
import { RequestEvent } from './request-event.entity';

export interface TimelineEntry {
  requestId: string;
  type: string;
  actor: Pick<Actor, 'userId' | 'role' | 'displayName'> | null;
  fromStatus?: RequestStatus | null;
  toStatus?: RequestStatus | null;
  message?: string | null;
  data?: JsonObject;
  internal?: boolean;
  at?: Date;
}

/** Appends to a request's timeline inside the caller's transaction. Nothing here updates or deletes. */
@Injectable()
export class TimelineService {
  async append(manager: EntityManager, entry: TimelineEntry): Promise<RequestEvent> {
    const [row] = await this.appendMany(manager, [entry]);
    return row!;
  }

  /** Several entries in one statement (events handled in batches). */
  async appendMany(manager: EntityManager, entries: readonly TimelineEntry[]): Promise<RequestEvent[]> {
    const rows = this.rows(manager, entries);
    await insertMany(manager, RequestEvent, rows);
    return rows;
  }

  /** The rows of entries, for a caller that writes them with its own rows in one statement (insertManyTogether). */
  rows(manager: EntityManager, entries: readonly TimelineEntry[]): RequestEvent[] {
    return entries.map((entry) =>
      manager.create(RequestEvent, {
        id: randomUUID(),
        requestId: entry.requestId,
        type: entry.type,
        actorId: entry.actor?.userId ?? null,
        actorRole: entry.actor?.role ?? 'system',
        actorName: entry.actor?.displayName ?? null,
        fromStatus: entry.fromStatus ?? null,
        toStatus: entry.toStatus ?? null,
        message: entry.message ?? null,
        data: entry.data ?? {},
        internal: entry.internal ?? false,
        at: entry.at ?? new Date(),
      }),
    );
  }

  async list(manager: EntityManager, requestId: string, includeInternal: boolean): Promise<RequestEvent[]> {
    return manager.find(RequestEvent, {
      where: includeInternal ? { requestId } : { requestId, internal: false },
      order: { seq: 'ASC' },
    });
  }
}
