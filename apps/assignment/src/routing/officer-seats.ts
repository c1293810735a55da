import { preparedQuery } from '@qifu/database';
import type { RequestAssignedV1, RequestCategory } from '@qifu/contracts';
import type { EntityManager } from 'typeorm';
import type { User } from '../directory/user.entity';
import type { Assignment } from './assignment.entity';
import type { OfficerLoad } from './domain/routing-choice';

/** Matches no row: stands in for a missing id in `id = $n` comparisons. */
export const NO_ID = '00000000-0000-0000-0000-000000000000';

/** What an assignment event says of the officer. */
export type AssignedOfficer = Pick<User, 'id' | 'displayName' | 'departmentId' | 'supervisorId'>;

/**
 * Takes seats for a batch in one statement: `officerIds` names an officer once per seat wanted. An
 * officer gets all of their seats or none (someone was faster, or they left); the map holds those
 * who got theirs. Rows are locked in id order first, so two batches cannot deadlock on each other.
 */
export async function claimSeats(manager: EntityManager, officerIds: readonly string[]): Promise<Map<string, AssignedOfficer>> {
  if (officerIds.length === 0) return new Map();
  const [rows] = (await preparedQuery(
    manager,
    `WITH wanted AS (SELECT id, count(*)::int AS n FROM unnest($1::uuid[]) AS id GROUP BY id),
          locked AS MATERIALIZED (SELECT u.id FROM users u JOIN wanted w ON w.id = u.id ORDER BY u.id FOR UPDATE OF u)
     UPDATE users u SET open_count = u.open_count + w.n, last_assigned_at = clock_timestamp()
       FROM wanted w, locked l
      WHERE u.id = w.id AND l.id = u.id AND u.role = 'officer' AND u.available AND u.open_count + w.n <= u.capacity
      RETURNING u.id, u.display_name, u.department_id, u.supervisor_id`,
    [officerIds],
  )) as [{ id: string; display_name: string; department_id: string | null; supervisor_id: string | null }[], number];
  return new Map(
    rows.map((r) => [r.id, { id: r.id, displayName: r.display_name, departmentId: r.department_id, supervisorId: r.supervisor_id }]),
  );
}

/**
 * Takes one seat of the officer if they are still available with room (PostgreSQL re-checks the
 * condition against the newest row); null when someone was faster.
 */
export async function claimSeat(manager: EntityManager, officerId: string): Promise<AssignedOfficer | null> {
  return (await claimSeats(manager, [officerId])).get(officerId) ?? null;
}

/** One more open case for an officer whose room the caller has checked (or whose case it already is). */
export const takeSeat = (m: EntityManager, officerId: string): Promise<unknown> =>
  m.query('UPDATE users SET open_count = open_count + 1, last_assigned_at = $2 WHERE id = $1', [officerId, new Date()]);

/** One open case fewer: the officer's seat is free again. */
export const freeSeat = (m: EntityManager, officerId: string): Promise<unknown> =>
  m.query('UPDATE users SET open_count = GREATEST(open_count - 1, 0) WHERE id = $1', [officerId]);

/** The `request.assigned` event of an assignment. */
export function assignedEvent(
  a: Pick<Assignment, 'requestId' | 'referenceNo'>,
  officer: AssignedOfficer,
  reason: RequestAssignedV1['reason'],
  previousOfficerId: string | null,
  at: Date,
): RequestAssignedV1 {
  return {
    requestId: a.requestId,
    referenceNo: a.referenceNo,
    officerId: officer.id,
    officerName: officer.displayName,
    departmentId: officer.departmentId,
    supervisorId: officer.supervisorId,
    previousOfficerId,
    reason,
    assignedAt: at.toISOString(),
  };
}

/** An officer routing may choose, with what the assignment event names. */
export type Candidate = OfficerLoad & Pick<User, 'displayName' | 'departmentId' | 'supervisorId'>;

const CANDIDATE_COLUMNS = 'id, display_name, department_id, supervisor_id, categories, capacity, available, open_count, last_assigned_at';

interface CandidateRow {
  id: string;
  display_name: string;
  department_id: string | null;
  supervisor_id: string | null;
  categories: RequestCategory[];
  capacity: number;
  available: boolean;
  open_count: number;
  last_assigned_at: Date | null;
}

/**
 * The available officers who could take the request: its liaison officer and those with its category,
 * or for a transfer the named officer and the target department's officers. A plain query with only
 * the columns routing reads (it runs for every filing); `lock` locks them in id order.
 */
export async function officerCandidates(
  manager: EntityManager,
  a: Pick<Assignment, 'targetOfficerId' | 'targetDepartmentId' | 'liaisonOfficerId' | 'category'>,
  lock: boolean,
): Promise<Candidate[]> {
  const transfer = !!(a.targetOfficerId || a.targetDepartmentId);
  const rows = (await manager.query(
    `SELECT ${CANDIDATE_COLUMNS} FROM users
      WHERE role = 'officer' AND available AND ${transfer ? '(id = $1 OR department_id = $2)' : '(id = $1 OR $2 = ANY(categories))'}
      ${lock ? 'ORDER BY id FOR UPDATE' : ''}`,
    transfer ? [a.targetOfficerId ?? NO_ID, a.targetDepartmentId ?? NO_ID] : [a.liaisonOfficerId ?? NO_ID, a.category],
  )) as CandidateRow[];
  return rows.map(toCandidate);
}

/** The available officers who could take any of these new requests: one query for a batch of filings. */
export async function officerPool(
  manager: EntityManager,
  liaisonIds: readonly string[],
  categories: readonly RequestCategory[],
): Promise<Candidate[]> {
  const rows = (await preparedQuery(
    manager,
    `SELECT ${CANDIDATE_COLUMNS} FROM users
      WHERE role = 'officer' AND available AND (id = ANY($1::uuid[]) OR categories && $2::text[])`,
    [liaisonIds, categories],
  )) as CandidateRow[];
  return rows.map(toCandidate);
}

function toCandidate(r: CandidateRow): Candidate {
  return {
    id: r.id,
    displayName: r.display_name,
    departmentId: r.department_id,
    supervisorId: r.supervisor_id,
    categories: r.categories,
    capacity: r.capacity,
    available: r.available,
    openCount: r.open_count,
    lastAssignedAt: r.last_assigned_at,
  };
}
