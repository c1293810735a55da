import { Injectable } from '@nestjs/common';
import type { RequestAssignedV1, RequestTransferRequestedV1 } from '@qifu/contracts';
import { insertManyTogether } from '@qifu/database';
import { OutboxMessage, OutboxPublisher } from '@qifu/messaging';
import { type EntityManager, IsNull } from 'typeorm';
import { User } from '../directory/user.entity';
import { Assignment } from './assignment.entity';
import { chooseOfficer } from './domain/routing-choice';
import { type AssignedOfficer, assignedEvent, claimSeat, freeSeat, NO_ID, officerCandidates, takeSeat } from './officer-seats';

/** Optimistic seat claims before falling back to locking every candidate. */
const CLAIM_ATTEMPTS = 3;
const WAITING_ORDER = `CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END, filed_at, request_id`;

/**
 * Routing with capacity that holds under concurrency: a seat is taken by a conditional UPDATE of
 * the officer's row (see tryAssign), and the new load, the assignment and its event are written in
 * the caller's transaction.
 */
/** An assignment made: its seat is taken, its row and event are still to be written (recordAssignments). */
export interface MadeAssignment {
  a: Pick<Assignment, 'requestId' | 'referenceNo'>;
  officer: AssignedOfficer;
  reason: RequestAssignedV1['reason'];
  previousOfficerId: string | null;
  at: Date;
}

@Injectable()
export class RoutingService {
  constructor(private readonly outbox: OutboxPublisher) {}

  /** A new request (its row just inserted) goes to an officer, or waits in its department's queue; true when assigned. */
  async routeNew(manager: EntityManager, row: Assignment): Promise<boolean> {
    const assigned = await this.tryAssign(manager, row);
    if (!assigned) {
      await this.announceWaiting(manager, row, 'no officer with this category has free capacity', await this.homeDepartment(manager, row));
    }
    return assigned;
  }

  /**
   * The department whose queue a new request waits in: its liaison officer's, else the one with the
   * most officers for its category; null when no department has any (then every supervisor hears).
   */
  private async homeDepartment(manager: EntityManager, a: Assignment): Promise<string | null> {
    const [row] = (await manager.query(
      `SELECT department_id FROM users
        WHERE role = 'officer' AND department_id IS NOT NULL AND (id = $1 OR $2 = ANY(categories))
        GROUP BY department_id ORDER BY bool_or(id = $1) DESC, count(*) DESC, department_id LIMIT 1`,
      [a.liaisonOfficerId ?? NO_ID, a.category],
    )) as { department_id: string }[];
    return row?.department_id ?? null;
  }

  /**
   * 转办: the request leaves its officer (the seat is freed and refilled) and goes to the named
   * officer or into the department; if nobody there has room it waits there, never lost, and the
   * department's supervisors hear of it.
   */
  async onTransfer(manager: EntityManager, e: RequestTransferRequestedV1): Promise<void> {
    const a = await manager.findOne(Assignment, { where: { requestId: e.requestId }, lock: { mode: 'pessimistic_write' } });
    if (!a) return;
    const previous = a.state === 'assigned' ? a.officerId : null;
    if (previous) await freeSeat(manager, previous);
    Object.assign(a, {
      state: 'waiting',
      officerId: null,
      assignedAt: null,
      targetDepartmentId: e.toDepartmentId,
      targetOfficerId: e.toOfficerId,
      previousOfficerId: e.fromOfficerId,
      takenBackFrom: null,
    });
    await manager.save(Assignment, a);
    if (!(await this.tryAssign(manager, a, e.fromOfficerId))) {
      const target = e.toOfficerId ? await manager.findOne(User, { where: { id: e.toOfficerId } }) : null;
      const dept = e.toDepartmentId ?? target?.departmentId ?? null;
      await this.announceWaiting(manager, a, `transferred: ${e.reason}; nobody there has free capacity`, dept);
    }
    if (previous) await this.drainFor(manager, previous);
  }

