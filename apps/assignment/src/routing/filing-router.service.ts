import { Injectable } from '@nestjs/common';
import type { RequestFiledV1 } from '@qifu/contracts';
import type { EntityManager } from 'typeorm';
import { Assignment } from './assignment.entity';
import { chooseOfficer } from './domain/routing-choice';
import { type Candidate, claimSeat, officerPool } from './officer-seats';
import { type MadeAssignment, RoutingService } from './routing.service';

/**
 * Routes a batch of new filings (an inbox batch) with a few statements per batch instead of several
 * per filing: the assignments are inserted together, the officers who could take any of them are
 * read once, each filing takes its seat with the same conditional UPDATE as everywhere (capacity is
 * re-checked by PostgreSQL, so a stale view can never overfill an officer), and the assignments and
 * their events are written together. A filing whose chosen seat is gone, or for which nobody seems
 * to have room, is routed alone by RoutingService (retries, then locking every candidate, then the
 * waiting queue), after which the shared view is read again if it proved stale or loads changed.
 */
@Injectable()
export class FilingRouter {
  constructor(private readonly routing: RoutingService) {}

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
    const made: MadeAssignment[] = [];
    for (const a of todo) {
      const decision = chooseOfficer(a, pool);
      if (decision.officerId) {
        const officer = await claimSeat(manager, decision.officerId);
        if (officer) {
          const at = new Date();
          const seen = pool.find((o) => o.id === officer.id)!;
          seen.openCount += 1;
          seen.lastAssignedAt = at;
          made.push({ a, officer, reason: decision.reason, previousOfficerId: null, at });
          continue;
        }
      }
      // Routed alone. The view is read again if it proved stale (the chosen seat was gone) or the
      // request took a seat; when nobody had room and still has none, it is still right.
      const assignedAlone = await this.routing.routeNew(manager, a);
      if (assignedAlone || decision.officerId) pool = await readPool();
    }
    await this.routing.recordAssignments(manager, made);
  }
}
