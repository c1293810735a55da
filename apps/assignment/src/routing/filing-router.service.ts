import { Injectable } from '@nestjs/common';
import type { RequestFiledV1 } from '@qifu/contracts';
import { OutboxPublisher } from '@qifu/messaging';
import type { EntityManager } from 'typeorm';
import { Assignment } from './assignment.entity';
import { chooseOfficer } from './domain/routing-choice';
import { assignedEvent, type AssignedOfficer, type Candidate, claimSeat, officerPool } from './officer-seats';
import { RoutingService } from './routing.service';

/**
 * Routes a batch of new filings (an inbox batch) with a few statements per batch instead of several
 * per filing: the assignments are inserted together, the officers who could take any of them are
 * read once, each filing takes its seat with the same conditional UPDATE as everywhere (capacity is
 * re-checked by PostgreSQL, so a stale view can never overfill an officer), and the assignments and
 * their events are written together. A filing whose chosen seat is gone, or for which nobody seems
 * to have room, is routed alone by RoutingService (retries, then locking every candidate, then the
 * waiting queue), after which the shared view is read again.
 */
@Injectable()
export class FilingRouter {
  constructor(
    private readonly routing: RoutingService,
    private readonly outbox: OutboxPublisher,
  ) {}

  async route(manager: EntityManager, filed: readonly RequestFiledV1[]): Promise<void> {
    const rows = filed.map((e) =>
      manager.create(Assignment, {
        requestId: e.requestId,
        referenceNo: e.referenceNo,
        companyId: e.companyId,
        liaisonOfficerId: e.liaisonOfficerId,
        category: e.category,
        priority: e.priority,
        state: 'waiting',
        officerId: null,
        filedAt: new Date(e.filedAt),
        assignedAt: null,
        targetDepartmentId: null,
        targetOfficerId: null,
        previousOfficerId: null,
        acceptedAt: null,
      }),
    );
    // Already routed (the same filing under another event id): skipped.
    const inserted = await manager.createQueryBuilder().insert().into(Assignment).values(rows).orIgnore().returning('request_id').execute();
    const fresh = new Set((inserted.raw as { request_id: string }[]).map((r) => r.request_id));
    const todo = rows.filter((r) => fresh.has(r.requestId));
    if (todo.length === 0) return;

    const readPool = (): Promise<Candidate[]> =>
      officerPool(
        manager,
        todo.flatMap((a) => (a.liaisonOfficerId ? [a.liaisonOfficerId] : [])),
        [...new Set(todo.map((a) => a.category))],
      );
    let pool = await readPool();
    const assigned: { a: Assignment; officer: AssignedOfficer; reason: 'liaison' | 'category'; at: Date }[] = [];
    for (const a of todo) {
      const decision = chooseOfficer(a, pool);
      const officer = decision.officerId ? await claimSeat(manager, decision.officerId) : null;
      if (officer && decision.officerId) {
        const at = new Date();
        const seen = pool.find((o) => o.id === officer.id)!;
        seen.openCount += 1;
        seen.lastAssignedAt = at;
        assigned.push({ a, officer, reason: decision.reason === 'liaison' ? 'liaison' : 'category', at });
        continue;
      }
      await this.routing.routeNew(manager, a);
      pool = await readPool();
    }
    if (assigned.length === 0) return;
    await manager.query(
      `UPDATE assignments a SET state = 'assigned', officer_id = v.officer_id, assigned_at = v.assigned_at, accepted_at = NULL,
              target_department_id = NULL, target_officer_id = NULL
         FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) AS v (request_id, officer_id, assigned_at)
        WHERE a.request_id = v.request_id`,
      [assigned.map((x) => x.a.requestId), assigned.map((x) => x.officer.id), assigned.map((x) => x.at)],
    );
    await this.outbox.publishMany(
      manager,
      assigned.map(({ a, officer, reason, at }) => ({
        name: 'request.assigned.v1' as const,
        payload: assignedEvent(a, officer, reason, null, at),
      })),
    );
  }
}