  /**
   * Chooses and assigns; returns false when nobody has room. The common case takes one officer's
   * seat with a conditional UPDATE (`open_count < capacity`, re-checked by PostgreSQL against the
   * latest row), so concurrent routings lock one row each instead of every candidate. When nobody
   * seems to have room, the candidates are locked (in id order) and read again: a seat freed by a
   * transaction that has not committed yet is then waited for and seen, so a request never waits
   * while a seat it could take is free.
   */
  async tryAssign(manager: EntityManager, a: Assignment, previousOfficerId: string | null = null): Promise<boolean> {
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      const decision = chooseOfficer(a, await officerCandidates(manager, a, false));
      if (!decision.officerId) break;
      const officer = await claimSeat(manager, decision.officerId);
      if (officer) {
        await this.assignTo(manager, a, officer, decision.reason, previousOfficerId);
        return true;
      }
    }
    const candidates = await officerCandidates(manager, a, true);
    const decision = chooseOfficer(a, candidates);
    if (!decision.officerId) return false;
    const officer = candidates.find((c) => c.id === decision.officerId)!;
    await takeSeat(manager, officer.id);
    await this.assignTo(manager, a, officer, decision.reason, previousOfficerId);
    return true;
  }

  /**
   * The officer became unavailable: every request they hold but have not accepted goes to someone
   * else (never back to them), or waits and the supervisors are told. Accepted cases stay theirs.
   */
  async releaseUnaccepted(manager: EntityManager, officerId: string): Promise<number> {
    const held = await manager.find(Assignment, {
      where: { officerId, state: 'assigned', acceptedAt: IsNull() },
      order: { filedAt: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    const officer = held.length > 0 ? await manager.findOne(User, { where: { id: officerId }, select: { departmentId: true } }) : null;
    for (const a of held) {
      await freeSeat(manager, officerId);
      Object.assign(a, { state: 'waiting', officerId: null, assignedAt: null, previousOfficerId: officerId, takenBackFrom: officerId });
      await manager.save(Assignment, a);
      if (!(await this.tryAssign(manager, a, officerId))) {
        await this.announceWaiting(
          manager,
          a,
          'its officer became unavailable and nobody else has free capacity',
          officer?.departmentId ?? null,
          officerId,
        );
      }
    }
    return held.length;
  }

  /**
   * The officer accepted the request. Usually it is theirs and this only records when. If it was taken
   * from them at the same moment (they were marked unavailable before their acceptance reached us),
   * acceptance wins: it goes back to them (their seat even beyond capacity: they are working on it)
   * and the seat it took from someone else is freed and refilled.
   */
  async markAccepted(manager: EntityManager, requestId: string, officerId: string, at: Date): Promise<void> {
    const a = await manager.findOne(Assignment, { where: { requestId }, lock: { mode: 'pessimistic_write' } });
    if (!a) return;
    if (a.state === 'assigned' && a.officerId === officerId) {
      if (!a.acceptedAt) await manager.update(Assignment, { requestId }, { acceptedAt: at });
      return;
    }
    if (a.state === 'released' || a.takenBackFrom !== officerId) return;
    const accepter = await manager.findOne(User, { where: { id: officerId } });
    if (!accepter) return;
    const holder = a.state === 'assigned' ? a.officerId : null;
    if (holder) await freeSeat(manager, holder);
    await takeSeat(manager, officerId);
    await this.assignTo(manager, a, accepter, 'accepted', holder);
    await manager.update(Assignment, { requestId }, { acceptedAt: at, takenBackFrom: null });
    if (holder) await this.drainFor(manager, holder);
  }

  /** A reopened or reworked case goes back to the officer who had it (even at capacity: it is theirs). */
  async retake(manager: EntityManager, requestId: string): Promise<void> {
    const a = await manager.findOne(Assignment, { where: { requestId }, lock: { mode: 'pessimistic_write' } });
    if (!a || a.state !== 'released' || !a.officerId) return;
    await manager.update(Assignment, { requestId }, { state: 'assigned' });
    await manager.query('UPDATE users SET open_count = open_count + 1 WHERE id = $1', [a.officerId]);
  }

  private assignTo(
    manager: EntityManager,
    a: Assignment,
    officer: AssignedOfficer,
    reason: RequestAssignedV1['reason'],
    previousOfficerId: string | null,
  ): Promise<void> {
    return this.recordAssignments(manager, [{ a, officer, reason, previousOfficerId, at: new Date() }]);
  }

  /** Writes assignments whose seats are taken, and their `request.assigned` events: one statement for all of them. */
  async recordAssignments(manager: EntityManager, made: readonly MadeAssignment[]): Promise<void> {
    if (made.length === 0) return;
    // The rows and their events in one statement: the transaction holds the seats one round trip less.
    await insertManyTogether(
      manager,
      [
        {
          target: OutboxMessage,
          rows: this.outbox.rowsFor(
            manager,
            made.map(({ a, officer, reason, previousOfficerId, at }) => ({
              name: 'request.assigned.v1' as const,
              payload: assignedEvent(a, officer, reason, previousOfficerId, at),
            })),
          ),
        },
      ],
      {
        sql: `UPDATE assignments a SET state = 'assigned', officer_id = v.officer_id, assigned_at = v.assigned_at, accepted_at = NULL,
                     target_department_id = NULL, target_officer_id = NULL
                FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) AS v (request_id, officer_id, assigned_at)
               WHERE a.request_id = v.request_id`,
        params: [made.map((x) => x.a.requestId), made.map((x) => x.officer.id), made.map((x) => x.at)],
      },
    );
  }

  private async announceWaiting(
    manager: EntityManager,
    a: Assignment,
    reason: string,
    departmentId: string | null = null,
    releasedFrom: string | null = null,
  ): Promise<void> {
    const supervisors = await manager.find(User, {
      where: departmentId ? { role: 'supervisor', departmentId } : { role: 'supervisor' },
      select: { id: true },
    });
    await this.outbox.publish(manager, 'request.unassigned.v1', {
      requestId: a.requestId,
      referenceNo: a.referenceNo,
      departmentId,
      supervisorIds: supervisors.map((s) => s.id),
      reason,
      releasedFrom,
      at: new Date().toISOString(),
    });
  }

  /** The request left the officer's hands (resolved, closed, cancelled): free the seat and refill it. */
  async release(manager: EntityManager, requestId: string): Promise<void> {
    const a = await manager.findOne(Assignment, { where: { requestId }, lock: { mode: 'pessimistic_write' } });
    if (!a || a.state === 'released') return;
    const officerId = a.officerId;
    await manager.update(Assignment, { requestId }, { state: 'released' });
    if (a.state === 'assigned' && officerId) {
      await freeSeat(manager, officerId);
      await this.drainFor(manager, officerId);
    }
  }

  /** Gives waiting requests to this officer while they have room: most urgent, then oldest, first. */
  async drainFor(manager: EntityManager, officerId: string): Promise<number> {
    let given = 0;
    for (;;) {
      const officer = await manager.findOne(User, { where: { id: officerId }, lock: { mode: 'pessimistic_write' } });
      if (!officer || officer.role !== 'officer' || !officer.available || officer.openCount >= officer.capacity) return given;
      // Plain waiting requests by category or liaison; transferred ones only to their target.
      const [next] = (await manager.query(
        `SELECT request_id FROM assignments
          WHERE state = 'waiting' AND (
                target_officer_id = $2
             OR (target_officer_id IS NULL AND target_department_id IS NULL AND (category = ANY($1::text[]) OR liaison_officer_id = $2))
             OR (target_officer_id IS NULL AND target_department_id = $3 AND previous_officer_id IS DISTINCT FROM $2))
          ORDER BY ${WAITING_ORDER} LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [officer.categories, officerId, officer.departmentId ?? NO_ID],
      )) as { request_id: string }[];
      if (!next) return given;
      const a = await manager.findOneByOrFail(Assignment, { requestId: next.request_id });
      const reason = a.targetOfficerId || a.targetDepartmentId ? 'transfer' : a.liaisonOfficerId === officerId ? 'liaison' : 'category';
      await takeSeat(manager, officerId);
      await this.assignTo(manager, a, officer, reason, a.previousOfficerId);
      given += 1;
    }
  }
}
