import { Injectable } from '@nestjs/common';
import type { RequestFiledV1 } from '@qifu/contracts';
import type { EntityManager } from 'typeorm';
import { Assignment } from './assignment.entity';
import { chooseOfficer } from './domain/routing-choice';
import { claimSeats, insertFilingsWithPool } from './officer-seats';
import { type MadeAssignment, RoutingService } from './routing.service';

/**
 * Routes a batch of new filings (an inbox batch) with a few statements per batch instead of several
 * per filing: the assignments are inserted together with reading the officers who could take any of
 * them (one statement), each filing chooses against that view, the seats are taken in one
 * conditional UPDATE (capacity is re-checked by PostgreSQL against the newest rows, so a stale view
 * can never overfill an officer), and the assignments and their events are written together. A filing whose officer's
 * seats were gone, or for which nobody seemed to have room, is routed alone by RoutingService
 * (retries, then locking every candidate, then the waiting queue).
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
    const { fresh, pool } = await insertFilingsWithPool(manager, rows);
    const todo = rows.filter((r) => fresh.has(r.requestId));
    if (todo.length === 0) return;

    // Each filing chooses against the shared view, counting the seats the ones before it chose.
    const picks: { a: Assignment; officerId: string; reason: MadeAssignment['reason'] }[] = [];
    const alone = new Set<Assignment>();
    for (const a of todo) {
      const decision = chooseOfficer(a, pool);
      if (!decision.officerId) {
        alone.add(a);
        continue;
      }
      const seen = pool.find((o) => o.id === decision.officerId)!;
      seen.openCount += 1;
      seen.lastAssignedAt = new Date();
      picks.push({ a, officerId: decision.officerId, reason: decision.reason });
    }
    const claimed = await claimSeats(
      manager,
      picks.map((p) => p.officerId),
    );
    const made: MadeAssignment[] = [];
    for (const { a, officerId, reason } of picks) {
      const officer = claimed.get(officerId);
      if (officer) made.push({ a, officer, reason, previousOfficerId: null, at: new Date() });
      else alone.add(a);
    }
    // Routed alone, in filing order, against the newest rows: nobody seemed to have room, or the
    // chosen officer's seats were gone.
    for (const a of todo) if (alone.has(a)) await this.routing.routeNew(manager, a);
    await this.routing.recordAssignments(manager, made);
  }
}
